const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar day ('YYYY-MM-DD') of an instant in the script's time zone: Apps Script runs
 * JavaScript in that zone, so a Date's local fields are the script's day (as the cell codec reads
 * date cells). No service call per value, so thousands of purchases cost nothing extra.
 */
export function calendarDay(instant: Date): string | null {
  if (Number.isNaN(instant.getTime())) return null;
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The script-time-zone day of an ISO date-time as stored in a record, or null when unreadable. */
export const calendarDayOf = (isoDateTime: string): string | null =>
  isoDateTime === '' ? null : calendarDay(new Date(isoDateTime));
