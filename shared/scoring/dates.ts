/**
 * Calendar days as integers, so purchase dates compare and subtract exactly (no time zones, no DST).
 * The customer-base models count time in weeks = days / 7.
 */

const MS_PER_DAY = 86_400_000;
export const DAYS_PER_WEEK = 7;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date, or of the date part of an ISO
 * date-time as written ('2026-03-01T23:30:00+01:00' is 1 March). null when it is not a real date.
 */
export function dayNumber(date: string): number | null {
  const match = isoDate.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: reject dates that do not round-trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' of a day number. */
export function isoDateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days between an ISO date or date-time and a later one, fractional; null if either is unreadable. */
export function daysBetween(from: string, to: string): number | null {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  return (end - start) / MS_PER_DAY;
}
