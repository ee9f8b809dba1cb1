import { dayOf, type WallClock } from '../../../shared/calendar';
import type { ReminderContact, ReminderDeal, ReminderFollowUp, ReminderInput } from '../../../shared/reminders/due-items';
import type { ColumnRecord } from '../model/column-records';
import { contactLabel, dueDay } from '../model/linked-names';

/**
 * The tabs' rows (as read column by column) in the shapes the digest planner takes. Pure.
 */
export const reminderFields = {
  contacts: ['id', 'firstName', 'lastName', 'emails', 'company', 'owner', 'stage', 'birthday', 'tags', 'keepInTouchDays', 'atRisk', 'valueClass', 'clv', 'pAlive', 'createdAt', 'deleted'],
  interactions: ['id', 'contactId', 'occurredAt', 'createdAt', 'deleted'],
  followUps: ['id', 'contactId', 'dueAt', 'title', 'status', 'owner', 'deleted'],
  deals: ['id', 'contactId', 'name', 'stage', 'expectedClose', 'amount', 'currency', 'owner', 'deleted'],
} as const;

const text = (value: unknown) => (value == null ? '' : String(value));
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const instantDay = (value: unknown, clock: WallClock) => {
  const ms = Date.parse(text(value));
  return Number.isFinite(ms) ? dayOf(new Date(ms), clock)! : '';
};

export function remindersContacts(rows: readonly ColumnRecord[], clock: WallClock): ReminderContact[] {
  return rows.map((r) => ({
    id: r.id,
    label: contactLabel(r),
    owner: text(r.owner),
    stage: text(r.stage),
    birthday: text(r.birthday),
    tags: Array.isArray(r.tags) ? r.tags.map(String) : [],
    keepInTouchDays: numberOrNull(r.keepInTouchDays),
    atRisk: r.atRisk === true,
    valueClass: text(r.valueClass),
    clv: numberOrNull(r.clv),
    pAlive: numberOrNull(r.pAlive),
    createdDay: instantDay(r.createdAt, clock),
    deleted: r.deleted === true,
    row: r.row,
  }));
}

/** Each contact's last interaction day: the latest instant first, then one conversion per contact. */
export function lastContactDays(interactions: readonly ColumnRecord[], clock: WallClock): Map<string, string> {
  const latest = new Map<string, number>();
  for (const i of interactions) {
    if (i.deleted === true) continue;
    const contactId = text(i.contactId);
    const ms = Date.parse(text(i.occurredAt) || text(i.createdAt));
    if (contactId === '' || !Number.isFinite(ms)) continue;
    if (ms > (latest.get(contactId) ?? -Infinity)) latest.set(contactId, ms);
  }
  const days = new Map<string, string>();
  for (const [contactId, ms] of latest) days.set(contactId, dayOf(new Date(ms), clock)!);
  return days;
}

export function remindersFollowUps(rows: readonly ColumnRecord[], clock: WallClock): ReminderFollowUp[] {
  return rows.map((r) => ({
    id: r.id, contactId: text(r.contactId), title: text(r.title), dueDay: dueDay(r.dueAt, clock), status: text(r.status), owner: text(r.owner), deleted: r.deleted === true, row: r.row,
  }));
}

export function remindersDeals(rows: readonly ColumnRecord[]): ReminderDeal[] {
  return rows.map((r) => ({
    id: r.id, contactId: text(r.contactId), name: text(r.name), stage: text(r.stage), expectedClose: text(r.expectedClose), amount: numberOrNull(r.amount), currency: text(r.currency),
    owner: text(r.owner), deleted: r.deleted === true, row: r.row,
  }));
}

export type ReminderRecords = Omit<ReminderInput, 'today' | 'dismissed' | 'cadence'>;
