import { describe, expect, it } from 'vitest';
import { applySync, type TabSnapshot } from '../../apps-script/src/sync/apply-sync';
import { newId } from '../../shared/ids';
import { tableNames, type TableName } from '../../shared/records';
import { tabSpecs } from '../../shared/sheet-columns';

const emptyTabs = () => Object.fromEntries(tableNames.map((t) => [t, { header: [], rows: [] }])) as unknown as Record<TableName, TabSnapshot>;
const noChanges = () => Object.fromEntries(tableNames.map((t) => [t, [] as unknown[]])) as Record<TableName, unknown[]>;
const context = (rev = 0, now = new Date('2026-11-23T10:00:00Z')) => ({ member: 'ann@team.test', now, newId, rev });

function contact(overrides: Record<string, unknown> = {}) {
  return {
    id: newId(), createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z', updatedBy: 'ann@team.test',
    firstName: 'Bea', lastName: 'Lind', emails: ['bea@client.test'], ...overrides,
  };
}

/** Applies a sync's writes to the snapshot, as the sheet would hold it afterwards (values as written). */
function applyWrites(tabs: Record<TableName, TabSnapshot>, result: ReturnType<typeof applySync>) {
  const next = emptyTabs();
  for (const table of tableNames) {
    const write = result.writes[table];
    const rows = tabs[table].rows.map((r) => [...r]);
    for (const [index, row] of write.rows) rows[index] = row.map((cell) => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell));
    next[table] = { header: write.header ?? tabs[table].header, rows };
  }
  return next;
}

describe('applySync', () => {
  it('creates the headers and appends a new contact with a revision', () => {
    const changes = noChanges();
    const bea = contact();
    changes.contacts.push(bea);
    const result = applySync({ since: 0, changes }, emptyTabs(), context());
    expect(result.response.cursor).toBe(1);
    expect(result.writes.contacts.header).toEqual(tabSpecs.contacts.columns.map((c) => c.header));
    expect(result.writes.contacts.rows.size).toBe(1);
    expect(result.response.changes.contacts.map((c) => c.id)).toEqual([bea.id]);
  });

  it('is idempotent: the same batch twice changes nothing the second time', () => {
    const changes = noChanges();
    changes.contacts.push(contact());
    const first = applySync({ since: 0, changes }, emptyTabs(), context());
    const sheet = applyWrites(emptyTabs(), first);
    const second = applySync({ since: first.response.cursor, changes }, sheet, context(first.response.cursor));
    expect(second.writes.contacts.rows.size).toBe(0);
    expect(second.response.cursor).toBe(first.response.cursor);
    expect(second.response.changes.contacts).toEqual([]);
  });

  it('keeps the later write and ignores an older one', () => {
    const bea = contact();
    const changes = noChanges();
    changes.contacts.push(bea);
    const first = applySync({ since: 0, changes }, emptyTabs(), context());
    const sheet = applyWrites(emptyTabs(), first);
    const older = noChanges();
    older.contacts.push({ ...bea, jobTitle: 'Old title', updatedAt: '2026-11-19T09:00:00.000Z' });
    expect(applySync({ since: 1, changes: older }, sheet, context(1)).writes.contacts.rows.size).toBe(0);
    const newer = noChanges();
    newer.contacts.push({ ...bea, jobTitle: 'CTO', updatedAt: '2026-11-21T09:00:00.000Z' });
    const result = applySync({ since: 1, changes: newer }, sheet, context(1));
    expect(result.response.changes.contacts[0]?.jobTitle).toBe('CTO');
  });

  it('notices a cell a person edited and hands the row to the clients as a sheet edit', () => {
    const changes = noChanges();
    changes.contacts.push(contact());
    const first = applySync({ since: 0, changes }, emptyTabs(), context());
    const sheet = applyWrites(emptyTabs(), first);
    const titleColumn = sheet.contacts.header.indexOf('Job title');
    sheet.contacts.rows[0]![titleColumn] = 'Head of Sales';
    const result = applySync({ since: first.response.cursor, changes: noChanges() }, sheet, context(first.response.cursor));
    const [edited] = result.response.changes.contacts;
    expect(edited?.jobTitle).toBe('Head of Sales');
    expect(edited?.updatedBy).toBe('sheet');
    expect(result.response.cursor).toBe(first.response.cursor + 1);
  });

  it('rejects an invalid record by itself and keeps the rest of the batch', () => {
    const changes = noChanges();
    const good = contact();
    changes.contacts.push(good, { id: 'not-a-uuid', firstName: 'X' });
    const result = applySync({ since: 0, changes }, emptyTabs(), context());
    expect(result.response.rejected).toEqual([expect.objectContaining({ table: 'contacts', id: 'not-a-uuid' })]);
    expect(result.response.changes.contacts.map((c) => c.id)).toEqual([good.id]);
  });

  it('writes hostile text so the sheet keeps it as text, never as a formula', () => {
    const changes = noChanges();
    changes.contacts.push(contact({ firstName: '=HYPERLINK("http://evil.test","x")', notes: '+1 555', tags: ['@import'] }));
    const result = applySync({ since: 0, changes }, emptyTabs(), context());
    const row = [...result.writes.contacts.rows.values()][0]!;
    const header = result.writes.contacts.header!;
    expect(row[header.indexOf('First name')]).toBe('\'=HYPERLINK("http://evil.test","x")');
    expect(row[header.indexOf('Notes')]).toBe("'+1 555");
    expect(row[header.indexOf('Tags')]).toBe("'@import");
  });

  it('gives a row a person added an id and keeps columns people added untouched', () => {
    const header = [...tabSpecs.contacts.columns.map((c) => c.header), 'My notes'];
    const row = header.map((h) => (h === 'First name' ? 'Carl' : h === 'Emails' ? 'carl@client.test' : h === 'My notes' ? 'call Monday' : ''));
    const tabs = emptyTabs();
    tabs.contacts = { header, rows: [row] };
    const result = applySync({ since: 0, changes: noChanges() }, tabs, context());
    const [carl] = result.response.changes.contacts;
    expect(carl?.firstName).toBe('Carl');
    expect(carl?.emails).toEqual(['carl@client.test']);
    expect(result.writes.contacts.ownedColumns).not.toContain(header.indexOf('My notes'));
  });

  it('reports a row a person broke instead of syncing it', () => {
    const header = tabSpecs.contacts.columns.map((c) => c.header);
    const row = header.map((h) => (h === 'First name' ? 'Dana' : h === 'Stage' ? 'best friend' : ''));
    const tabs = emptyTabs();
    tabs.contacts = { header, rows: [row] };
    const result = applySync({ since: 0, changes: noChanges() }, tabs, context());
    expect(result.response.changes.contacts).toEqual([]);
    expect(result.response.sheetProblems).toEqual([expect.objectContaining({ tab: 'Contacts', row: 2 })]);
  });

  it('turns a deleted record into a tombstone without personal data', () => {
    const bea = contact({ notes: 'private' });
    const changes = noChanges();
    changes.contacts.push({ ...bea, deleted: true, updatedAt: '2026-11-21T09:00:00.000Z' });
    const [tombstone] = applySync({ since: 0, changes }, emptyTabs(), context()).response.changes.contacts;
    expect(tombstone).toMatchObject({ id: bea.id, deleted: true, firstName: '', emails: [], notes: '' });
  });
});
