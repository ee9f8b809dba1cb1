import type { Contact } from '../../shared/records';
import type { ContactActivity } from '../workspace/contact-rows';
import { cutoffDay, dueForReview } from '../workspace/retention';
import type { RapportDatabase } from './database';
import { deleteRecord, writeRecord } from './write-record';

export interface ReviewEntry {
  contact: Contact;
  activity: ContactActivity | undefined;
}

/** Contacts with no activity since the retention period began, oldest activity first. */
export async function reviewList(db: RapportDatabase, today: string, months: number): Promise<ReviewEntry[]> {
  const cutoff = cutoffDay(today, months);
  const recent = new Set((await db.contactActivity.where('lastContactAt').aboveOrEqual(cutoff).primaryKeys()) as string[]);
  const candidates = ((await db.contactRows.toCollection().primaryKeys()) as string[]).filter((id) => !recent.has(id));
  const [contacts, activity] = await Promise.all([db.contacts.bulkGet(candidates), db.contactActivity.bulkGet(candidates)]);
  const entries: ReviewEntry[] = [];
  contacts.forEach((contact, i) => {
    if (contact && dueForReview(contact, activity[i], today, months)) entries.push({ contact, activity: activity[i] });
  });
  return entries.sort((a, b) => (a.activity?.lastContactAt ?? a.contact.createdAt).localeCompare(b.activity?.lastContactAt ?? b.contact.createdAt));
}

/** Erases each contact for everyone (local database, and through sync the sheet and every member). */
export async function eraseContacts(db: RapportDatabase, ids: readonly string[], author: string, onProgress?: (done: number) => void): Promise<void> {
  let done = 0;
  for (const id of ids) {
    await deleteRecord(db, 'contacts', id, author);
    onProgress?.(++done);
  }
}

/** The purpose still holds: consent renewed today, the legal basis kept (consent when none was recorded). */
export async function renewConsent(db: RapportDatabase, ids: readonly string[], today: string, author: string): Promise<void> {
  await db.transaction('rw', [db.contacts, db.outbox, db.meta], async () => {
    for (const id of ids) {
      const contact = await db.contacts.get(id);
      if (!contact || contact.deleted) continue;
      await writeRecord(db, 'contacts', { id, consentDate: today, consentBasis: contact.consentBasis || 'consent' }, author);
    }
  });
}
