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
  return match ? civilDayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Day number of a calendar date given as numbers (month 1-12), or null when there is no such day
 * (2026-02-30). Arithmetic only (Hinnant's days_from_civil), so a file of millions of dates is
 * read without a Date object per row.
 */
export function civilDayNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return null;
  if (day > (month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1])) return null;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
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

/** The 'YYYY-MM-DD' that many calendar months before `date` (31 March minus one month is 28 or 29 February); null for an unreadable date. */
export function monthsBefore(date: string, months: number): string | null {
  const day = dayNumber(date);
  if (day === null) return null;
  const [year, month, dayOfMonth] = isoDateOf(day).split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const [targetYear, targetMonth] = [Math.floor(index / 12), (index % 12) + 1];
  for (let d = dayOfMonth; d >= 28; d--) {
    const result = civilDayNumber(targetYear, targetMonth, d);
    if (result !== null) return isoDateOf(result);
  }
  return isoDateOf(civilDayNumber(targetYear, targetMonth, dayOfMonth)!);
}
