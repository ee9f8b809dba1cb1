import type { WallClock, WallTime } from '../../../shared/calendar';

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

/**
 * The spreadsheet's clock: dates in the sheet are days and times in the spreadsheet's time zone,
 * which need not be the script's (the zone Apps Script runs JavaScript in). Utilities.formatDate
 * is the documented way to read an instant in a named zone; results are cached per instant.
 */
export function spreadsheetClock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): { timeZone: string; clock: WallClock } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const cache = new Map<number, WallTime>();
  const clock: WallClock = (instant) => {
    const ms = instant.getTime();
    const cached = cache.get(ms);
    if (cached) return cached;
    const match = WALL.exec(Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd HH:mm:ss.SSS'));
    if (!match) throw new Error(`Utilities.formatDate gave an unexpected date for ${instant.toISOString()}`);
    const [year, month, day, hour, minute, second, millisecond] = match.slice(1).map(Number) as [number, number, number, number, number, number, number];
    const wall = { year, month, day, hour, minute, second, millisecond };
    cache.set(ms, wall);
    return wall;
  };
  return { timeZone, clock };
}
