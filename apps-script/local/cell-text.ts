import { instantOf, type WallClock, type WallTime } from '../../shared/calendar.ts';

/**
 * What Google Sheets stores when a person types some text into a cell (or a script writes it with
 * `setValue(s)` or the Sheets API's USER_ENTERED), and the text a person would type to get a stored
 * value back.
 *
 * Recognised, as in an en-US spreadsheet: a leading apostrophe forces literal text; a leading `=`
 * is a formula; numbers ("42", "-3.5", "+4915112345678", "007", "1e3", "1,234") within a double's
 * range; percentages ("50%"); currency amounts ("$100", "€5", "5 €", "-$3.50"); TRUE/FALSE in any
 * case; dates ("2024-03-05", "3/5/2024", "3/5/24", "3/5", "Mar 5", "Mar 5, 2024", "5 Mar 2024",
 * "March 5"), date-times ("2024-03-05 14:30[:ss[.SSS]]", "3/5/2024 14:30") and times of day
 * ("14:30", "2:30 PM", "14:30:15") — all read in the spreadsheet's time zone. A time alone is a
 * date-time on 1899-12-30, as in Sheets. Everything else stays text. Cells formatted as plain
 * text (`@`) keep what is typed as it is (but for a leading apostrophe, always a quote prefix).
 */
export type CellValue = string | number | boolean | Date;

/** One stored cell. `formula` is set for formula cells, whose `value` is what the formula gave. */
export interface StoredCell {
  value: CellValue;
  formula?: string;
}

/** What may be written into a cell from a JSON workbook file. */
export type CellJson = string | number | boolean | null;

/** The spreadsheet's clock, and this year (for dates typed without one). */
export interface Typing {
  clock: WallClock;
  now: () => Date;
}

export const PLAIN_TEXT_FORMAT = '@';
/** Google refuses longer cell contents. */
export const MAX_CELL_CHARS = 50_000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
const CURRENCY = /^([+-]?)[$€£¥]\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$|^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?€$/;
const BOOLEAN = /^(?:true|false)$/i;
const ISO_DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AP]M))?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_DAY = new RegExp(`^${MONTH}\\.? (\\d{1,2})(?:,? (\\d{4}))?$`, 'i');
const DAY_MONTH = new RegExp(`^(\\d{1,2}) ${MONTH}\\.?(?:,? (\\d{4}))?$`, 'i');

/** The cell a person gets by typing `text` (into a cell formatted as plain text, if `plainText`). */
export function typeText(text: string, typing: Typing, plainText = false): StoredCell {
  // The apostrophe is a quote prefix, not content, whatever the cell's format.
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (plainText) return { value: text };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return finite(Number(trimmed), text);
  if (GROUPED_NUMBER.test(trimmed)) return finite(Number(trimmed.replaceAll(',', '')), text);
  const percent = PERCENT.exec(trimmed);
  if (percent) return finite(Number(percent[1]) / 100, text);
  const currency = CURRENCY.exec(trimmed);
  if (currency) {
    const sign = (currency[1] ?? currency[3]) === '-' ? -1 : 1;
    return finite(sign * Number((currency[2] ?? currency[4])!.replaceAll(',', '')), text);
  }
  if (BOOLEAN.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const wall = wallTimeOf(trimmed, typing.now().getUTCFullYear());
  if (wall) return { value: instantOf(wall, typing.clock) };
  return { value: text };
}

/** Sheets holds doubles: a number it cannot hold stays the text that was typed. */
const finite = (value: number, text: string): StoredCell => (Number.isFinite(value) ? { value } : { value: text });

function wallTimeOf(text: string, thisYear: number): WallTime | null {
  let parts: [number, number, number, number, number, number, number] | null = null;
  const iso = ISO_DATE_TIME.exec(text);
  const us = US_DATE.exec(text);
  const time = TIME.exec(text);
  const monthDay = MONTH_DAY.exec(text);
  const dayMonth = DAY_MONTH.exec(text);
  if (iso) {
    parts = [+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), Number((iso[7] ?? '0').padEnd(3, '0'))];
  } else if (us) {
    const year = us[3] === undefined ? thisYear : us[3].length === 2 ? 2000 + Number(us[3]) - (Number(us[3]) >= 30 ? 100 : 0) : Number(us[3]);
    parts = [year, +us[1]!, +us[2]!, +(us[4] ?? 0), +(us[5] ?? 0), +(us[6] ?? 0), 0];
  } else if (time) {
    let hour = Number(time[1]);
    const meridiem = time[4]?.toUpperCase();
    if (meridiem && (hour < 1 || hour > 12)) return null;
    if (meridiem === 'PM' && hour < 12) hour += 12;
    if (meridiem === 'AM' && hour === 12) hour = 0;
    parts = [1899, 12, 30, hour, +time[2]!, +(time[3] ?? 0), 0];
  } else if (monthDay) {
    parts = [monthDay[3] ? +monthDay[3] : thisYear, monthNumber(monthDay[1]!), +monthDay[2]!, 0, 0, 0, 0];
  } else if (dayMonth) {
    parts = [dayMonth[3] ? +dayMonth[3] : thisYear, monthNumber(dayMonth[2]!), +dayMonth[1]!, 0, 0, 0, 0];
  }
  if (!parts) return null;
  const [year, month, day, hour, minute, second, millisecond] = parts;
  // Sheets leaves impossible dates and times such as 2024-02-30 or 25:00 as text.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second, millisecond };
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The text a person would type to get `cell` back; numbers and booleans stay JSON values. */
export function cellToTyped(cell: StoredCell, typing: Typing): string | number | boolean {
  if (cell.formula !== undefined) return cell.formula;
  const { value } = cell;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return formatDateTime(value, typing.clock);
  if (value === '') return '';
  const retyped = typeText(value, typing);
  const samePlainText = retyped.formula === undefined && retyped.value === value;
  return samePlainText ? value : `'${value}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall time in the spreadsheet's zone: "YYYY-MM-DD" at midnight, else "YYYY-MM-DD HH:mm:ss[.SSS]" — both typed back by `typeText`. */
export function formatDateTime(date: Date, clock: WallClock): string {
  const wall = clock(date);
  const day = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  if (wall.hour === 0 && wall.minute === 0 && wall.second === 0 && wall.millisecond === 0) return day;
  return `${day} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${wall.millisecond ? `.${pad(wall.millisecond, 3)}` : ''}`;
}

/** Roughly what the cell shows with the automatic format. */
export function displayText(cell: StoredCell, clock: WallClock): string {
  const { value } = cell;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDateTime(value, clock);
  return String(value);
}

export function isEmptyCell(cell: StoredCell | undefined): boolean {
  return cell === undefined || (cell.value === '' && cell.formula === undefined);
}
