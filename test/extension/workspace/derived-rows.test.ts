import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTACT_COUNT_KEY, livingContactCount } from '../../../extension/db/contact-count';
import { RapportDatabase } from '../../../extension/db/database';
import { deleteRecord, writeRecord } from '../../../extension/db/write-record';
import { newId } from '../../../shared/ids';
import { recordSchemas } from '../../../shared/records';

let db: RapportDatabase;
beforeEach(() => {
  db = new RapportDatabase(`derived-${newId()}`);
});

const ME = 'ann@rapport.test';

describe('the derived list rows', () => {
  it('follow every write: saves, deletions and the sync’s bulk writes', async () => {
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea', lastName: 'Müller', emails: ['bea@northwind.test'], company: 'Northwind', stage: 'customer' }, ME);
    const row = await db.contactRows.get(bea.id);
    expect(row).toMatchObject({ sortName: 'muller bea', stage: 'customer', companyKey: 'northwind' });
    // Empty values are left out of the row, so their indexes hold nobody for them.
    expect(row).not.toHaveProperty('owner');
    expect(row).not.toHaveProperty('atRisk');
    expect(row).not.toHaveProperty('companyId');
    expect((await db.contactRows.where('tokens').startsWith('muel').primaryKeys())).toEqual([bea.id]);

    // The sync writes records straight into the table.
    const synced = recordSchemas.contacts.parse({ id: newId(), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), updatedBy: 'sheet', firstName: 'Carl', atRisk: true, clv: 1200 });
    await db.contacts.bulkPut([synced]);
    expect(await db.contactRows.get(synced.id)).toMatchObject({ atRisk: 1, clv: 1200 });

    await deleteRecord(db, 'contacts', bea.id, ME);
    expect(await db.contactRows.get(bea.id)).toBeUndefined();
    expect(await db.contactRows.where('tokens').startsWith('muel').count()).toBe(0);
  });

  it('know each contact’s last contact and next open follow-up, also when one is removed or done', async () => {
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea' }, ME);
    const call = await writeRecord(db, 'interactions', { contactId: bea.id, type: 'call', occurredAt: '2026-03-01T10:00:00.000Z' }, ME);
    await writeRecord(db, 'interactions', { contactId: bea.id, type: 'note', occurredAt: '2026-01-01T10:00:00.000Z' }, ME);
    expect(await db.contactActivity.get(bea.id)).toEqual({ id: bea.id, lastContactAt: '2026-03-01T10:00:00.000Z' });
    await deleteRecord(db, 'interactions', call.id, ME);
    expect((await db.contactActivity.get(bea.id))?.lastContactAt).toBe('2026-01-01T10:00:00.000Z');

    const soon = await writeRecord(db, 'followUps', { contactId: bea.id, dueAt: '2026-05-01', title: 'call back' }, ME);
    await writeRecord(db, 'followUps', { contactId: bea.id, dueAt: '2026-06-01', title: 'send offer' }, ME);
    expect((await db.contactActivity.get(bea.id))?.nextFollowUpAt).toBe('2026-05-01');
    await writeRecord(db, 'followUps', { id: soon.id, status: 'done' }, ME);
    expect((await db.contactActivity.get(bea.id))?.nextFollowUpAt).toBe('2026-06-01');

    // An interaction moved to another contact (a merge) leaves the first without it.
    const carl = await writeRecord(db, 'contacts', { firstName: 'Carl' }, ME);
    const [note] = await db.interactions.where('contactId').equals(bea.id).toArray();
    await writeRecord(db, 'interactions', { id: note!.id, contactId: carl.id }, ME);
    expect(await db.contactActivity.get(bea.id)).toEqual({ id: bea.id, nextFollowUpAt: '2026-06-01' });
    expect((await db.contactActivity.get(carl.id))?.lastContactAt).toBe('2026-01-01T10:00:00.000Z');
  });

  // Version 1 is the first release's; version 2 the popup's indexes, which some profiles have.
  it.each([1, 2])('are filled when a database of version %i, from before them, is upgraded', async (version) => {
    const name = `old-${newId()}`;
    const old = new Dexie(name);
    old.version(1).stores({ contacts: 'id, *emails, *phones, lastName, updatedAt', companies: 'id, domain, name', interactions: 'id, contactId, messageId, occurredAt', deals: 'id, contactId, companyId', followUps: 'id, contactId, dueAt, status', outbox: '++seq, [table+id]', meta: 'key' });
    if (version === 2) {
      old.version(2).stores({
        contacts: 'id, *emails, *phones, lastName, updatedAt, [lastName+firstName], keepInTouchDays',
        interactions: 'id, contactId, messageId, occurredAt, [contactId+occurredAt]',
        followUps: 'id, contactId, dueAt, status, [status+dueAt]',
      });
    }
    const now = new Date().toISOString();
    const contact = recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: ME, firstName: 'Dora', lastName: 'Öztürk', phones: ['+49 170 1234567'] });
    await old.table('contacts').add(contact);
    await old.table('interactions').add(recordSchemas.interactions.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: ME, contactId: contact.id, occurredAt: '2026-02-02T00:00:00.000Z' }));
    old.close();
    const upgraded = new RapportDatabase(name);
    expect(await upgraded.contactRows.where('tokens').startsWith('01701234').primaryKeys()).toEqual([contact.id]);
    expect(await upgraded.contactRows.where('tokens').startsWith('oezt').primaryKeys()).toEqual([contact.id]);
    expect((await upgraded.contactActivity.get(contact.id))?.lastContactAt).toBe('2026-02-02T00:00:00.000Z');
  });

  it('keep how many contacts the list holds through every kind of write, so opening the list counts nothing', async () => {
    const kept = async () => (await db.meta.get(CONTACT_COUNT_KEY))?.value;
    const listed = () => db.contactRows.count();
    const contact = (fields: Record<string, unknown> = {}) => {
      const now = new Date().toISOString();
      return recordSchemas.contacts.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: 'sheet', firstName: 'Someone', ...fields });
    };
    // A new profile keeps its count from the start.
    expect(await kept()).toBe(0);
    expect(await livingContactCount(db)).toBe(0);

    const steps: [string, () => Promise<unknown>][] = [];
    const bea = await writeRecord(db, 'contacts', { firstName: 'Bea' }, ME);
    const carl = contact({ firstName: 'Carl' });
    const dora = contact({ firstName: 'Dora' });
    steps.push(
      ['a save', () => writeRecord(db, 'contacts', { firstName: 'Emil' }, ME)],
      ['an edit', () => writeRecord(db, 'contacts', { id: bea.id, lastName: 'Müller' }, ME)],
      // The sync's pages: new and known contacts mixed, one of them twice.
      ['a synced page', () => db.contacts.bulkPut([carl, { ...bea, lastName: 'Meyer' }, dora, { ...dora, lastName: 'Weber' }])],
      ['a tombstone from the sheet', () => db.contacts.bulkPut([{ ...carl, deleted: true }])],
      ['the tombstone again', () => db.contacts.bulkPut([{ ...carl, deleted: true }])],
      ['an archived contact brought back', () => db.contacts.put({ ...carl, deleted: false })],
      ['an import', () => db.contacts.bulkAdd([contact(), contact(), contact()])],
      // One of these exists already: the rest are added all the same.
      ['an import with a known id', () => db.contacts.bulkAdd([contact(), dora]).catch(() => undefined)],
      ['an erase', () => deleteRecord(db, 'contacts', dora.id, ME)],
      ['a removal of one known and one unknown id', () => db.contacts.bulkDelete([bea.id, newId()])],
      ['a write in a transaction that fails', () => db.transaction('rw', db.contacts, async () => {
        await db.contacts.add(contact());
        throw new Error('stopped');
      }).catch(() => undefined)],
    );
    for (const [what, step] of steps) {
      await step();
      expect(await kept(), `after ${what}`).toBe(await listed());
    }
    expect(await kept()).toBe(6);
    await db.contacts.clear();
    expect(await kept()).toBe(0);
  });

  it('count a profile that kept no count yet (made before the count was kept) once, and keep it from then on', async () => {
    await db.contacts.bulkAdd([0, 1, 2].map(() => recordSchemas.contacts.parse({ id: newId(), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), updatedBy: ME, firstName: 'Anna' })));
    await db.meta.delete(CONTACT_COUNT_KEY);
    // Writes do not make one up.
    await writeRecord(db, 'contacts', { firstName: 'Bea' }, ME);
    expect(await db.meta.get(CONTACT_COUNT_KEY)).toBeUndefined();
    expect(await livingContactCount(db)).toBe(4);
    await writeRecord(db, 'contacts', { firstName: 'Carl' }, ME);
    expect((await db.meta.get(CONTACT_COUNT_KEY))?.value).toBe(5);
  });
});
