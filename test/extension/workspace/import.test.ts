import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../../extension/db/database';
import { addImportedContacts, importContacts, ImportCancelled, planImport, settleFailedImports } from '../../../extension/db/import-contacts';
import { mergeContacts } from '../../../extension/db/merge-contacts';
import { deleteRecord } from '../../../extension/db/write-record';
import { failedImports, importProgress } from '../../../extension/db/import-progress';
import { writeRecord } from '../../../extension/db/write-record';
import { exportKind, guessColumns } from '../../../extension/workspace/import/column-guesses';
import { checkCsvRows, readCsv, type CsvTable } from '../../../extension/workspace/import/csv-file';
import { checkRow, parseDay } from '../../../extension/workspace/import/import-fields';
import { readVcards } from '../../../extension/workspace/import/vcard-file';
import { newId } from '../../../shared/ids';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../fixtures', path), 'utf8');
const table = (path: string): CsvTable => {
  const read = readCsv(fixture(path));
  if (!read.ok) throw new Error(read.reason);
  return read.table;
};
const mapped = (t: CsvTable) => Object.fromEntries(guessColumns(t.headers, t.rows.map((r) => r.cells)).map((target, i) => [t.headers[i], target]).filter(([, target]) => target));

describe('CSV exports of other tools', () => {
  it('are recognised and their columns guessed', () => {
    const google = table('import/google-contacts.csv');
    expect(exportKind(google.headers)).toBe('google');
    expect(mapped(google)).toMatchObject({ 'First Name': 'firstName', 'Last Name': 'lastName', 'Organization Name': 'company', 'Organization Title': 'jobTitle', 'E-mail 1 - Value': 'emails', 'E-mail 2 - Value': 'emails', 'Phone 1 - Value': 'phones', Labels: 'tags', Birthday: 'birthday', 'Website 1 - Value': 'website' });
    expect(mapped(google)).not.toHaveProperty('E-mail 1 - Label');

    const outlook = table('import/outlook.csv');
    expect(exportKind(outlook.headers)).toBe('outlook');
    // Outlook's "Title" is Mr./Ms.: the job title column wins; fax numbers are no phones; home addresses are left out.
    expect(mapped(outlook)).toMatchObject({ 'Job Title': 'jobTitle', Company: 'company', 'E-mail Address': 'emails', 'Business Phone': 'phones', 'Mobile Phone': 'phones', 'Business Street': 'address' });
    expect(mapped(outlook)).not.toHaveProperty('Title');
    expect(mapped(outlook)).not.toHaveProperty('Business Fax');
    expect(mapped(outlook)).not.toHaveProperty('Home Street');

    const hubspot = table('import/hubspot.csv');
    expect(exportKind(hubspot.headers)).toBe('hubspot');
    expect(mapped(hubspot)).toMatchObject({ Email: 'emails', 'Phone Number': 'phones', 'Company Name': 'company', 'Lifecycle Stage': 'stage' });

    // LinkedIn writes notes above the header row; its URL is a profile, not a website.
    const linkedin = table('import/linkedin-connections.csv');
    expect(exportKind(linkedin.headers)).toBe('linkedin');
    expect(linkedin.rows[0]?.line).toBe(5);
    expect(mapped(linkedin)).toMatchObject({ URL: 'socialLinks', 'Email Address': 'emails', Position: 'jobTitle', Company: 'company' });
  });

  it('become contacts, whole rows or none, each bad row with its line and reason', () => {
    const t = table('import/with-bad-rows.csv');
    const rows = checkCsvRows(t, guessColumns(t.headers, []));
    const bad = rows.filter((r) => !r.draft).map((r) => [r.line, r.problems.map((p) => `${p.key}:${p.value ?? ''}`)]);
    expect(bad).toEqual([[3, ['noName:']], [4, ['badEmail:paul.becker(at)example.test']], [5, ['badDate:31.02.1988']]]);
    const max = rows.find((r) => r.draft?.lastName === 'Mustermann')!;
    expect(max.draft?.notes).toBe('multi\r\nline note');
    expect(rows.find((r) => r.line === 10)?.draft?.firstName).toBe('Eva'); // after a cell over two lines

    const hubspot = table('import/hubspot.csv');
    expect(checkCsvRows(hubspot, guessColumns(hubspot.headers, [])).map((r) => r.draft?.stage)).toEqual(['qualified', 'customer']);
    const google = table('import/google-contacts.csv');
    const fromGoogle = checkCsvRows(google, guessColumns(google.headers, []));
    expect(fromGoogle[0]?.draft).toMatchObject({ emails: ['bea.lindqvist@northwind.test', 'bea@lindqvist.test'], tags: ['Trade fair'], birthday: '1984-05-12', address: 'Hafenstraße 5, 20457 Hamburg' });
    expect(fromGoogle[1]?.problems).toEqual([{ key: 'dateWithoutYear', value: '--03-22' }]);
    expect(fromGoogle[2]?.draft?.emails).toEqual(['amelia.hart@contoso.test', 'a.hart@contoso.test']);
  });

  it('read days as exports write them', () => {
    expect([parseDay('3/14/1979'), parseDay('14.03.1979'), parseDay('19790314'), parseDay('0/0/00'), parseDay(''), parseDay('--0314'), parseDay('1979-02-30')]).toEqual(['1979-03-14', '1979-03-14', '1979-03-14', '', '', 'noYear', null]);
  });
});

