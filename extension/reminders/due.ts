import { addDays, dayOf, instantOf, isCalendarDay, isoWeekday, type WallClock } from '../../shared/calendar';

/**
 * When things fall due, in the browser's zone. A follow-up is due at its date-time, or, when it
 * names only a day, on that day at the member's usual follow-up time. Overdue means due on an
 * earlier day; due today includes later today, so the morning's list shows the whole day.
 */

/** 'HH:MM' → hours and minutes; anything else is 09:00. */
function parseTimeOfDay(text: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : { hour: 9, minute: 0 };
}

/** A calendar day at a time of day, as an instant in the zone. */
export function atTimeOfDay(day: string, time: string, clock: WallClock): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const { hour, minute } = parseTimeOfDay(time);
  return instantOf({ year, month, day: date, hour, minute, second: 0, millisecond: 0 }, clock);
}

/** The instant a follow-up falls due; null when `dueAt` holds neither a day nor a date-time. */
export function dueInstant(dueAt: string, clock: WallClock, defaultTime: string): Date | null {
  if (isCalendarDay(dueAt)) return atTimeOfDay(dueAt, defaultTime, clock);
  const ms = Date.parse(dueAt);
  return dueAt && Number.isFinite(ms) ? new Date(ms) : null;
}

/** The calendar day a follow-up is due on, in the zone. */
export function dueDay(dueAt: string, clock: WallClock): string | null {
  if (isCalendarDay(dueAt)) return dueAt;
  return dueAt ? dayOf(new Date(dueAt), clock) : null;
}

export type Urgency = 'overdue' | 'today' | 'later';

export function urgencyOf(day: string, today: string): Urgency {
  return day < today ? 'overdue' : day === today ? 'today' : 'later';
}

/** The day a keep-in-touch cadence falls due: the last contact (or the day the contact was made) plus the cadence. */
export function cadenceDueDay(lastContactAt: string, everyDays: number, clock: WallClock): string | null {
  const from = lastContactAt ? dayOf(new Date(lastContactAt), clock) : null;
  return from && everyDays > 0 ? addDays(from, Math.round(everyDays)) : null;
}

/**
 * The one-click dates: tomorrow, in three days, and next week's Monday (from a Sunday, that is
 * the next day; from a Monday, a week later).
 */
export function quickDays(today: string) {
  const daysToMonday = 8 - isoWeekday(today);
  return { tomorrow: addDays(today, 1), in3Days: addDays(today, 3), nextWeek: addDays(today, daysToMonday) };
}
