const pad = (n: number) => String(n).padStart(2, '0');
/** A local calendar day as YYYY-MM-DD. */
export const localDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** The one-click follow-up dates: tomorrow, in three days, and next Monday. */
export function quickDueDates(now: Date) {
  const daysToMonday = ((8 - now.getDay()) % 7) || 7;
  return { tomorrow: localDay(addDays(now, 1)), in3Days: localDay(addDays(now, 3)), nextWeek: localDay(addDays(now, daysToMonday)) };
}
