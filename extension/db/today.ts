import Dexie from 'dexie';
import { addDays, dayOf, type WallClock } from '../../shared/calendar';
import { followUpStatuses, type Contact, type FollowUp } from '../../shared/records';
import { cadenceDueDay, dueDay, dueInstant, urgencyOf } from '../reminders/due';
import type { RapportDatabase } from './database';

export interface DueRules {
  now: Date;
  clock: WallClock;
  /** 'HH:MM': when a follow-up that names only a day falls due */
  defaultTime: string;
}

/** What the Today list shows of a contact. */
export type DueContact = Pick<Contact, 'id' | 'firstName' | 'lastName' | 'emails' | 'company'>;
const dueContact = (c: Contact): DueContact => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, emails: c.emails.slice(0, 1), company: c.company });

interface ItemBase {
  /** the contact it is about; null when that contact is gone from this browser */
  contact: DueContact | null;
  /** the day it fell or falls due */
  day: string;
  urgency: 'overdue' | 'today';
  /** where the last email with this contact can be opened again, when one was logged */
  emailUrl: string;
}

export type TodayItem =
  | (ItemBase & { kind: 'followUp'; followUp: FollowUp; at: string })
  | (ItemBase & { kind: 'cadence'; contact: DueContact; lastContactAt: string; everyDays: number });

/** Open or snoozed follow-ups due up to and including `throughDay`, by the index (never a scan of all follow-ups). */
async function openFollowUpsThrough(db: RapportDatabase, throughDay: string): Promise<FollowUp[]> {
  // Date-times may carry any offset: two days past the day covers every zone; the exact day is checked after.
  const upper = addDays(throughDay, 2);
  const waiting = followUpStatuses.filter((status) => status !== 'done');
  const found = await Promise.all(waiting.map((status) => db.followUps.where('[status+dueAt]').between([status, Dexie.minKey], [status, upper]).toArray()));
  return found.flat().filter((f) => !f.deleted && f.dueAt);
}

const newestFirst = (db: RapportDatabase, contactId: string) =>
  db.interactions.where('[contactId+occurredAt]').between([contactId, Dexie.minKey], [contactId, Dexie.maxKey]).reverse();

/** Where the contact's last logged email can be opened again ('' when none). */
async function lastEmailUrl(db: RapportDatabase, contactId: string): Promise<string> {
  return (await newestFirst(db, contactId).filter((i) => !i.deleted && i.type === 'email' && Boolean(i.sourceUrl)).first())?.sourceUrl ?? '';
}

/**
 * What is due today: overdue and today's follow-ups, and contacts whose keep-in-touch cadence has
 * run out (unless a follow-up for them is already waiting). Overdue first, then by time.
 */
