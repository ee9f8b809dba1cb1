import { addDays, dayOf, isoWeekday, localWallClock } from '../../../shared/calendar';

/** A local calendar day (the browser's zone) as YYYY-MM-DD. */
export const localDay = (date: Date) => dayOf(date, localWallClock)!;

/** The one-click follow-up dates: tomorrow, in three days, and next Monday. */
export function quickDueDates(now: Date) {
  const today = localDay(now);
  return { tomorrow: addDays(today, 1), in3Days: addDays(today, 3), nextWeek: addDays(today, 8 - isoWeekday(today)) };
}
