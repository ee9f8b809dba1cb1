import type { WallClock, WallTime } from '../../../shared/calendar';

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;
const DAY_MS = 86_400_000;

const asUtc = (wall: WallTime) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);

/**
 * The spreadsheet's clock: dates in the sheet are days and times in the spreadsheet's time zone,
 * which need not be the script's (the zone Apps Script runs JavaScript in). Utilities.formatDate
 * is the documented way to read an instant in a named zone. It is a service call, so the zone's
 * offset is learnt once per UTC day (from the day's first and last millisecond): a day whose two
 * offsets agree has no clock change in it, and every instant of it is read by arithmetic.
 */
export function spreadsheetClock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): { timeZone: string; clock: WallClock } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return { timeZone, clock: zoneClock(timeZone) };
}

/** A wall clock for a named zone (the spreadsheet's, or the zone reminders go out in). */
export function zoneClock(timeZone: string): WallClock {
  const exact: WallClock = (instant) => {
    const match = WALL.exec(Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd HH:mm:ss.SSS'));
    if (!match) throw new Error(`Utilities.formatDate gave an unexpected date for ${instant.toISOString()}`);
    const [year, month, day, hour, minute, second, millisecond] = match.slice(1).map(Number) as [number, number, number, number, number, number, number];
    return { year, month, day, hour, minute, second, millisecond };
  };
  /** UTC day → the zone's offset all that day, or null when the clocks change during it */
  const offsets = new Map<number, number | null>();
  return (instant) => {
    const ms = instant.getTime();
    const day = Math.floor(ms / DAY_MS);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const [start, end] = [day * DAY_MS, day * DAY_MS + DAY_MS - 1];
      const [a, b] = [asUtc(exact(new Date(start))) - start, asUtc(exact(new Date(end))) - end];
      offset = a === b ? a : null;
      offsets.set(day, offset);
    }
    if (offset === null) return exact(instant);
    const wall = new Date(ms + offset);
    return {
      year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
      hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(), millisecond: wall.getUTCMilliseconds(),
    };
  };
}
