import Dexie from 'dexie';
import { normaliseEmail, normaliseEmails } from '../../shared/emails';
import type { Contact, Deal, FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord, type Draft } from './write-record';

const normaliseName = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A known contact with their history: what the popup's card and the workspace's timeline show. */
export interface ContactHistory {
  contact: Contact;
  /** newest first, at most as many as were asked for */
  interactions: Interaction[];
  /** how many interactions there are in all */
  interactionCount: number;
  /** open and snoozed follow-ups, soonest first */
  followUps: FollowUp[];
  /** open deals first (by expected close), then closed ones */
  deals: Deal[];
  /** bought at least once (a purchase or a won deal), whatever the stage says */
  hasBought: boolean;
}

export interface MatchQuery {
  emails: readonly string[];
  phones: readonly string[];
  firstName: string;
  lastName: string;
  company: string;
}

export type MatchedBy = 'email' | 'phone' | 'name';

/** The spellings of a name part a person may have typed: as given, lower, upper, and capitalised. */
function caseVariants(part: string): string[] {
  const trimmed = part.trim();
  const capitalised = trimmed.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
  return [...new Set([trimmed, trimmed.toLowerCase(), trimmed.toUpperCase(), capitalised])];
}

/**
 * The known contact this person most likely is: the same email, else the same phone (one that no
 * other contact shares: a switchboard number is nobody's), else the same name at the same company.
 * One customer should be one record. Every step is an index look-up, so 10,000 contacts with the
 * same last name cost no more than one.
 */
export async function findMatch(db: RapportDatabase, query: MatchQuery): Promise<{ contact: Contact; by: MatchedBy } | null> {
  const emails = query.emails.map(normaliseEmail).filter(Boolean);
  if (emails.length) {
    const contact = await db.contacts.where('emails').anyOf(emails).filter((c) => !c.deleted).first();
    if (contact) return { contact, by: 'email' };
  }
  const phones = query.phones.filter(Boolean);
  if (phones.length) {
    const sharing = await db.contacts.where('phones').anyOf(phones).filter((c) => !c.deleted).limit(2).toArray();
    if (new Set(sharing.map((c) => c.id)).size === 1) return { contact: sharing[0]!, by: 'phone' };
  }
  const company = normaliseName(query.company);
  if (query.lastName.trim() && company) {
    const name = normaliseName(`${query.firstName} ${query.lastName}`);
    const keys = caseVariants(query.lastName).flatMap((last) => caseVariants(query.firstName).map((first) => [last, first]));
    const sameName = await db.contacts.where('[lastName+firstName]').anyOf(keys).toArray();
    const contact = sameName.find((c) => !c.deleted && normaliseName(`${c.firstName} ${c.lastName}`) === name && normaliseName(c.company) === company);
    if (contact) return { contact, by: 'name' };
  }
  return null;
}

/** How many interactions the popup shows before "Show all". */
const RECENT_INTERACTIONS = 5;

export async function contactHistory(db: RapportDatabase, contact: Contact, interactionLimit = RECENT_INTERACTIONS): Promise<ContactHistory> {
  const ofContact = db.interactions.where('[contactId+occurredAt]').between([contact.id, Dexie.minKey], [contact.id, Dexie.maxKey]);
  const [recent, interactionCount, purchase, followUps, deals] = await Promise.all([
    ofContact.clone().reverse().filter((i) => !i.deleted).limit(interactionLimit).toArray(),
    db.interactions.where('contactId').equals(contact.id).filter((i) => !i.deleted).count(),
    db.interactions.where('contactId').equals(contact.id).filter((i) => !i.deleted && i.type === 'purchase').first(),
    db.followUps.where('contactId').equals(contact.id).filter((f) => !f.deleted && f.status !== 'done').toArray(),
    db.deals.where('contactId').equals(contact.id).filter((d) => !d.deleted).toArray(),
  ]);
  const closed = (d: Deal) => d.stage === 'won' || d.stage === 'lost';
  return {
    contact,
    interactions: recent,
    interactionCount,
    followUps: followUps.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    deals: deals.sort((a, b) => Number(closed(a)) - Number(closed(b)) || (a.expectedClose || '9999').localeCompare(b.expectedClose || '9999')),
    hasBought: Boolean(purchase) || deals.some((d) => d.stage === 'won') || Boolean(contact.valueClass),
  };
}

export async function historyById(db: RapportDatabase, contactId: string, interactionLimit?: number): Promise<ContactHistory | null> {
  const contact = await db.contacts.get(contactId);
  return contact && !contact.deleted ? contactHistory(db, contact, interactionLimit) : null;
}

/** Saves a contact; emails are stored normalised so lookups by email find it. */
export function saveContact(db: RapportDatabase, draft: Draft<'contacts'>, author: string): Promise<Contact> {
  return writeRecord(db, 'contacts', { ...draft, ...(draft.emails ? { emails: normaliseEmails(draft.emails) } : {}) }, author);
}
