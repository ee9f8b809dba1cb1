import type * as z from 'zod';
import { canonicalList, fromCell, hashText, toCell, type Cell } from './cell-codec';
import { recordSchemas, type AnyRecord, type TableName } from './records';
import { HASH_FIELD, REV_FIELD, normaliseHeader, type ColumnSpec, type TabSpec } from './sheet-columns';

/** Where each field of a tab sits, found by header name; -1 when the column is missing. */
export type ColumnMap = Map<string, number>;

export function mapColumns(header: readonly unknown[], spec: TabSpec): ColumnMap {
  const byName = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (name && !byName.has(name)) byName.set(name, index);
  });
  return new Map(spec.columns.map((c) => [c.field, byName.get(normaliseHeader(c.header)) ?? byName.get(normaliseHeader(c.field)) ?? -1]));
}

export const missingColumns = (columns: ColumnMap, spec: TabSpec): ColumnSpec[] =>
  spec.columns.filter((c) => columns.get(c.field) === -1);

export interface DecodedRow {
  /** the row's fields as read, not yet validated */
  fields: Record<string, unknown>;
  rev: number;
  hash: string;
}

export function decodeRow(row: readonly unknown[], columns: ColumnMap, spec: TabSpec): DecodedRow {
  const fields: Record<string, unknown> = {};
  for (const column of spec.columns) {
    if (column.hidden) continue;
    const index = columns.get(column.field) ?? -1;
    if (index >= 0) fields[column.field] = fromCell(column.kind, row[index]);
  }
  const rev = Number(row[columns.get(REV_FIELD) ?? -1]);
  return { fields, rev: Number.isFinite(rev) ? rev : 0, hash: String(row[columns.get(HASH_FIELD) ?? -1] ?? '') };
}

export const isBlankRow = (row: readonly unknown[]) => row.every((cell) => cell === '' || cell == null);

/** Writes a record's fields into a copy of `row`, leaving columns the script does not own as they were. */
export function encodeRow(record: AnyRecord, rev: number, row: readonly unknown[], columns: ColumnMap, spec: TabSpec): Cell[] {
  const out = [...row] as Cell[];
  const values = record as unknown as Record<string, unknown>;
  for (const column of spec.columns) {
    const index = columns.get(column.field) ?? -1;
    if (index < 0) continue;
    if (column.field === REV_FIELD) out[index] = rev;
    // Hex like "01e5…" would be typed as a number by the sheet: the hash is written as text.
    else if (column.field === HASH_FIELD) out[index] = toCell('text', rowHash(values, spec));
    else out[index] = toCell(column.kind, values[column.field]);
  }
  return out;
}

/**
 * A hash of the visible fields as the sheet holds them. The script stores it with each row it
 * writes; a row whose cells no longer give the same hash was edited by a person.
 */
export function rowHash(fields: Record<string, unknown>, spec: TabSpec): string {
  const visible = spec.columns.filter((c) => !c.hidden).map((c) => fields[c.field] ?? null);
  return hashText(JSON.stringify(visible));
}

/**
 * A record as it comes back from the sheet: text trimmed, lists split the way a cell splits them,
 * emails in lower case.
 * Merging and hashing work on this form, so writing a record and reading it back changes nothing.
 */
export function canonicalRecord<T extends TableName>(table: T, record: z.infer<(typeof recordSchemas)[T]>) {
  const out: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') out[key] = value.trim();
    else if (Array.isArray(value)) out[key] = canonicalList(value as string[]);
  }
  // One address, one spelling: lookups by email must find what a person typed in any case.
  if (Array.isArray(out.emails)) out.emails = [...new Set((out.emails as string[]).map((e) => e.toLowerCase()))];
  return recordSchemas[table].parse(out) as z.infer<(typeof recordSchemas)[T]>;
}

const choiceFields = new Set(['stage', 'type', 'direction', 'status']);

/** What a person typed, read kindly: empty cells take the field's default, choices ignore case. */
export function readTyped(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === '') continue;
    out[key] = choiceFields.has(key) && typeof value === 'string' ? value.toLowerCase() : value;
  }
  return out;
}

/** The highest revision any row of a tab carries. */
export function highestRev(header: readonly unknown[], rows: readonly (readonly unknown[])[], spec: TabSpec): number {
  const index = mapColumns(header, spec).get(REV_FIELD) ?? -1;
  let highest = 0;
  if (index < 0) return highest;
  for (const row of rows) {
    const rev = Number(row[index]);
    if (Number.isFinite(rev) && rev > highest) highest = rev;
  }
  return highest;
}
