import type { Contact } from '../../shared/records';
import { STAGE_CHANGE_CHANNEL } from '../../shared/stage-notes';
import type { RapportDatabase } from './database';
import { writeRecord } from './write-record';

/**
 * Moves a contact to another lifecycle stage and records the move in their history (an internal
 * note on the stage channel, the new stage as its outcome), so the timeline shows when a lead
 * became a customer.
 */
export async function changeStage(db: RapportDatabase, contactId: string, stage: Contact['stage'], author: string): Promise<Contact> {
  return db.transaction('rw', [db.contacts, db.interactions, db.outbox, db.meta], async () => {
    const before = await db.contacts.get(contactId);
    if (!before || before.deleted) throw new Error('That contact no longer exists.');
    const contact = await writeRecord(db, 'contacts', { id: contactId, stage }, author);
    if (before.stage !== stage) {
      await writeRecord(db, 'interactions', {
        contactId, type: 'note', direction: 'internal', channel: STAGE_CHANGE_CHANNEL, occurredAt: new Date().toISOString(),
        subject: `${before.stage} → ${stage}`, outcome: stage,
      }, author);
    }
    return contact;
  });
}
