import type { Contact } from '../../shared/records';
import { normaliseEmail } from '../../shared/emails';
import { companyKeyOf } from './contact-rows';
import { fold } from './search-tokens';

/**
 * Contacts that are probably one person: the same email, the same phone number, or a similar name
 * at the same company. One customer should be one record; these are offered for merging, never
 * merged unasked.
 */

export type DuplicateReason = 'email' | 'phone' | 'name';

export interface DuplicatePair {
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

/** A key shared by more people than this (a team's info@ address) says nothing about any two of them. */
const LARGEST_GROUP = 12;
/** Names are compared pairwise within a company, up to this many people in it. */
const LARGEST_COMPANY = 400;

/** A phone number's last nine digits: the same number written nationally and internationally. */
export const phoneKey = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-9) : '';
};

const nameOf = (c: Contact) => fold(`${c.firstName} ${c.lastName}`).replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();

/** Levenshtein distance, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** "Bea Lindqvist" and "Beatrice Lindqvist", "Jon Smith" and "John Smith", "B. Lindqvist" and "Bea Lindqvist". */
export function similarNames(a: Contact, b: Contact): boolean {
  const x = nameOf(a);
  const y = nameOf(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const lastA = fold(a.lastName).trim();
  const lastB = fold(b.lastName).trim();
  if (lastA && lastA === lastB) {
    const firstA = fold(a.firstName).replace(/\W/g, '');
    const firstB = fold(b.firstName).replace(/\W/g, '');
    if (firstA && firstB && (firstA.startsWith(firstB) || firstB.startsWith(firstA))) return true;
  }
  return Math.min(x.length, y.length) >= 6 && distance(x, y, 1) <= 1;
}

export function findDuplicatePairs(contacts: readonly Contact[]): DuplicatePair[] {
  const living = contacts.filter((c) => !c.deleted);
  const pairs = new Map<string, DuplicatePair>();
  const note = (a: Contact, b: Contact, reason: DuplicateReason) => {
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = `${first.id}|${second.id}`;
    const pair = pairs.get(key) ?? pairs.set(key, { a: first.id, b: second.id, reasons: [] }).get(key)!;
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
  };
  const groupBy = (keys: (c: Contact) => string[]) => {
    const groups = new Map<string, Contact[]>();
    for (const contact of living) for (const key of new Set(keys(contact).filter(Boolean))) groups.set(key, [...(groups.get(key) ?? []), contact]);
    return groups;
  };
  const eachPair = (group: Contact[], visit: (a: Contact, b: Contact) => void) => {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) visit(group[i]!, group[j]!);
  };
  for (const group of groupBy((c) => c.emails.map(normaliseEmail)).values()) if (group.length <= LARGEST_GROUP) eachPair(group, (a, b) => note(a, b, 'email'));
  for (const group of groupBy((c) => c.phones.map(phoneKey)).values()) if (group.length <= LARGEST_GROUP) eachPair(group, (a, b) => note(a, b, 'phone'));
  for (const group of groupBy((c) => [companyKeyOf(c.company)]).values()) {
    if (group.length > LARGEST_COMPANY) continue;
    eachPair(group, (a, b) => {
      if (similarNames(a, b)) note(a, b, 'name');
    });
  }
  const strength = (p: DuplicatePair) => (p.reasons.includes('email') ? 0 : p.reasons.includes('phone') ? 1 : 2) - p.reasons.length / 10;
  return [...pairs.values()].sort((x, y) => strength(x) - strength(y));
}