export async function dueItems(db: RapportDatabase, rules: DueRules): Promise<TodayItem[]> {
  const today = dayOf(rules.now, rules.clock)!;
  // One read transaction, the look-ups in parallel: a hop per query would cost more than the queries.
  return db.transaction('r', [db.followUps, db.contacts, db.interactions], async () => {
    const followUps = (await openFollowUpsThrough(db, today)).filter((f) => (dueDay(f.dueAt, rules.clock) ?? '9999') <= today);
    const contactIds = [...new Set(followUps.map((f) => f.contactId).filter(Boolean))];
    const [found, urls, withCadence] = await Promise.all([
      db.contacts.bulkGet(contactIds),
      Promise.all(contactIds.map((id) => lastEmailUrl(db, id))),
      db.contacts.where('keepInTouchDays').above(0).filter((c) => !c.deleted).toArray(),
    ]);
    const contacts = new Map(found.filter((c): c is Contact => Boolean(c && !c.deleted)).map((c) => [c.id, dueContact(c)]));
    const emailUrls = new Map(contactIds.map((id, i) => [id, urls[i]!]));
    const items: TodayItem[] = followUps.map((followUp) => {
      const day = dueDay(followUp.dueAt, rules.clock)!;
      return {
        kind: 'followUp', followUp, contact: contacts.get(followUp.contactId) ?? null, day, urgency: urgencyOf(day, today) as 'overdue' | 'today',
        at: dueInstant(followUp.dueAt, rules.clock, rules.defaultTime)?.toISOString() ?? '', emailUrl: emailUrls.get(followUp.contactId) ?? '',
      };
    });
    // A follow-up already waiting for a contact is the plan: their cadence need not nag.
    const planned = new Set(withCadence.length
      ? (await db.followUps.where('contactId').anyOf(withCadence.map((c) => c.id)).filter((f) => !f.deleted && f.status !== 'done').toArray()).map((f) => f.contactId)
      : []);
    const cadences = await Promise.all(withCadence.filter((c) => !planned.has(c.id)).map(async (contact): Promise<TodayItem | null> => {
      // The newest few entries give both the last contact and, usually, the last email.
      const recent = (await newestFirst(db, contact.id).limit(10).toArray()).filter((i) => !i.deleted);
      const last = recent[0];
      const lastContactAt = last?.occurredAt || last?.createdAt || contact.createdAt;
      const day = cadenceDueDay(lastContactAt, contact.keepInTouchDays ?? 0, rules.clock);
      if (!day || day > today) return null;
      const emailUrl = recent.find((i) => i.type === 'email' && i.sourceUrl)?.sourceUrl ?? (await lastEmailUrl(db, contact.id));
      return { kind: 'cadence', contact: dueContact(contact), day, urgency: urgencyOf(day, today) as 'overdue' | 'today', lastContactAt, everyDays: contact.keepInTouchDays ?? 0, emailUrl };
    }));
    items.push(...cadences.filter((item): item is TodayItem => item !== null));
    const rank = (item: TodayItem) => (item.urgency === 'overdue' ? 0 : 1);
    return items.sort((a, b) => rank(a) - rank(b) || a.day.localeCompare(b.day) || (a.kind === 'followUp' && b.kind === 'followUp' ? a.at.localeCompare(b.at) : 0));
  });
}

/**
 * The next moment after `after` at which a follow-up falls due, for the reminder alarm; null when
 * nothing is waiting. Walks the index from the day before `after`, so earlier follow-ups cost nothing.
 */
export async function nextDueAfter(db: RapportDatabase, after: Date, rules: Omit<DueRules, 'now'>): Promise<Date | null> {
  const from = addDays(dayOf(after, rules.clock)!, -2);
  const instant = (f: FollowUp) => dueInstant(f.dueAt, rules.clock, rules.defaultTime)?.getTime() ?? 0;
  const waiting = (f: FollowUp) => !f.deleted && instant(f) > after.getTime();
  let next: number | null = null;
  for (const status of followUpStatuses.filter((s) => s !== 'done')) {
    const first = await db.followUps.where('[status+dueAt]').between([status, from], [status, Dexie.maxKey]).filter(waiting).first();
    if (!first) continue;
    // Index order is text order: a day-only follow-up sorts before that day's date-times, and offsets differ; compare instants near the first.
    const near = await db.followUps.where('[status+dueAt]').between([status, from], [status, addDays(dueDay(first.dueAt, rules.clock)!, 2)]).filter(waiting).toArray();
    for (const f of near) next = next === null ? instant(f) : Math.min(next, instant(f));
  }
  return next === null ? null : new Date(next);
}

/** Follow-ups that fell due in (from, to]: what a reminder tells about. */
export async function fellDueBetween(db: RapportDatabase, from: Date, to: Date, rules: Omit<DueRules, 'now'>): Promise<{ followUp: FollowUp; contact: Contact | null }[]> {
  const due = (await openFollowUpsThrough(db, dayOf(to, rules.clock)!)).filter((f) => {
    const at = dueInstant(f.dueAt, rules.clock, rules.defaultTime)?.getTime() ?? NaN;
    return at > from.getTime() && at <= to.getTime();
  });
  const contacts = await db.contacts.bulkGet(due.map((f) => f.contactId));
  return due.map((followUp, i) => ({ followUp, contact: contacts[i] && !contacts[i]!.deleted ? contacts[i]! : null }));
}
