/**
 * What Google Sheets stores when a person types some text into a cell, and the text a person
 * would type to get a stored value back. `Range.setValue(s)` with strings behaves like typing.
 *
 * Recognised, as in an en-US spreadsheet: a leading apostrophe forces literal text; a leading `=`
 * is a formula; numbers ("42", "-3.5", "+4915112345678", "007", "1e3", "1,234", "50%");
 * TRUE/FALSE in any case; dates "YYYY-MM-DD" and date-times "YYYY-MM-DD HH:mm[:ss[.SSS]]"
 * (read in the spreadsheet's time zone, UTC here). Everything else stays text. Currencies, times
 * of day and other date layouts that Sheets also recognises are not modelled.
 */
export type CellValue = string | number | boolean | Date;

/** One stored cell. `formula` is set for formula cells, whose `value` we do not compute (''). */
export interface StoredCell {
  value: CellValue;
  formula?: string;
}

/** What may be written into a cell from a JSON workbook file. */
export type CellJson = string | number | boolean | null;

export const PLAIN_TEXT_FORMAT = '@';
/** Google refuses longer cell contents. */
export const MAX_CELL_CHARS = 50_000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const BOOLEAN = /^(?:true|false)$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** The cell a person gets by typing `text` (into a cell formatted as plain text, if `plainText`). */
export function typeText(text: string, plainText = false): StoredCell {
  if (plainText) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED_NUMBER.test(text)) return { value: Number(text.replaceAll(',', '')) };
  const percent = PERCENT.exec(text);
  if (percent) return { value: Number(percent[1]) / 100 };
  if (BOOLEAN.test(text)) return { value: text.toLowerCase() === 'true' };
  const date = parseDateTime(text);
  if (date) return { value: date };
  return { value: text };
}

function parseDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Sheets leaves impossible dates such as 2024-02-30 as text.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return date;
}

/** The text a person would type to get `cell` back; numbers and booleans stay JSON values. */
export function cellToTyped(cell: StoredCell): string | number | boolean {
  if (cell.formula !== undefined) return cell.formula;
  const { value } = cell;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return formatDateTime(value);
  if (value === '') return '';
  const retyped = typeText(value);
  const samePlainText = retyped.formula === undefined && retyped.value === value;
  return samePlainText ? value : `'${value}`;
}

/** "YYYY-MM-DD" for UTC midnight, else "YYYY-MM-DD HH:mm:ss[.SSS]" — both read back by `typeText`. */
export function formatDateTime(date: Date): string {
  const iso = date.toISOString(); // 2024-01-05T10:20:30.123Z
  const day = iso.slice(0, 10);
  if (date.getTime() % 86_400_000 === 0) return day;
  const millis = iso.slice(20, 23);
  return `${day} ${iso.slice(11, 19)}${millis === '000' ? '' : `.${millis}`}`;
}

/** Roughly what the cell shows with the automatic format; formulas show '' (not evaluated). */
export function displayText(cell: StoredCell): string {
  if (cell.formula !== undefined) return '';
  const { value } = cell;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDateTime(value);
  return String(value);
}

export function isEmptyCell(cell: StoredCell | undefined): boolean {
  return cell === undefined || (cell.value === '' && cell.formula === undefined);
}
