import { contactLinkedTables, type AnyRecord } from '../../shared/records';
import { mergedFields, type Side } from '../workspace/merge-contacts';
import type { Contact } from '../../shared/records';
import { saveContact } from './contacts';
import type { RapportDatabase } from './database';
import { deleteRecord, writeRecord } from './write-record';

/**
 * Merges two records of one person in one transaction: the survivor takes the chosen fields and
 * both records' lists, every interaction, deal and follow-up of the other moves to it, and the
 * other becomes a tombstone. The moves are queued before the tombstone, so the sheet sees the
 * history belong to the survivor before it erases what still names the deleted record.
 */
export async function mergeContacts(db: RapportDatabase, keepId: string, otherId: string, choices: Partial<Record<keyof Contact, Side>>, author: string): Promise<{ contact: Contact; moved: number }> {
  if (keepId === otherId) throw new Error('A contact cannot be merged with itself.');
  return db.transaction('rw', [db.contacts, db.interactions, db.deals, db.followUps, db.outbox, db.meta], async () => {
    const [keep, other] = await db.contacts.bulkGet([keepId, otherId]);
    if (!keep || keep.deleted || !other || other.deleted) throw new Error('One of the two contacts no longer exists.');
    const contact = await saveContact(db, mergedFields(keep, other, choices), author);
    let moved = 0;
    for (const table of contactLinkedTables) {
      const records = (await db.table(table).where('contactId').equals(otherId).toArray()) as AnyRecord[];
      for (const record of records) {
        if (record.deleted) continue;
        await writeRecord(db, table, { id: record.id, contactId: keepId }, author);
        moved++;
      }
    }
    await deleteRecord(db, 'contacts', otherId, author);
    return { contact, moved };
  });
}
