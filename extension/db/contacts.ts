import { normaliseEmail, normaliseEmails } from '../../shared/emails';
import type { Contact, FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord, type Draft } from './write-record';

const normaliseName = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A known contact with what the popup shows about it. */
export interface ContactSummary {
  contact: Contact;
  lastInteraction: Interaction | null;
  openFollowUps: FollowUp[];
}

export interface MatchQuery {
  emails: readonly string[];
  phones: readonly string[];
  firstName: string;
  lastName: string;
  company: string;
}

/**
 * The known contact this person most likely is: the same email, else the same phone, else the
 * same name at the same company. One customer should be one record.
 */
export async function findMatch(db: RapportDatabase, query: MatchQuery): Promise<{ contact: Contact; by: 'email' | 'phone' | 'name' } | null> {
  const emails = query.emails.map(normaliseEmail).filter(Boolean);
  if (emails.length) {
    const contact = (await db.contacts.where('emails').anyOf(emails).toArray()).find((c) => !c.deleted);
    if (contact) return { contact, by: 'email' };
  }
  const phones = query.phones.filter(Boolean);
  if (phones.length) {
    const contact = (await db.contacts.where('phones').anyOf(phones).toArray()).find((c) => !c.deleted);
    if (contact) return { contact, by: 'phone' };
  }
  const name = normaliseName(`${query.firstName} ${query.lastName}`);
  const company = normaliseName(query.company);
  if (query.lastName && company) {
    const sameName = await db.contacts.where('lastName').equalsIgnoreCase(query.lastName.trim()).toArray();
    const contact = sameName.find((c) => !c.deleted && normaliseName(`${c.firstName} ${c.lastName}`) === name && normaliseName(c.company) === company);
    if (contact) return { contact, by: 'name' };
  }
  return null;
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

export async function summaryById(db: RapportDatabase, contactId: string): Promise<ContactSummary> {
  const contact = await db.contacts.get(contactId);
  if (!contact || contact.deleted) throw new Error('That contact no longer exists.');
  return summariseContact(db, contact);
}

/** Saves a contact; emails are stored normalised so lookups by email find it. */
export function saveContact(db: RapportDatabase, draft: Draft<'contacts'>, author: string): Promise<Contact> {
  return writeRecord(db, 'contacts', { ...draft, ...(draft.emails ? { emails: normaliseEmails(draft.emails) } : {}) }, author);
}
