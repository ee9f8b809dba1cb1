import { describe, expect, it } from 'vitest';
import { recordSchemas, type AnyRecord } from '../../shared/records';
import { seedTab } from './seed';
import { makers, teamSheet } from './team-sheet';

/**
 * The readable columns beside references ("Contact" next to Contact ID, a contact's "Next
 * follow-up"), kept by the sync. A sync into a large sheet reads only some rows: it fills what
 * they let it know, never blanks what it cannot know, and the hourly full read catches up.
 */
const HOUR = 3_600_000;
const day = (cell: unknown) => (Object.prototype.toString.call(cell) === '[object Date]' ? (cell as Date).toISOString().slice(0, 10) : cell);

describe('readable names beside references', () => {
  it('shows each history row’s contact and each contact’s next open follow-up, following renames and done follow-ups', () => {
    const team = teamSheet();
    team.sheet.bundle.callAs('editor', 'setUp');
    const { contact, interaction, followUp } = makers();
    const bea = contact({ company: 'Acme GmbH' });
    const call = followUp(bea.id, { dueAt: '2026-11-25' });
    const later = followUp(bea.id, { dueAt: '2026-12-03' });
    const first = team.sync({ contacts: [bea], interactions: [interaction(bea.id)], followUps: [call, later] });
    expect(team.rows('Interactions')[0]).toMatchObject({ Contact: 'Bea Lind · Acme GmbH' });
    expect(team.rows('FollowUps').map((r) => r.Contact)).toEqual(['Bea Lind · Acme GmbH', 'Bea Lind · Acme GmbH']);
    expect(day(team.rows('Contacts')[0]!['Next follow-up'])).toBe('2026-11-25');

    const at = '2026-11-20T11:00:00.000Z';
    team.sync({ contacts: [{ ...bea, lastName: 'Lind-Berg', updatedAt: at, fieldTimes: { lastName: at } }], followUps: [{ ...call, status: 'done', updatedAt: at, fieldTimes: { status: at } }] }, first.cursor);
    expect(team.rows('Interactions')[0]).toMatchObject({ Contact: 'Bea Lind-Berg · Acme GmbH' });
    expect(day(team.rows('Contacts')[0]!['Next follow-up'])).toBe('2026-12-03');
  });

  it('in a sheet too large to read whole: labels what it writes, blanks nothing, and catches up at the hourly full read', () => {
    const team = teamSheet();
    const at = '2026-11-20T09:00:00.000Z';
    const people = Array.from({ length: 800 }, (_, i) => recordSchemas.contacts.parse({ id: makers().contact().id, createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', firstName: `Person ${i}` }) as AnyRecord);
    seedTab(team.sheet, 'contacts', people, 0);
    team.sheet.bundle.callAs('editor', 'setUp');
    const first = team.sync({}, 0);
    const { interaction, followUp } = makers();
    const reader = people[300]!;

    team.advance(60_000);
    const second = team.sync({ interactions: [interaction(reader.id)], followUps: [followUp(people[10]!.id, { dueAt: '2026-11-30' })] }, first.cursor);
    expect(team.rows('Interactions')[0]).toMatchObject({ Contact: 'Person 300' });
    expect(team.rows('FollowUps')[0]).toMatchObject({ Contact: 'Person 10' });

    // A rename the edit log saw: that contact row is read, and its history follows.
    team.type('Contacts', team.rowOf('Contacts', reader.id), 'First name', 'Petra');
    team.advance(60_000);
    const third = team.sync({}, second.cursor);
    expect(team.rows('Interactions')[0]).toMatchObject({ Contact: 'Petra' });
    // One no trigger saw (another script): the label waits for the full read, and nothing is blanked meanwhile.
    team.typeUnseen('Contacts', team.rowOf('Contacts', reader.id), 'First name', 'Paula');
    team.advance(60_000);
    const fourth = team.sync({ interactions: [interaction(people[5]!.id)] }, third.cursor);
    expect(team.rows('Interactions').map((r) => r.Contact)).toEqual(['Petra', 'Person 5']);
    expect(team.rows('Contacts').filter((r) => r['Next follow-up'] !== '')).toHaveLength(0);

    team.advance(HOUR);
    team.sync({ interactions: [interaction(people[6]!.id)] }, fourth.cursor);
    expect(team.rows('Interactions').map((r) => r.Contact)).toEqual(['Paula', 'Person 5', 'Person 6']);
    expect(day(team.rows('Contacts')[10]!['Next follow-up'])).toBe('2026-11-30');
    expect(team.rows('Contacts').filter((r) => r['Next follow-up'] !== '')).toHaveLength(1);
  });
});
