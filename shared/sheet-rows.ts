import type * as z from 'zod';
import type { WallClock } from './calendar';
import { normaliseEmails } from './emails';
import { canonicalList, fromCell, hashNumber, hashText, toRawCell, type RawCell } from './cell-codec';
import { recordSchemas, type AnyRecord, type TableName } from './records';
import { CLOCK_FIELD, HASH_FIELD, REV_FIELD, type ColumnSpec, type TabSpec } from './sheet-columns';

/**
 * One row of a record tab, field by field: read and validated on its own so that one bad cell
 * names itself and leaves the rest of the row readable; a hash per field so the script can tell
 * which cells people changed; and the times each field last changed, for the field-by-field merge.
 */

const fieldSchema = (table: TableName, field: string) => (recordSchemas[table].shape as Record<string, z.ZodType>)[field]!;

const isIdField = (field: string) => field === 'id' || field.endsWith('Id');

/**
 * A value as it is compared, hashed and stored: text trimmed, lists split the way a cell splits
 * them, emails in lower case (lookups must find what a person typed in any case), ids in lower
 * case (a UUID is the same in either case).
 */
export function canonicalValue(field: string, value: unknown): unknown {
  if (typeof value === 'string') return isIdField(field) ? value.trim().toLowerCase() : value.trim();
  if (Array.isArray(value)) {
    const items = canonicalList(value.map(String));
    return field === 'emails' ? normaliseEmails(items) : items;
  }
  return value;
}

/** A whole record in canonical form, validated: `{ ok: false }` says why it cannot be stored. */
export function canonicalRecord<T extends TableName>(table: T, record: Record<string, unknown>): z.ZodSafeParseResult<z.infer<(typeof recordSchemas)[T]>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key] = canonicalValue(key, value);
  return recordSchemas[table].safeParse(out) as z.ZodSafeParseResult<z.infer<(typeof recordSchemas)[T]>>;
}

export type FieldRead = { ok: true; value: unknown } | { ok: false; text: string; message: string };

/** One cell read as its field: empty means the field's default; a value that does not fit names why. */
export function readField(table: TableName, column: ColumnSpec, cell: unknown, clock: WallClock): FieldRead {
  const decoded = canonicalValue(column.field, fromCell(column.meta, cell, clock));
  const parsed = fieldSchema(table, column.field).safeParse(decoded === '' ? undefined : decoded);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, text: cell instanceof Date ? cell.toISOString() : String(cell ?? ''), message: parsed.error.issues[0]?.message ?? 'not readable' };
}

/** Revisions count writes: far below this in any sheet's lifetime, and far below 2^53 so cursors stay exact. */
export const MAX_REV = 2 ** 48;

export const isRevision = (rev: number) => Number.isSafeInteger(rev) && rev >= 0 && rev <= MAX_REV;

/** The hidden revision of a row: a whole number the script could have written, else null. */
export function readRev(cell: unknown): number | null {
  const rev = typeof cell === 'number' ? cell : Number(String(cell ?? '').trim() || NaN);
  return isRevision(rev) && rev > 0 ? rev : null;
}

// ——— hashes of each field as last written ———

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64 = (n: number, chars: number) => {
  let out = '';
  for (let i = 0; i < chars; i++) out += BASE64URL[Math.floor(n / 64 ** i) % 64];
  return out;
};
const HASH_PREFIX = 'h2:';
const CODE_CHARS = 3;
const VALUE_CHARS = 4;

/** Three characters naming a field in the hash cell; a test checks they are unique per tab. */
export const fieldCode = (field: string) => base64(hashNumber(field), CODE_CHARS);
export const valueHash = (value: unknown) => base64(hashNumber(JSON.stringify(value ?? null)), VALUE_CHARS);

/** The fields whose cells are hashed: what people see and may edit, scores aside (the scoring run owns them). */
export const hashedColumns = (spec: TabSpec) => spec.columns.filter((c) => !c.hidden && !c.meta.computed);

/** The hash cell of a record as written now: each hashed field's code and value hash. */
export function hashCell(spec: TabSpec, values: Record<string, unknown>): string {
  return HASH_PREFIX + hashedColumns(spec).map((c) => fieldCode(c.field) + valueHash(values[c.field])).join('');
}

export type StoredHashes = { kind: 'fields'; byCode: Map<string, string> } | { kind: 'row'; hash: string } | { kind: 'none' };

export function readHashCell(cell: unknown): StoredHashes {
  const text = String(cell ?? '').trim();
  if (text.startsWith(HASH_PREFIX)) {
    const byCode = new Map<string, string>();
    const body = text.slice(HASH_PREFIX.length);
    for (let i = 0; i + CODE_CHARS + VALUE_CHARS <= body.length; i += CODE_CHARS + VALUE_CHARS) {
      byCode.set(body.slice(i, i + CODE_CHARS), body.slice(i + CODE_CHARS, i + CODE_CHARS + VALUE_CHARS));
    }
    return { kind: 'fields', byCode };
  }
  return text === '' ? { kind: 'none' } : { kind: 'row', hash: text };
}

/**
 * The hash sheets written before field hashes kept: one for the whole row's visible fields in
 * column order. Only used to recognise an untouched row of such a sheet.
 */
export const legacyRowHash = (spec: TabSpec, values: Record<string, unknown>) =>
  hashText(JSON.stringify(spec.legacyFields.map((field) => values[field] ?? null)));

// ——— when each field last changed ———

/** `notes:mhx3k2a0 phones:mhx3k9b1` — base-36 milliseconds, only for fields changed after creation. */
export function clockCell(times: ReadonlyMap<string, number>): string {
  return [...times].map(([field, ms]) => `${field}:${ms.toString(36)}`).join(' ');
}

export function readClockCell(cell: unknown): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of String(cell ?? '').trim().split(/\s+/)) {
    const [field, stamp] = entry.split(':');
    const ms = parseInt(stamp ?? '', 36);
    if (field && Number.isSafeInteger(ms) && ms > 0) times.set(field, ms);
  }
  return times;
}

// ——— writing ———

/** The RAW cells of a record's fields, by field. */
export function rawCellsOf(spec: TabSpec, record: AnyRecord, fields: Iterable<string>): Map<string, RawCell> {
  const values = record as unknown as Record<string, unknown>;
  const byField = new Map(spec.columns.map((c) => [c.field, c]));
  const out = new Map<string, RawCell>();
  for (const field of fields) {
    const column = byField.get(field);
    if (column && !column.hidden) out.set(field, toRawCell(column.meta, values[field]));
  }
  return out;
}

export const bookkeepingCells = (spec: TabSpec, values: Record<string, unknown>, rev: number, times: ReadonlyMap<string, number>) =>
  new Map<string, RawCell>([
    [REV_FIELD, rev],
    [HASH_FIELD, hashCell(spec, values)],
    [CLOCK_FIELD, clockCell(times)],
  ]);

export const isBlankRow = (row: readonly unknown[]) => row.every((cell) => cell === '' || cell == null);
