import type { WallClock } from '../../../shared/calendar';
import { fromCell } from '../../../shared/cell-codec';
import { emptyValue } from '../../../shared/merge';
import { metaOf, recordSchemas } from '../../../shared/records';
import { canonicalValue } from '../../../shared/sheet-rows';
import type { TabColumns } from '../sheets/column-reader';

/** `Date.prototype.toISOString`'s form, which `fromCell` gives back unchanged. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A row read column by column: the fields asked for, decoded as the sync decodes them, and where it is. */
export type ColumnRecord = Record<string, unknown> & { id: string; row: number };

/** Some columns of a tab, decoded: the rows that have an id, and each field's values in their order. */
export interface DecodedColumns {
  /** the sheet row of each row kept */
  rows: number[];
  ids: string[];
  values: Partial<Record<string, unknown[]>>;
}

/**
 * The rows of some columns as field values (in the spreadsheet's zone), for runs that only read.
 * Lenient where the sync is strict: a cell that does not fit its field is passed on as decoded
 * (the sync reports it); rows without an id are skipped (the sync gives them one). Column by
 * column: a tab of 200,000 interactions becomes a few arrays, not 200,000 objects.
 */
export function decodeColumns(columns: TabColumns, clock: WallClock): DecodedColumns {
  const { table } = columns;
  const idCells = columns.cells.id;
  const decoded: DecodedColumns = { rows: [], ids: [], values: {} };
  if (!idCells) return decoded;
  const kept: number[] = [];
  for (let i = 0; i < columns.rowCount; i++) {
    const id = String(idCells[i] ?? '').trim().toLowerCase();
    if (id === '') continue;
    kept.push(i);
    decoded.rows.push(i + 2);
    decoded.ids.push(id);
  }
  for (const [field, cells] of Object.entries(columns.cells)) {
    if (field === 'id' || !cells) continue;
    if (!(field in recordSchemas[table].shape)) {
      // The hidden bookkeeping (`_clock`, …) is passed on as it is.
      decoded.values[field] = kept.map((i) => cells[i]);
      continue;
    }
    const meta = metaOf(table, field);
    const empty = emptyValue(table, field);
    const out = new Array<unknown>(kept.length);
    for (let k = 0; k < kept.length; k++) {
      const cell = cells[kept[k]!];
      let value: unknown;
      // The common cells the short way: text as the sync trims it, a choice in lower case,
      // numbers and ticks as they are, an instant as the sync writes it.
      if (typeof cell === 'string' && (meta.kind === 'text' || (meta.kind === 'datetime' && CANONICAL_INSTANT.test(cell)))) value = canonicalValue(field, cell);
      else if (typeof cell === 'string' && meta.kind === 'choice') value = cell.trim().toLowerCase();
      else if ((typeof cell === 'number' && meta.kind === 'number') || (typeof cell === 'boolean' && meta.kind === 'boolean')) value = cell;
      else value = canonicalValue(field, fromCell(meta, cell, clock));
      out[k] = value === '' || value === null ? empty : value;
    }
    decoded.values[field] = out;
  }
  return decoded;
}

/** The rows as one object each (for tabs of tens of thousands). */
export const columnRecords = (columns: TabColumns, clock: WallClock): ColumnRecord[] => recordsOf(decodeColumns(columns, clock));

/** Decoded rows as one object each, or only those `keep` picks out of a bigger tab. */
export function recordsOf(decoded: DecodedColumns, keep?: (k: number) => boolean): ColumnRecord[] {
  const fields = Object.entries(decoded.values);
  const out: ColumnRecord[] = [];
  for (let k = 0; k < decoded.ids.length; k++) {
    if (keep && !keep(k)) continue;
    const record: ColumnRecord = { id: decoded.ids[k]!, row: decoded.rows[k]! };
    for (const [field, values] of fields) record[field] = values![k];
    out.push(record);
  }
  return out;
}
