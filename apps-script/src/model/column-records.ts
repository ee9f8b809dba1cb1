import type { WallClock } from '../../../shared/calendar';
import { fromCell } from '../../../shared/cell-codec';
import { emptyValue } from '../../../shared/merge';
import { metaOf, recordSchemas, type TableName } from '../../../shared/records';
import { canonicalValue } from '../../../shared/sheet-rows';
import type { TabColumns } from '../sheets/column-reader';

/** A row read column by column: the fields asked for, decoded as the sync decodes them, and where it is. */
export type ColumnRecord = Record<string, unknown> & { id: string; row: number };

/**
 * The rows of some columns as field values (in the spreadsheet's zone), for runs that only read.
 * Lenient where the sync is strict: a cell that does not fit its field is passed on as decoded
 * (the sync reports it); rows without an id are skipped (the sync gives them one).
 */
export function columnRecords(columns: TabColumns, clock: WallClock): ColumnRecord[] {
  const { table } = columns;
  const ids = columns.cells.id;
  if (!ids) return [];
  const fields = Object.keys(columns.cells).filter((field) => field in recordSchemas[table].shape);
  const decoders = fields.map((field) => ({ field, cells: columns.cells[field]!, meta: metaOf(table, field), empty: emptyValue(table, field) }));
  // The hidden bookkeeping (`_clock`, …) is passed on as it is.
  const raw = Object.keys(columns.cells).filter((field) => !(field in recordSchemas[table].shape)).map((field) => ({ field, cells: columns.cells[field]! }));
  const out: ColumnRecord[] = [];
  for (let i = 0; i < columns.rowCount; i++) {
    const id = String(ids[i] ?? '').trim().toLowerCase();
    if (id === '') continue;
    const record: ColumnRecord = { id, row: i + 2 };
    for (const { field, cells, meta, empty } of decoders) {
      if (field === 'id') continue;
      const value = canonicalValue(field, fromCell(meta, cells[i], clock));
      record[field] = value === '' || value === null ? empty : value;
    }
    for (const { field, cells } of raw) record[field] = cells[i];
    out.push(record);
  }
  return out;
}

/** The records of a table, keyed by id. */
export const byId = (records: readonly ColumnRecord[]) => new Map(records.map((record) => [record.id, record]));