describe('vCards exported by phones and mail programs', () => {
  it('iPhone 3.0 with item groups, a photo and \\r\\r\\n line ends', () => {
    const { rows, unreadable } = readVcards(fixture('vcard/John_Doe_IPHONE.vcf'));
    expect(unreadable).toEqual([]);
    expect(rows[0]?.draft).toMatchObject({ firstName: 'John Richter James', lastName: 'Doe', emails: ['john.doe@ibm.com'], company: 'IBM', jobTitle: 'Money Counter', website: 'http://www.ibm.com', birthday: '2012-06-06' });
    expect(rows[0]?.draft?.phones).toHaveLength(7);
  });

  it('Android 2.1 with quoted-printable UTF-8, and its card with a broken address listed', () => {
    const { rows } = readVcards(fixture('vcard/John_Doe_ANDROID.vcf'));
    expect(rows.map((r) => r.line)).toEqual([1, 6, 11, 18, 36, 71]);
    expect(rows[3]?.draft?.lastName).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
    expect(rows[3]?.draft?.phones).toEqual(['123456', '234567', '3456789', '45678901']);
    expect(rows[4]?.problems).toEqual([{ key: 'badEmail', value: 'ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ' }]);
    expect(rows[0]?.draft?.tags).toEqual([]); // Android's "My Contacts" group is no tag
  });

  it('Gmail 3.0 and Outlook 2.1 (2003, 2007) with quoted-printable notes', () => {
    const gmail = readVcards(fixture('vcard/John_Doe_GMAIL.vcf')).rows[0]!.draft!;
    expect(gmail).toMatchObject({ lastName: 'Doe', emails: ['john.doe@ibm.com'], phones: ['905-555-1234', '905-666-1234'], birthday: '1980-03-22' });
    expect(gmail.notes).toContain('CONTRIBUTORS "AS IS" AND');
    expect(gmail.notes).toContain('SERVICES; LOSS OF USE');
    expect(readVcards(fixture('vcard/gmail-list.vcf')).rows.map((r) => r.draft?.emails?.[0])).toEqual(['asmithk@gmail.com', 'chrisy55d@yahoo.com', 'dwhite@gmail.com']);
    const outlook = readVcards(fixture('vcard/outlook-2007.vcf')).rows[0]!.draft!;
    expect(outlook).toMatchObject({ firstName: 'Michael', lastName: 'Angstadt', company: 'TheCompany', jobTitle: 'TheJobTitle', birthday: '1922-03-10', emails: ['mike.angstadt@gmail.com'] });
    expect(outlook.notes).toBe('This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I\'m not sure because there\'s text formatting going on here.\nIt does not preserve the formatting');
    expect(readVcards(fixture('vcard/John_Doe_MS_OUTLOOK.vcf')).rows[0]?.draft).toMatchObject({ address: 'Cresent moon drive, Albaney, New York, 12345, United States of America', birthday: '1980-03-22' });
  });
});

describe('a row', () => {
  it('that Rapport cannot hold is a bad row with the field and why, checked by the contact contract', () => {
    expect(checkRow(2, { firstName: ['x'.repeat(201)], emails: ['a@b.test'] })).toMatchObject({ draft: null, problems: [{ key: 'tooLong', value: 'firstName' }] });
    const emails = Array.from({ length: 51 }, (_, i) => `p${i}@b.test`).join(';');
    expect(checkRow(3, { firstName: ['Ann'], emails: [emails] })).toMatchObject({ draft: null, problems: [{ key: 'tooMany', value: 'emails' }] });
    expect(checkRow(4, { firstName: ['Ann'], phones: ['1'.repeat(501)] })).toMatchObject({ draft: null, problems: [{ key: 'tooLong', value: 'phones' }] });
    expect(checkRow(5, { firstName: ['x'.repeat(200)], emails: ['a@b.test'] }).problems).toEqual([]);
  });
});

