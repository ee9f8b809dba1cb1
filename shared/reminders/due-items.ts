import { addDays } from '../calendar';
import { normaliseEmail } from '../emails';

/**
 * What is due for whom today: the content of each owner's daily digest. Pure: the sheet reads the
 * tabs into these plain shapes; days are 'YYYY-MM-DD' in the spreadsheet's zone.
 *
 * - follow-ups not done whose due day has come (overdue, or today);
 * - keep-in-touch cadences run out: no interaction for the contact's cadence (its own, else the
 *   shortest of its tags', else the team's default for customers); a contact with a follow-up
 *   still open is left out — a next touch is planned;
 * - valuable customers at risk (the scoring's at-risk flag) without a follow-up open;
 * - birthdays in the next 7 days (today and the six after; 29 February falls on the 28th);
 * - open deals past their expected close.
 *
 * An item someone marked done or snoozed from an earlier digest is dismissed until its day.
 * Every item belongs to one owner (the record's, else its contact's); items without an owner go
 * to nobody, and no owner ever gets another's.
 */

export type ItemKind = 'followUp' | 'cadence' | 'atRisk' | 'birthday' | 'deal';

export interface ReminderContact {
  id: string;
  /** "Bea Lind · Acme GmbH" */
  label: string;
  owner: string;
  stage: string;
  birthday: string;
  tags: readonly string[];
  keepInTouchDays: number | null;
  atRisk: boolean;
  valueClass: string;
  clv: number | null;
  pAlive: number | null;
  /** the day the contact was made: a cadence runs from it until the first interaction */
  createdDay: string;
  deleted: boolean;
  /** where the row is, for links */
  row: number;
}

export interface ReminderFollowUp {
  id: string;
  contactId: string;
  title: string;
  /** its due day, or null when it has none */
  dueDay: string | null;
  status: string;
  owner: string;
  deleted: boolean;
  row: number;
}

export interface ReminderDeal {
  id: string;
  contactId: string;
  name: string;
  stage: string;
  expectedClose: string;
  amount: number | null;
  currency: string;
  owner: string;
  deleted: boolean;
  row: number;
}

export interface ReminderInput {
  today: string;
  contacts: readonly ReminderContact[];
  /** contact id → the day of their last interaction */
  lastContact: ReadonlyMap<string, string>;
  followUps: readonly ReminderFollowUp[];
  deals: readonly ReminderDeal[];
  /** item key → the day it shows again (dismissed while today is before it) */
  dismissed: ReadonlyMap<string, string>;
  /** the team's cadence for customers without one (0: none), and cadences by tag (lower case) */
  cadence: { defaultDays: number; byTag: ReadonlyMap<string, number> };
}

export interface DueItem {
  kind: ItemKind;
  /** stable name of the item, for dismissals and links */
  key: string;
  owner: string;
  /** the record the item is about, and its row */
  table: 'followUps' | 'contacts' | 'deals';
  id: string;
  row: number;
  /** what to show: a follow-up's title, a contact's label, a deal's name */
  title: string;
  /** the contact it concerns ('' when none) */
  contact: string;
  /** the day it is about: due day, last contact, birthday, expected close */
  day: string;
  /** days late (0: today); for birthdays, days until (0: today) */
  days: number;
  /** the cadence, CLV and chance alive, the deal amount, where they apply */
  cadenceDays?: number;
  clv?: number | null;
  pAlive?: number | null;
  amount?: number | null;
  currency?: string;
  urgency: number;
}

const CUSTOMER_STAGES = new Set(['customer', 'loyal', 'at risk']);

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** This year's birthday of someone born on `birthday`, on or after `today` (29 February on the 28th in other years). */
export function nextBirthday(birthday: string, today: string): string | null {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return null;
  const on = (year: number) => {
    const [month, day] = [Number(match[1]), Number(match[2])];
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return `${year}-${String(month).padStart(2, '0')}-${String(month === 2 && day === 29 && !leap ? 28 : day).padStart(2, '0')}`;
  };
  const year = Number(today.slice(0, 4));
  const thisYear = on(year);
  return thisYear >= today ? thisYear : on(year + 1);
}

/** The cadence a contact keeps: their own, else their tags' shortest, else the team's for customers. */
export function cadenceOf(contact: ReminderContact, cadence: ReminderInput['cadence']): number | null {
  if (contact.keepInTouchDays && contact.keepInTouchDays > 0) return contact.keepInTouchDays;
  const tagged = contact.tags.map((tag) => cadence.byTag.get(tag.trim().toLowerCase())).filter((days): days is number => days !== undefined);
  if (tagged.length > 0) return Math.min(...tagged);
  return cadence.defaultDays > 0 && CUSTOMER_STAGES.has(contact.stage) ? cadence.defaultDays : null;
}

