import { dayOf, instantOf, isCalendarDay, serialOfDay, startOfDay, wallOfSerial, type WallClock } from './calendar';
import type { FieldMeta } from './records';

/**
 * How a field value becomes a spreadsheet cell and back.
 *
 * Rapport writes record cells through the Sheets API with valueInputOption RAW: a string is stored
 * as that text (never a formula, number or date), a number as a number, a calendar day as the
 * date serial number its column's date format shows. Reading (`getValues`) gives what people and
 * Google made of the cells: Dates for date cells (instants in the spreadsheet's time zone), numbers,
 * booleans and text — turned back into field values in the spreadsheet's zone.
 *
 * `literalText` guards text written the other way, as if typed (`setValues`), where Google
 * auto-types what looks like a number, date, time, currency, percentage, boolean or formula.
 */

export type Cell = string | number | boolean | Date;
/** What a RAW write puts in a cell. */
export type RawCell = string | number | boolean;

/** Google Sheets refuses cells over 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;
export const LIST_SEPARATOR = ', ';
const LIST_SPLIT = /[,;\n]+/;

const clip = (text: string) => (text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);

/**
 * Text Google could read as something else when typed: anything with a digit (numbers, dates,
 * times, currency amounts, percentages), anything not starting with a letter (formulas `=`, `+`,
 * `-`, `@`, quotes, currency symbols, whitespace) and the booleans.
 */
const couldBeReinterpreted = (text: string) => /\d/.test(text) || !/^\p{L}/u.test(text) || /^(true|false)$/i.test(text.trim());

/** A string that, written as typed text (`setValues`), stores exactly this text. */
export function literalText(text: string): string {
  const clipped = clip(text).slice(0, MAX_CELL_CHARS - 1);
  return clipped !== '' && couldBeReinterpreted(clipped) ? `'${clipped}` : clipped;
}

/** A field value as the RAW cell that holds it. */
export function toRawCell(meta: FieldMeta, value: unknown): RawCell {
  switch (meta.kind) {
    case 'text':
    case 'choice':
    case 'datetime':
      return clip(value == null ? '' : String(value));
    case 'list':
      return clip(Array.isArray(value) ? value.join(LIST_SEPARATOR) : '');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'boolean':
      return value === true;
    case 'date':
      return typeof value === 'string' && isCalendarDay(value) ? serialOfDay(value) : '';
  }
}

const cellText = (cell: unknown): string => (cell == null ? '' : String(cell).trim());

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED_DAY = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** A typed day in a form people use where the order is unambiguous; null if it is none. */
function dayFromText(text: string): string | null {
  if (isCalendarDay(text)) return text;
  const dotted = DOTTED_DAY.exec(text);
  const slashed = SLASHED_DAY.exec(text);
  const [year, month, day] = dotted ? [dotted[3], dotted[2], dotted[1]] : slashed ? [slashed[1], slashed[2], slashed[3]] : [];
  if (!year) return null;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isCalendarDay(iso) ? iso : null;
}

/**
 * A cell as the field value it holds, in the spreadsheet's zone (`clock`). What cannot be read is
 * passed on as text for the schema to reject, so the row can name the cell.
 */
export function fromCell(meta: FieldMeta, cell: unknown, clock: WallClock): unknown {
  switch (meta.kind) {
    case 'text':
      return cell instanceof Date ? dayOf(cell, clock) : cellText(cell);
    case 'choice':
      return cellText(cell).toLowerCase();
    case 'list':
      return cellText(cell).split(LIST_SPLIT).map((item) => item.trim()).filter(Boolean);
    case 'number': {
      if (typeof cell === 'number') return cell;
      const text = cellText(cell);
      if (text === '') return null;
      const parsed = Number(text.replace(/[\s_]/g, ''));
      return Number.isFinite(parsed) ? parsed : text;
    }
    case 'boolean':
      return cell === true || /^(true|yes|x|1|wahr|ja)$/i.test(cellText(cell));
    case 'date': {
      if (cell instanceof Date) return dayOf(cell, clock) ?? '';
      // A RAW serial in a column without a date format reads as its number.
      if (typeof cell === 'number') return Number.isFinite(cell) ? dayOfWall(cell) : String(cell);
      const text = cellText(cell);
      return text === '' ? '' : (dayFromText(text) ?? text);
    }
    case 'datetime':
      return dateTimeFromCell(meta, cell, clock);
  }
}

const dayOfWall = (serial: number) => {
  const wall = wallOfSerial(serial);
  return `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
};

function dateTimeFromCell(meta: FieldMeta, cell: unknown, clock: WallClock): unknown {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const day = dayOf(cell, clock)!;
    // A date typed into a due date means "that day", not midnight.
    if (meta.allowsDay && startOfDay(day, clock).getTime() === cell.getTime()) return day;
    return cell.toISOString();
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? instantOf(wallOfSerial(cell), clock).toISOString() : String(cell);
  const text = cellText(cell);
  if (text === '') return '';
  // One instant, one spelling: "…T10:00Z" and "…T11:00+01:00" are the same value.
  if (ISO_INSTANT.test(text)) return new Date(text).toISOString();
  const wall = WALL_TIME.exec(text);
  if (wall) {
    const [year, month, day, hour, minute, second = '0', ms = '0'] = wall.slice(1);
    return instantOf({ year: +year!, month: +month!, day: +day!, hour: +hour!, minute: +minute!, second: +second, millisecond: +ms.padEnd(3, '0') }, clock).toISOString();
  }
  const day = dayFromText(text);
  if (day) return meta.allowsDay ? day : startOfDay(day, clock).toISOString();
  return text;
}

/** The same text items, each trimmed, split where a sheet cell would split them, empties dropped. */
export function canonicalList(items: readonly string[]): string[] {
  return items.flatMap((item) => item.split(LIST_SPLIT)).map((item) => item.trim()).filter(Boolean);
}

/** A short stable hash (cyrb53) of a string, as a number below 2^53. */
export function hashNumber(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The same hash as 14 hex digits (the row hash of sheets written before field hashes). */
export const hashText = (text: string): string => hashNumber(text).toString(16).padStart(14, '0');
