import { dayOf, type WallClock } from '../../../shared/calendar';
import type { ReminderContact, ReminderDeal, ReminderFollowUp, ReminderInput } from '../../../shared/reminders/due-items';
import type { ColumnRecord, DecodedColumns } from '../model/column-records';
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

/**
 * The contacts as the planner takes them. The day a contact was made only matters for a cadence
 * with no interaction yet, so it is worked out only for contacts that may keep one.
 */
export function remindersContacts(rows: readonly ColumnRecord[], clock: WallClock, mayKeepCadence: (r: ColumnRecord) => boolean = () => true): ReminderContact[] {
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
    createdDay: mayKeepCadence(r) ? instantDay(r.createdAt, clock) : '',
    deleted: r.deleted === true,
    row: r.row,
  }));
}

/**
 * Each contact's last interaction day, from the Interactions columns. Instants are compared as
 * the sync writes them (ISO text in UTC sorts as time does); only each contact's latest becomes a day.
 */
export function lastContactDays(interactions: DecodedColumns, clock: WallClock): Map<string, string> {
  const { contactId = [], occurredAt = [], createdAt = [], deleted = [] } = interactions.values;
  const latest = new Map<string, string>();
  for (let k = 0; k < interactions.ids.length; k++) {
    if (deleted[k] === true) continue;
    const contact = text(contactId[k]);
    const at = text(occurredAt[k]) || text(createdAt[k]);
    if (contact === '' || at === '') continue;
    const current = latest.get(contact);
    if (current === undefined || at > current) latest.set(contact, at);
  }
  const days = new Map<string, string>();
  for (const [contact, at] of latest) {
    const ms = Date.parse(at);
    if (Number.isFinite(ms)) days.set(contact, dayOf(new Date(ms), clock)!);
  }
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