export function dueItemsByOwner(input: ReminderInput): Map<string, DueItem[]> {
  const { today } = input;
  const byOwner = new Map<string, DueItem[]>();
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  const ownerOf = (own: string, contactId: string) => normaliseEmail(own || contacts.get(contactId)?.owner || '');
  const dismissed = (key: string) => {
    const until = input.dismissed.get(key);
    return until !== undefined && today < until;
  };
  const add = (item: DueItem) => {
    if (item.owner === '' || dismissed(item.key)) return;
    const list = byOwner.get(item.owner);
    if (list) list.push(item);
    else byOwner.set(item.owner, [item]);
  };
  const withOpenFollowUp = new Set<string>();
  for (const f of input.followUps) if (!f.deleted && f.status !== 'done' && f.contactId) withOpenFollowUp.add(f.contactId);
  const labelOf = (contactId: string) => contacts.get(contactId)?.label ?? '';

  for (const f of input.followUps) {
    if (f.deleted || f.status === 'done' || f.dueDay === null || f.dueDay > today) continue;
    const late = daysBetween(f.dueDay, today);
    add({
      kind: 'followUp', key: `followUp:${f.id}`, owner: ownerOf(f.owner, f.contactId), table: 'followUps', id: f.id, row: f.row,
      title: f.title || labelOf(f.contactId) || '(no title)', contact: labelOf(f.contactId), day: f.dueDay, days: late, urgency: late > 0 ? 1000 + late : 500,
    });
  }
  for (const c of input.contacts) {
    if (c.deleted) continue;
    const owner = normaliseEmail(c.owner);
    const cadence = c.stage === 'lost' ? null : cadenceOf(c, input.cadence);
    if (cadence !== null && !withOpenFollowUp.has(c.id)) {
      const last = input.lastContact.get(c.id) ?? c.createdDay;
      const since = daysBetween(last, today);
      if (last !== '' && since >= cadence) {
        add({ kind: 'cadence', key: `cadence:${c.id}`, owner, table: 'contacts', id: c.id, row: c.row, title: c.label, contact: c.label, day: last, days: since - cadence, cadenceDays: cadence, urgency: 300 + (since - cadence) });
      }
    }
    if (c.atRisk && !withOpenFollowUp.has(c.id)) {
      add({ kind: 'atRisk', key: `atRisk:${c.id}`, owner, table: 'contacts', id: c.id, row: c.row, title: c.label, contact: c.label, day: input.lastContact.get(c.id) ?? '', days: 0, clv: c.clv, pAlive: c.pAlive, urgency: 200 + Math.min(99, (c.clv ?? 0) / 1000) });
    }
    const birthday = c.birthday ? nextBirthday(c.birthday, today) : null;
    if (birthday !== null && birthday < addDays(today, 7)) {
      const until = daysBetween(today, birthday);
      add({ kind: 'birthday', key: `birthday:${c.id}:${birthday}`, owner, table: 'contacts', id: c.id, row: c.row, title: c.label, contact: c.label, day: birthday, days: until, urgency: 100 + (7 - until) });
    }
  }
  for (const d of input.deals) {
    if (d.deleted || d.stage === 'won' || d.stage === 'lost' || d.expectedClose === '' || d.expectedClose >= today) continue;
    const late = daysBetween(d.expectedClose, today);
    add({
      kind: 'deal', key: `deal:${d.id}:${d.expectedClose}`, owner: ownerOf(d.owner, d.contactId), table: 'deals', id: d.id, row: d.row,
      title: d.name || labelOf(d.contactId) || '(no name)', contact: labelOf(d.contactId), day: d.expectedClose, days: late, amount: d.amount, currency: d.currency, urgency: 400 + late,
    });
  }
  const order: ItemKind[] = ['followUp', 'cadence', 'atRisk', 'birthday', 'deal'];
  for (const items of byOwner.values()) {
    items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.kind === 'atRisk' ? (b.clv ?? 0) - (a.clv ?? 0) : a.kind === 'birthday' ? a.days - b.days : b.days - a.days) || a.title.localeCompare(b.title));
  }
  return byOwner;
}

/** How urgent an owner's digest is: its most urgent item first, then how many items. */
export const digestUrgency = (items: readonly DueItem[]) => items.reduce((most, item) => Math.max(most, item.urgency), 0) * 10_000 + items.length;
