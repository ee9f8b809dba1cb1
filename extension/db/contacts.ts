import type { Contact, FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord, type Draft } from './write-record';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** A known contact with what the popup shows about it. */
export interface ContactSummary {
  contact: Contact;
  lastInteraction: Interaction | null;
  openFollowUps: FollowUp[];
}

/** The live contact with one of these email addresses, if any. */
export async function findContactByEmail(db: RapportDatabase, emails: readonly string[]): Promise<Contact | undefined> {
  const wanted = emails.map(normaliseEmail).filter(Boolean);
  if (wanted.length === 0) return undefined;
  const matches = await db.contacts.where('emails').anyOf(wanted).toArray();
  return matches.find((c) => !c.deleted);
}

export async function summariseContact(db: RapportDatabase, contact: Contact): Promise<ContactSummary> {
  const interactions = await db.interactions.where('contactId').equals(contact.id).toArray();
  const lastInteraction = interactions
    .filter((i) => !i.deleted)
    .sort((a, b) => (b.occurredAt || b.createdAt).localeCompare(a.occurredAt || a.createdAt))[0] ?? null;
  const openFollowUps = (await db.followUps.where('contactId').equals(contact.id).toArray())
    .filter((f) => !f.deleted && f.status === 'open')
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { contact, lastInteraction, openFollowUps };
}

/** Saves a contact; emails are stored normalised so lookups by email find it. */
export function saveContact(db: RapportDatabase, draft: Draft<'contacts'>, author: string): Promise<Contact> {
  return writeRecord(db, 'contacts', { ...draft, ...(draft.emails ? { emails: [...new Set(draft.emails.map(normaliseEmail))] } : {}) }, author);
}