describe('an import', () => {
  let db: RapportDatabase;
  beforeEach(() => {
    db = new RapportDatabase(`import-${newId()}`);
  });

  it('finds duplicates of known contacts and of earlier rows, and skips them, merges them or saves them as new', async () => {
    await writeRecord(db, 'contacts', { firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea.lindqvist@northwind.test'] }, 'ann@team.test');
    const t = table('import/with-bad-rows.csv');
    const plan = await planImport(db, checkCsvRows(t, guessColumns(t.headers, [])), ['example.test']);
    expect(plan.bad.map((r) => [r.line, r.problems[0]?.key])).toEqual([[3, 'noName'], [4, 'badEmail'], [5, 'badDate'], [8, 'neverLog']]);
    expect(plan.rows.filter((r) => r.duplicate).map((r) => [r.line, r.duplicate])).toEqual([
      [6, { kind: 'file', line: 2 }],
      [7, { kind: 'existing', contactId: expect.any(String), name: 'Bea Lindqvist', by: 'email' }],
    ]);
    const result = await importContacts(db, plan.rows, 'update', 'ann@team.test');
    expect(result).toEqual({ created: 2, updated: 1, skipped: 1 });
    // Saved whole, then added to the contact tables.
    expect(await importProgress(db)).toEqual({ done: 0, total: 3 });
    expect(await db.contacts.count()).toBe(1);
    expect(await addImportedContacts(db)).toBe(3);
    expect(await importProgress(db)).toBeNull();
    const bea = (await db.contacts.where('emails').equals('bea.lindqvist@northwind.test').toArray())[0]!;
    expect(bea).toMatchObject({ company: 'Northwind Traders GmbH', jobTitle: 'Head of Procurement', notes: 'already known' });
    expect(await db.contactRows.count()).toBe(3);
    expect(await db.outbox.count()).toBe(4);
  });

  it('cancelled, leaves nothing behind', async () => {
    const drafts = Array.from({ length: 5000 }, (_, i) => ({ line: i + 2, draft: { firstName: `P${i}`, emails: [`p${i}@x.test`] }, duplicate: null }));
    const abort = new AbortController();
    const done = importContacts(db, drafts, 'skip', 'me', { signal: abort.signal, onProgress: ({ done }) => { if (done >= 2000) abort.abort(); } });
    await expect(done).rejects.toBeInstanceOf(ImportCancelled);
    expect(await db.importBatches.count()).toBe(0);
    expect(await importProgress(db)).toBeNull();
    expect(await addImportedContacts(db)).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.contactRows.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  const people = (count: number) => Array.from({ length: count }, (_, i) => ({ line: i + 2, draft: { firstName: `P${i}`, lastName: 'Imported', emails: [`p${i}@x.test`] }, duplicate: null }));
  const everyContactOnce = async (count: number) => {
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(count);
    expect(new Set(contacts.flatMap((c) => c.emails)).size).toBe(count);
    expect(await db.contactRows.count()).toBe(count);
    expect(new Set((await db.outbox.toArray()).map((e) => e.id)).size).toBe(count);
    expect(await db.outbox.count()).toBe(count);
    expect(await db.importBatches.count()).toBe(0);
    expect(await importProgress(db)).toBeNull();
  };

  it('stopped while being added (the page closed), carries on where it stopped and adds every contact once', async () => {
    await importContacts(db, people(5000), 'skip', 'me');
    const closed = new Error('page closed');
    await expect(addImportedContacts(db, () => { throw closed; })).rejects.toBe(closed);
    expect(await db.contacts.count()).toBe(2000);
    expect(await db.contactRows.where('tokens').startsWith('imported').count()).toBe(2000);
    expect(await importProgress(db)).toEqual({ done: 2000, total: 5000 });
    // The service worker, starting later, opens the database anew.
    const worker = new RapportDatabase(db.name);
    const seen: number[] = [];
    expect(await addImportedContacts(worker, (p) => seen.push(p.done))).toBe(5000);
    expect(seen).toEqual([4000, 5000]);
    await everyContactOnce(5000);
  });

  it('works in a profile made before imports were saved in parts (database version 3)', async () => {
    const name = `v3-${newId()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      contacts: 'id, *emails, *phones, lastName, updatedAt, [lastName+firstName], keepInTouchDays, companyId', companies: 'id, domain, name',
      interactions: 'id, contactId, messageId, occurredAt, [contactId+occurredAt]', deals: 'id, contactId, companyId, stage',
      followUps: 'id, contactId, dueAt, status, [status+dueAt], [contactId+status+dueAt]', outbox: '++seq, [table+id]', meta: 'key',
      contactRows: 'id, sortName, *tokens, stage, *tags, owner, rfmSegment, valueClass, atRisk, clv, companyKey, companyId', contactActivity: 'id, lastContactAt, nextFollowUpAt',
    });
    await old.open();
    old.close();
    db = new RapportDatabase(name);
    await importContacts(db, people(10), 'skip', 'me');
    expect(await addImportedContacts(db)).toBe(10);
    await everyContactOnce(10);
  });

  it('sets aside a part that cannot be added, adds the rest and later imports, and tries it again or drops it on request', async () => {
    // A row the schema refuses (as a newer version's stricter schema might) spoils its part of 2,000.
    const rows = people(4500);
    rows[2100]!.draft.firstName = 'x'.repeat(300);
    await importContacts(db, rows, 'skip', 'me');
    await importContacts(db, people(10).map((r) => ({ ...r, draft: { ...r.draft, emails: [`later${r.line}@x.test`] } })), 'skip', 'me');
    expect(await addImportedContacts(db)).toBe(2510);
    expect(await db.contacts.count()).toBe(2510);
    expect(await importProgress(db)).toBeNull();
    expect(await failedImports(db)).toEqual({ rows: 2000, reason: expect.stringContaining('firstName') });

    await settleFailedImports(db, 'retry');
    expect(await importProgress(db)).toEqual({ done: 0, total: 2000 });
    await addImportedContacts(db);
    expect(await failedImports(db)).toEqual({ rows: 2000, reason: expect.any(String) });
    await settleFailedImports(db, 'discard');
    expect(await failedImports(db)).toBeNull();
    expect(await db.contacts.count()).toBe(2510);
    expect(await db.outbox.count()).toBe(2510);
  });

  it('merges a row into the contact its known one was merged into, and drops it for an erased one', async () => {
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea', lastName: 'Lindqvist', emails: ['bea@northwind.test'] }, 'me');
    const carl = await writeRecord(db, 'contacts', { firstName: 'Carl', emails: ['carl@northwind.test'] }, 'me');
    const plan = await planImport(db, [
      { line: 2, draft: { firstName: 'Bea', emails: ['bea@northwind.test'], jobTitle: 'Head of Purchasing' }, problems: [] },
      { line: 3, draft: { firstName: 'Carl', emails: ['carl@northwind.test'], jobTitle: 'CFO' }, problems: [] },
    ]);
    expect(plan.rows.map((r) => r.duplicate?.kind)).toEqual(['existing', 'existing']);
    await importContacts(db, plan.rows, 'update', 'me');
    // Before the rows are added, Bea's record is merged into a second one, and Carl is erased.
    const second = await writeRecord(db, 'contacts', { firstName: 'Beatrice', lastName: 'Lindqvist', emails: ['b.lindqvist@northwind.test'] }, 'me');
    await mergeContacts(db, second.id, bea.id, {}, 'me');
    await deleteRecord(db, 'contacts', carl.id, 'me');
    await addImportedContacts(db);
    expect(await db.contacts.get(second.id)).toMatchObject({ jobTitle: 'Head of Purchasing', deleted: false });
    expect(await db.contacts.get(carl.id)).toMatchObject({ deleted: true, jobTitle: '' });
  });

  it('counts the rows of an import still being added as known when the next one is checked', async () => {
    await importContacts(db, people(3), 'skip', 'me');
    const plan = await planImport(db, people(4).map((r) => ({ ...r, problems: [] })));
    expect(plan.rows.map((r) => r.duplicate?.kind ?? null)).toEqual(['existing', 'existing', 'existing', null]);
  });

  it('added by the page and the service worker at once, still holds every contact once', async () => {
    await importContacts(db, people(4500), 'skip', 'me');
    await importContacts(db, people(1500).map((r) => ({ ...r, draft: { ...r.draft, emails: [`second${r.line}@x.test`] } })), 'skip', 'me');
    expect(await importProgress(db)).toEqual({ done: 0, total: 6000 });
    await Promise.all([addImportedContacts(db), addImportedContacts(new RapportDatabase(db.name))]);
    await everyContactOnce(6000);
  });
});
