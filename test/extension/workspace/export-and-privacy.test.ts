import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { backupAll, NotEmptyError, restoreBackup } from '../../../extension/db/backup';
import { RapportDatabase } from '../../../extension/db/database';
import { eraseContacts, renewConsent, reviewList } from '../../../extension/db/retention-review';
import { deleteRecord, writeRecord } from '../../../extension/db/write-record';
import { defaultNeverLog, isNeverLogged, parseNeverLog } from '../../../extension/never-log';
import { readBackup } from '../../../extension/workspace/export/backup';
import { contactsCsv } from '../../../extension/workspace/export/contacts-csv';
import { contactsVcard } from '../../../extension/workspace/export/contacts-vcard';
import { readVcards } from '../../../extension/workspace/import/vcard-file';
import { cutoffDay } from '../../../extension/workspace/retention';
import { newId } from '../../../shared/ids';
import { recordSchemas, type Contact } from '../../../shared/records';

const ME = 'ann@team.test';
const now = '2026-01-01T00:00:00.000Z';
const contact = (fields: Partial<Contact>): Contact => recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: ME, ...fields });

describe('CSV export', () => {
  it('writes text a spreadsheet would run as a formula as text (OWASP CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://evil.test","x")', '+49 30 123', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'plain'];
    const csv = contactsCsv(hostile.map((jobTitle, i) => contact({ firstName: `P${i}`, jobTitle })));
    const rows = Papa.parse<string[]>(csv).data;
    const column = rows[0]!.indexOf('Job title');
    expect(rows.slice(1).map((r) => r[column])).toEqual(["'=HYPERLINK(\"http://evil.test\",\"x\")", "'+49 30 123", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", 'plain']);
  });
  it('leaves out deleted contacts and writes lists and scores readably', () => {
    const csv = contactsCsv([contact({ firstName: 'Bea', emails: ['a@x.test', 'b@x.test'], clv: 12.5, atRisk: true }), contact({ deleted: true })]);
    const [header, row, extra] = Papa.parse<string[]>(csv).data;
    expect(extra).toBeUndefined();
    expect(row![header!.indexOf('Emails')]).toBe('a@x.test, b@x.test');
    expect(row![header!.indexOf('CLV')]).toBe('12.5');
  });
});

describe('vCard export', () => {
  it('reads back as it was written', () => {
    const bea = contact({ firstName: 'Bea', lastName: 'Müller; Jr.', emails: ['bea@x.test'], phones: ['+49 170 1'], company: 'ACME, Inc.', jobTitle: 'CFO', address: 'Hauptstr. 1, Berlin', birthday: '1980-03-22', tags: ['vip'], notes: 'two\nlines' });
    const back = readVcards(contactsVcard([bea])).rows[0]!.draft;
    expect(back).toMatchObject({ firstName: 'Bea', lastName: 'Müller; Jr.', emails: ['bea@x.test'], phones: ['+49 170 1'], company: 'ACME, Inc.', jobTitle: 'CFO', address: 'Hauptstr. 1, Berlin', birthday: '1980-03-22', tags: ['vip'], notes: 'two\nlines' });
  });
});

describe('a backup', () => {
  it('restores into an empty profile whole, tombstones included, and is refused elsewhere', async () => {
    const from = new RapportDatabase(`backup-${newId()}`);
    const bea = await writeRecord(from, 'contacts', { firstName: 'Bea', emails: ['bea@x.test'] }, ME);
    await writeRecord(from, 'interactions', { contactId: bea.id, subject: 'Call', occurredAt: '2026-02-02T00:00:00.000Z' }, ME);
    const gone = await writeRecord(from, 'contacts', { firstName: 'Gone' }, ME);
    await deleteRecord(from, 'contacts', gone.id, ME);
    const file = JSON.stringify(await backupAll(from));

    const read = readBackup(file);
    if (!read.ok) throw new Error(read.problems.join());
    const to = new RapportDatabase(`restore-${newId()}`);
    expect(await restoreBackup(to, read.backup)).toBe(3);
    expect(await to.contacts.get(gone.id)).toMatchObject({ deleted: true });
    expect(new Set(await to.contactRows.where('tokens').startsWith('bea').primaryKeys())).toEqual(new Set([bea.id]));
    expect((await to.contactActivity.get(bea.id))?.lastContactAt).toBe('2026-02-02T00:00:00.000Z');
    expect(await to.outbox.count()).toBe(3);
    await expect(restoreBackup(to, read.backup)).rejects.toBeInstanceOf(NotEmptyError);
  });
  it('with one broken record is not restored at all, and says which', () => {
    const broken = JSON.stringify({ format: 'rapport-backup', version: 1, exportedAt: now, records: { contacts: [contact({ firstName: 'Ok' }), { id: 'not-a-uuid' }] } });
    const read = readBackup(broken);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]).toMatch(/^contacts #2: /);
    expect(readBackup('{"hello": 1}')).toMatchObject({ ok: false, problems: expect.arrayContaining(['This file is not a Rapport backup.']) });
    expect(readBackup('not json')).toEqual({ ok: false, problems: ['This file is not JSON.'] });
  });
});

