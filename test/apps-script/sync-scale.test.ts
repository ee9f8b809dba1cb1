import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { emptyChanges, localSheet, TOKEN } from './local-sheet-harness';
import { makers, teamSheet } from './team-sheet';

// "Cost in proportion to change": what a sync reads, counted in cells, and answers in pages.
const MINUTE = 60_000;

function contacts(count: number, at: string) {
  return Array.from({ length: count }, (_, i) => ({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test', firstName: `P${i}`, emails: [`p${i}@client.test`] }));
}

describe('what a sync reads', () => {
  it('answers an idle sync from a handful of calls, reading no tab', () => {
    const team = teamSheet();
    const first = team.sync({ contacts: contacts(3000, '2026-11-20T09:00:00.000Z') });
    team.google.resetCalls();
    expect(team.sync({}, first.cursor).changes.contacts).toEqual([]);
    expect(team.google.calls.cellsRead).toBeLessThan(10);
    expect(team.google.spreadsheetCalls()).toBeLessThan(20);
    // Google counts property reads and writes against a daily quota: the state, the token, the member.
    expect(team.google.calls.byMethod['Properties.getProperty']).toBe(3);
    expect(team.google.calls.byMethod['Properties.setProperty'] ?? 0).toBe(0);
  });

  it('reads the rows it changes and the placing columns, not the whole tab', () => {
    const team = teamSheet();
    const people = contacts(3000, '2026-11-20T09:00:00.000Z');
    const first = team.sync({ contacts: people });
    team.advance(MINUTE);
    const edits = people.slice(0, 10).map((p) => ({ ...p, jobTitle: 'Buyer', updatedAt: team.now().toISOString() }));
    team.google.resetCalls();
    team.sync({ contacts: edits }, first.cursor);
    const width = team.header('Contacts').length;
    // Two columns of every tab (id and revision) plus the ten rows.
    expect(team.google.calls.cellsRead).toBeLessThan(2 * 3000 + 10 * width + 5 * 2 * width);
    expect(team.google.calls.cellsRead).toBeGreaterThanOrEqual(2 * 3000);
  });

  it('finds an edit the onEdit trigger logged, and with no trigger, at the hourly full read', () => {
    const team = teamSheet();
    const { contact } = makers();
    const people = Array.from({ length: 600 }, (_, i) => contact({ firstName: `P${i}` }));
    const first = team.sync({ contacts: people });
    team.type('Contacts', team.rowOf('Contacts', people[100]!.id), 'Job title', 'Seen by the trigger');
    const seen = team.sync({}, first.cursor);
    expect(seen.changes.contacts).toEqual([expect.objectContaining({ id: people[100]!.id, jobTitle: 'Seen by the trigger' })]);

    team.typeUnseen('Contacts', team.rowOf('Contacts', people[200]!.id), 'Job title', 'Seen by no trigger');
    team.advance(MINUTE);
    expect(team.sync({}, seen.cursor).changes.contacts).toEqual([]);
    team.advance(61 * MINUTE);
    expect(team.sync({}, seen.cursor).changes.contacts).toEqual([expect.objectContaining({ id: people[200]!.id, jobTitle: 'Seen by no trigger' })]);
  });
});

describe('the id index', () => {
  it('notices a deleted row among thousands of ids added over several syncs', () => {
    const team = teamSheet();
    const people = contacts(2500, '2026-11-20T09:00:00.000Z');
    let cursor = 0;
    for (const part of [people.slice(0, 700), people.slice(700, 1800), people.slice(1800)]) cursor = team.sync({ contacts: part }, cursor).cursor;
    const gone = people[1700]!;
    team.google.asPerson(() => team.tab('Contacts').deleteRow(team.rowOf('Contacts', gone.id)));
    const next = team.sync({}, cursor);
    expect(next.changes.contacts).toEqual([expect.objectContaining({ id: gone.id, deleted: true })]);
    // The index keeps a thousand ids to a cell.
    const index = team.google.asPerson(() => team.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rapport ids')!.getDataRange().getValues());
    expect(index.length).toBe(1 + 3);
  });
});

describe('the grid', () => {
  it('makes each record tab exactly as wide as its columns', () => {
    const team = teamSheet();
    team.sync({ contacts: [makers().contact()] });
    for (const name of ['Contacts', 'Companies', 'Interactions', 'Deals', 'FollowUps']) {
      const tab = team.tab(name);
      expect(team.google.asPerson(() => tab.getMaxColumns())).toBe(team.header(name).length);
    }
  });
});

describe('paged answers', () => {
  it('delivers every row exactly once across pages, and across a restart of the sheet', () => {
    const at = '2026-11-20T09:00:00.000Z';
    const now = () => new Date('2026-11-20T10:00:00.000Z');
    const first = localSheet(undefined, now);
    const people = contacts(11_000, at);
    for (let start = 0; start < people.length; start += 5000) {
      expect(first.post({ token: TOKEN, clientId: 'a', since: 0, changes: { ...emptyChanges(), contacts: people.slice(start, start + 5000) } }).ok).toBe(true);
    }
    const seen: string[] = [];
    const pull = (sheet: ReturnType<typeof localSheet>, since: number) => {
      const answer = sheet.post({ token: TOKEN, clientId: 'b', since, changes: emptyChanges() }) as unknown as { cursor: number; more?: boolean; remaining?: number; changes: { contacts: { id: string }[] } };
      seen.push(...answer.changes.contacts.map((c) => c.id));
      return answer;
    };
    const page1 = pull(first, 0);
    expect(page1).toMatchObject({ more: true, remaining: 6000 });
    expect(page1.changes.contacts).toHaveLength(5000);
    // The sheet restarts from its saved workbook between two pages.
    const again = localSheet(first.google.toJSON(), now);
    const page2 = pull(again, page1.cursor);
    expect(page2).toMatchObject({ more: true, remaining: 1000 });
    const page3 = pull(again, page2.cursor);
    expect(page3.more).toBeUndefined();
    expect(seen).toHaveLength(11_000);
    expect(new Set(seen).size).toBe(11_000);
    expect(pull(again, page3.cursor).changes.contacts).toEqual([]);
  }, 60_000);
});
