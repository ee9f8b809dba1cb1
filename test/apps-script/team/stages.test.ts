import { describe, expect, it } from 'vitest';
import { seededIds } from '../scoring/scoring-sheet';
import { ANN, seededTeam, setSetting } from '../seeded-team';

const DAY = 86_400_000;
const stages = (team: ReturnType<typeof seededTeam>['team']) => Object.fromEntries(team.rows('Contacts').map((r) => [r['First name'], r.Stage]));
const notes = (team: ReturnType<typeof seededTeam>['team']) =>
  team.rows('Interactions').filter((r) => String(r.Subject).startsWith('Stage: ')).map((r) => [r.Contact, r.Subject, r.Summary, r.Type, r['Updated by']]);

describe('stages that move by themselves (built bundle, local sheet)', () => {
  it('moves leads with a purchase to customer and slipping customers to at risk, with a note each, and respects a stage a person set', () => {
    const { team } = seededTeam();
    const { cursor } = team.sync({});
    // A person sets Carl to loyal after one purchase: Rapport must not take him back to customer.
    team.type('Contacts', team.rowOf('Contacts', team.rows('Contacts').find((r) => r['First name'] === 'Carl')!.id as string), 'Stage', 'loyal');
    team.sync({}, cursor);
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team)).toEqual({ Bea: 'customer', Carl: 'loyal', Dora: 'at risk', Emil: 'customer', Finn: 'customer', Gina: 'lead', Hugo: 'lost' });
    expect(notes(team)).toEqual([
      ['Dora Fink', 'Stage: loyal → at risk', '120 days since the last purchase; usually 14 (at risk after 2 × that).', 'note', 'rapport'],
      ['Finn Hale', 'Stage: qualified → customer', 'First purchase or won deal on 2026-10-01.', 'note', 'rapport'],
    ]);
    // Every member receives the new stages and the notes.
    const pulled = team.sync({}, cursor);
    expect(pulled.changes.contacts.filter((c) => c.updatedBy === 'rapport').map((c) => [c.firstName, c.stage])).toEqual(expect.arrayContaining([['Dora', 'at risk'], ['Finn', 'customer']]));
    expect(pulled.changes.interactions.filter((i) => String(i.subject).startsWith('Stage: '))).toHaveLength(2);
    // Nothing moves again the next night.
    team.advance(DAY);
    team.sheet.bundle.call('nightlyRun');
    expect(notes(team)).toHaveLength(2);
  });

  it('takes an at-risk customer back when they buy again, and leaves a stage a person set to at risk', () => {
    const { team, contacts } = seededTeam();
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team).Dora).toBe('at risk');
    team.advance(DAY);
    const newId = seededIds(99);
    const at = team.now().toISOString();
    team.sync({ interactions: [{ id: newId(), createdAt: at, updatedAt: at, updatedBy: ANN, contactId: contacts.dora.id, type: 'purchase', direction: 'inbound', occurredAt: at, amount: 900 }] });
    team.advance(DAY);
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team).Dora).toBe('loyal');
    expect(notes(team).at(-1)).toEqual(['Dora Fink', 'Stage: at risk → loyal', 'Bought again on 2026-11-25 after being at risk.', 'note', 'rapport']);

    // Bea set to at risk by a person: her next purchase does not move her.
    team.type('Contacts', team.rowOf('Contacts', contacts.bea.id), 'Stage', 'at risk');
    team.sync({});
    team.advance(DAY);
    const later = team.now().toISOString();
    team.sync({ interactions: [{ id: newId(), createdAt: later, updatedAt: later, updatedBy: ANN, contactId: contacts.bea.id, type: 'purchase', direction: 'inbound', occurredAt: later, amount: 100 }] });
    team.advance(DAY);
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team).Bea).toBe('at risk');
  });

  it('never moves a stage a person set, though the customer is slipping away and bought often enough to be loyal', () => {
    const { team, contacts } = seededTeam();
    team.type('Contacts', team.rowOf('Contacts', contacts.dora.id), 'Stage', 'customer');
    team.sync({});
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team)).toMatchObject({ Dora: 'customer', Finn: 'customer' });
    expect(notes(team).map((n) => n[0])).toEqual(['Finn Hale']);
    // Forward on a purchase made since: Gina, qualified by a person, buys and becomes a customer.
    team.type('Contacts', team.rowOf('Contacts', contacts.gina.id), 'Stage', 'qualified');
    team.sync({});
    team.advance(DAY);
    const at = team.now().toISOString();
    team.sync({ interactions: [{ id: seededIds(98)(), createdAt: at, updatedAt: at, updatedBy: ANN, contactId: contacts.gina.id, type: 'purchase', direction: 'inbound', occurredAt: at, amount: 120 }] });
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team)).toMatchObject({ Gina: 'customer', Dora: 'customer' });
  });

  it('moves nothing when the Settings say stages do not move by themselves', () => {
    const { team } = seededTeam();
    setSetting(team, 'stages.automatic', false);
    team.sheet.bundle.call('nightlyRun');
    expect(stages(team)).toMatchObject({ Dora: 'loyal', Finn: 'qualified' });
    expect(notes(team)).toEqual([]);
  });
});
