/**
 * Calendar days and wall-clock times in a named time zone: the one place where instants become
 * days and back. The sheet's dates live in the spreadsheet's zone, the popup's in the browser's;
 * neither may depend on the zone the code happens to run in (Apps Script runs in the script's
 * zone, Node in the host's).
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The wall-clock time an instant shows in one time zone. */
export type WallClock = (instant: Date) => WallTime;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
/** Google Sheets counts days from 1899-12-30 (serial 0), as Lotus and Excel do. */
const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A wall clock for an IANA zone name, via Intl (browsers, Node; Apps Script uses Utilities.formatDate). */
export function zoneWallClock(timeZone: string): WallClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instant) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const millisecond = ((instant.getTime() % 1000) + 1000) % 1000;
    return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!, millisecond };
  };
}

/** The wall time with its weekday (0 = Sunday) and the zone's offset from UTC at that instant, in minutes. */
export function zonedTime(instant: Date, clock: WallClock): WallTime & { weekday: number; offsetMinutes: number } {
  const wall = clock(instant);
  const asUtc = wallAsUtc(wall);
  return { ...wall, weekday: new Date(asUtc).getUTCDay(), offsetMinutes: Math.round((asUtc - instant.getTime()) / 60_000) };
}

/** The zone this code runs in: the browser's for the popup. */
export const localWallClock: WallClock = (d) => ({
  year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(), millisecond: d.getMilliseconds(),
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' of a real date (not 2024-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const dayText = (wall: Pick<WallTime, 'year' | 'month' | 'day'>) => `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;

/** The calendar day an instant falls on in a zone; null for an invalid Date. */
export function dayOf(instant: Date, clock: WallClock): string | null {
  return Number.isNaN(instant.getTime()) ? null : dayText(clock(instant));
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Monday = 1 … Sunday = 7 of a calendar day. */
export const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

const wallAsUtc = (wall: WallTime) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);

/**
 * The instant at which a zone's clock shows `wall`. In a gap (spring forward) the time after the
 * gap; in an overlap (fall back) the earlier of the two.
 */
export function instantOf(wall: WallTime, clock: WallClock): Date {
  const target = wallAsUtc(wall);
  // The zone's offset is found from the clock itself, twice: once near the target, once at the guess.
  let guess = target - (wallAsUtc(clock(new Date(target))) - target);
  const second = target - (wallAsUtc(clock(new Date(guess))) - guess);
  if (second !== guess) {
    const earlier = Math.min(guess, second);
    guess = wallAsUtc(clock(new Date(earlier))) === target ? earlier : Math.max(guess, second);
  }
  return new Date(guess);
}

/** Midnight at the start of a calendar day in a zone. */
export const startOfDay = (day: string, clock: WallClock): Date => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return instantOf({ year, month, day: date, hour: 0, minute: 0, second: 0, millisecond: 0 }, clock);
};

/** A day as Google Sheets' serial number (what a date cell holds, whatever the zones). */
export const serialOfDay = (day: string): number => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(year, month - 1, date) - SHEETS_EPOCH_MS) / DAY_MS);
};

/** The wall time a Sheets serial number (days and fraction of a day) stands for. */
export function wallOfSerial(serial: number): WallTime {
  const ms = Math.round(serial * DAY_MS) + SHEETS_EPOCH_MS;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() };
}

/** The wall time as Sheets' serial number. */
export const serialOfWall = (wall: WallTime): number => (wallAsUtc(wall) - SHEETS_EPOCH_MS) / DAY_MS;
