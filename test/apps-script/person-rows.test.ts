import { describe, expect, it } from 'vitest';
import { TOKEN } from './local-sheet-harness';
import { makers, teamSheet } from './team-sheet';

// "Export everything about this person" asks the sheet what it holds about them: their rows as
// people see them, the team's own columns included, read without reading the whole sheet.
describe('what the sheet holds about one person (doGet person=)', () => {
  it('answers their row and every row naming them, with the team’s own column, and reads only the id columns and their rows', () => {
    const team = teamSheet();
    const make = makers();
    const bea = make.contact({ firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'] });
    const others = Array.from({ length: 2000 }, (_, i) => make.contact({ firstName: `P${i}`, emails: [`p${i}@client.test`] }));
    const interactions = [
      ...others.slice(0, 3000).map((p) => make.interaction(p.id, { subject: 'Someone else' })),
      make.interaction(bea.id, { subject: 'Pricing for 40 seats' }),
      make.interaction(bea.id, { subject: 'Call about the renewal', type: 'call' }),
    ];
    team.sync({ contacts: [...others.slice(0, 1000), bea, ...others.slice(1000)], interactions, deals: [make.deal(bea.id)], followUps: [make.followUp(others[5]!.id)] });
    // A column of the team's own, which the sync does not carry.
    const contacts = team.tab('Contacts');
    const width = contacts.getLastColumn();
    team.google.asPerson(() => {
      contacts.insertColumnsAfter(width, 1);
      contacts.getRange(1, width + 1).setValue('Favourite wine');
      contacts.getRange(team.rowOf('Contacts', bea.id), width + 1).setValue('Riesling');
    });

    team.google.resetCalls();
    const answer = team.sheet.get({ token: TOKEN, person: bea.id }) as { ok: true; person: Record<string, Record<string, string>[]>; archived: Record<string, unknown[]> };
    expect(answer.ok).toBe(true);
    expect(answer.person.Contacts).toEqual([expect.objectContaining({ 'First name': 'Bea', 'Last name': 'Lindqvist', Emails: 'bea@northwind.test', 'Favourite wine': 'Riesling' })]);
    expect(answer.person.Interactions!.map((row) => row.Subject).sort()).toEqual(['Call about the renewal', 'Pricing for 40 seats']);
    expect(answer.person.Deals).toEqual([expect.objectContaining({ Name: 'Bea’s 40 seats' })]);
    expect(answer.person.FollowUps).toBeUndefined();
    // Hidden bookkeeping is no personal data of theirs.
    expect(Object.keys(answer.person.Contacts![0]!)).not.toContain('_rev');
    expect(answer.archived).toEqual({ interactions: [], deals: [], followUps: [] });
    // The id column of each tab (2,001 + 2,002 + 1 + 1 cells) and their rows, not the 4,000 rows of the sheet.
    expect(team.google.calls.cellsRead).toBeLessThan(4100 + 4 * 60);
  });

  it('answers nothing for what is not a record id, and a wrong token with unauthorized', () => {
    const team = teamSheet();
    team.sync({ contacts: [makers().contact()] });
    expect(team.sheet.get({ token: TOKEN, person: '*' })).toMatchObject({ ok: true, person: {} });
    expect(team.sheet.get({ token: 'wrong-token-0123456789', person: '*' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