describe('retention review', () => {
  it('lists contacts with no interaction, consent or creation within the period; renewing consent takes them off; erasing leaves tombstones', async () => {
    const db = new RapportDatabase(`review-${newId()}`);
    const put = async (fields: Partial<Contact>) => {
      const c = contact(fields);
      await db.contacts.put(c);
      return c;
    };
    const old = await put({ firstName: 'Old', createdAt: '2022-01-01T00:00:00.000Z' });
    const called = await put({ firstName: 'Called', createdAt: '2022-01-01T00:00:00.000Z' });
    await writeRecord(db, 'interactions', { contactId: called.id, occurredAt: '2025-12-01T00:00:00.000Z' }, ME);
    const consented = await put({ firstName: 'Consented', createdAt: '2022-01-01T00:00:00.000Z', consentDate: '2025-06-01' });
    const recent = await put({ firstName: 'Recent', createdAt: '2025-10-01T00:00:00.000Z' });
    const stale = await put({ firstName: 'Stale', createdAt: '2021-01-01T00:00:00.000Z' });
    await writeRecord(db, 'interactions', { contactId: stale.id, occurredAt: '2022-05-01T00:00:00.000Z', subject: 'Old call' }, ME);
    expect(cutoffDay('2026-03-31', 1)).toBe('2026-02-28');
    const due = await reviewList(db, '2026-01-15', 24);
    expect(due.map((e) => e.contact.firstName)).toEqual(['Old', 'Stale']);
    expect([called, consented, recent].some((c) => due.some((e) => e.contact.id === c.id))).toBe(false);
    await renewConsent(db, [old.id], '2026-01-15', ME);
    expect(await db.contacts.get(old.id)).toMatchObject({ consentDate: '2026-01-15', consentBasis: 'consent' });
    await eraseContacts(db, [stale.id], ME);
    expect((await reviewList(db, '2026-01-15', 24)).map((e) => e.contact.firstName)).toEqual([]);
    expect(await db.contacts.get(stale.id)).toMatchObject({ deleted: true, firstName: '' });
    expect((await db.interactions.where('contactId').equals(stale.id).toArray())[0]).toMatchObject({ subject: '', occurredAt: '2022-05-01T00:00:00.000Z' });
  });
});

describe('the never-log list', () => {
  it('starts with the member’s own domain, or their own address at a public mail provider', () => {
    expect(defaultNeverLog('Ann@Rapport.Example')).toEqual(['rapport.example']);
    expect(defaultNeverLog('ann.seller@gmail.com')).toEqual(['ann.seller@gmail.com']);
    expect(defaultNeverLog('')).toEqual([]);
  });
  it('matches addresses and domains with their subdomains, and reads what people type', () => {
    const list = parseNeverLog('rapport.example\n@family.test, mum@gmail.com; not an entry');
    expect(list).toEqual(['rapport.example', 'family.test', 'mum@gmail.com']);
    expect(['bob@rapport.example', 'bob@eu.rapport.example', 'x@family.test', 'MUM@gmail.com', 'dad@gmail.com', 'a@notrapport.example'].map((e) => isNeverLogged(e, list))).toEqual([true, true, true, true, false, false]);
  });
});
