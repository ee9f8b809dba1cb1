import type { Contact, FollowUp, Interaction } from '../../shared/records';
import { contactTokens, fold } from './search-tokens';

/**
 * What the workspace's list sorts, filters and searches by, one row per living contact, kept in
 * its own table so every question is an index lookup. Derived only from the contact itself; the
 * database keeps it up to date on every write (db/derived-rows.ts).
 */
export interface ContactRow {
  id: string;
  /** last name, first name, folded: the list's alphabetical order */
  sortName: string;
  /** the words the contact can be found by (search-tokens.ts) */
  tokens: string[];
  stage: string;
  tags: string[];
  // The fields below are absent when empty: each index then holds only the contacts that have a
  // value (nobody looks up "no owner"), and a contact costs fewer index writes (an import of
  // 100,000 people without owners, scores or companies would write 500,000 entries for nothing).
  owner?: string;
  rfmSegment?: string;
  valueClass?: string;
  /** 1 when at risk: booleans cannot be IndexedDB keys */
  atRisk?: 1;
  clv?: number;
  /** the company's name folded, for the company page */
  companyKey?: string;
  companyId?: string;
}

/**
 * When a contact was last in touch and their next open follow-up, derived from their history.
 * A field is absent when there is none, so the index holds only contacts that have one.
 */
export interface ContactActivity {
  id: string;
  lastContactAt?: string;
  nextFollowUpAt?: string;
}

export const companyKeyOf = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

export function contactRowOf(contact: Contact): ContactRow | null {
  if (contact.deleted) return null;
  const name = fold(`${contact.lastName} ${contact.firstName}`).replace(/\s+/g, ' ').trim();
  const row: ContactRow = {
    id: contact.id,
    // Without a name, the address stands in, after every named contact.
    sortName: name || `\uffff${contact.emails[0] ?? ''}`,
    tokens: contactTokens(contact),
    stage: contact.stage,
    tags: contact.tags.map((tag) => tag.toLowerCase()),
  };
  const companyKey = companyKeyOf(contact.company);
  if (contact.owner) row.owner = contact.owner.toLowerCase();
  if (contact.rfmSegment) row.rfmSegment = contact.rfmSegment;
  if (contact.valueClass) row.valueClass = contact.valueClass;
  if (contact.atRisk) row.atRisk = 1;
  if (contact.clv != null) row.clv = contact.clv;
  if (companyKey) row.companyKey = companyKey;
  if (contact.companyId) row.companyId = contact.companyId;
  return row;
}

/** When an interaction happened: its date, else when it was logged. */
export const interactionTime = (interaction: Pick<Interaction, 'occurredAt' | 'createdAt'>) => interaction.occurredAt || interaction.createdAt;

/** Whether a follow-up is still to do. */
export const isOpenFollowUp = (followUp: FollowUp) => !followUp.deleted && followUp.status === 'open' && followUp.dueAt !== '';
