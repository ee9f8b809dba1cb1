import type { ColumnKind } from './sheet-columns';

/**
 * How a field value becomes a spreadsheet cell and back. Google Sheets treats a written
 * string as if a person typed it: `=…` becomes a formula, `+49…` a number, `2026-01-02` a
 * date. Text from web pages and emails must stay text, so anything that could be read as
 * something else is written with a leading apostrophe, which Sheets keeps out of the value.
 */

export type Cell = string | number | boolean | Date;

/** Google Sheets refuses cells over 50,000 characters. */
const MAX_CELL_CHARS = 50_000;
const LIST_SEPARATOR = ', ';

const couldBeReinterpreted = (text: string) =>
  /^[=+\-@'\t\r\n.\d]/.test(text) || /^(true|false)$/i.test(text.trim());

/** A string written so the sheet stores exactly this text: never a formula, number or date. */
export function literalText(text: string): string {
  const clipped = text.length > MAX_CELL_CHARS - 1 ? text.slice(0, MAX_CELL_CHARS - 1) : text;
  return clipped !== '' && couldBeReinterpreted(clipped) ? `'${clipped}` : clipped;
}

export function toCell(kind: ColumnKind, value: unknown): Cell {
  switch (kind) {
    case 'text':
    case 'datetime':
      return literalText(value == null ? '' : String(value));
    case 'list':
      return literalText(Array.isArray(value) ? value.join(LIST_SEPARATOR) : '');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'boolean':
      return value === true;
    case 'date':
      // Written as typed text on purpose: the sheet turns YYYY-MM-DD into a real date cell.
      return typeof value === 'string' ? value : '';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A date cell in the script's time zone (Apps Script's Date uses it) as YYYY-MM-DD. */
const calendarDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const cellText = (cell: unknown): string => {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return cell == null ? '' : String(cell).trim();
};

/** A cell as the record field it holds. Unreadable values are passed on for the schema to reject. */
export function fromCell(kind: ColumnKind, cell: unknown): unknown {
  switch (kind) {
    case 'text':
      return cell instanceof Date ? calendarDay(cell) : cellText(cell);
    case 'list':
      return cellText(cell)
        .split(/[,;\n]+/)
        .map((item) => item.trim())
        .filter(Boolean);
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
      if (cell instanceof Date) return calendarDay(cell);
      const text = cellText(cell);
      if (text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
      const parsed = new Date(text);
      return Number.isNaN(parsed.getTime()) ? text : calendarDay(parsed);
    }
    case 'datetime': {
      if (cell instanceof Date) return cellText(cell);
      const text = cellText(cell);
      if (text === '') return '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00.000Z`;
      const parsed = new Date(text);
      return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
    }
  }
}

/** The same text items, each trimmed, split where a sheet cell would split them, empties dropped. */
export function canonicalList(items: readonly string[]): string[] {
  return items.flatMap((item) => item.split(/[,;\n]+/)).map((item) => item.trim()).filter(Boolean);
}

/** A short stable hash (cyrb53) of a string, as 14 hex digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
