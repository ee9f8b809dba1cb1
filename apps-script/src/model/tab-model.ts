import type { WallClock } from '../../../shared/calendar';
import { fromCell, type RawCell } from '../../../shared/cell-codec';
import { emptyValue } from '../../../shared/merge';
import type { SheetProblem } from '../../../shared/protocol';
import { baseFields, recordSchemas, type AnyRecord, type TableName } from '../../../shared/records';
import { CLOCK_FIELD, HASH_FIELD, REV_FIELD, layoutOf, tabSpecs, type ColumnSpec, type TabSpec } from '../../../shared/sheet-columns';
import {
  bookkeepingCells, canonicalValue, fieldCode, hashedColumns, isBlankRow, legacyRowHash, rawCellsOf, readClockCell, readField,
  readHashCell, readRev, valueHash, type StoredHashes,
} from '../../../shared/sheet-rows';

/**
 * One record tab as the sync and the scoring see it: its columns found by header, each row read
 * field by field (what people changed since the script last wrote it, what cannot be read), and
 * the cells to write — only the cells that change, never people's own columns.
 */

/**
 * What was read of a tab: its header row, how many data rows it has, the cells of the columns
 * that place records (id and revision) for every row, and the rows read whole — all of them after a
 * full read, else only those a run needs (rows it changes, rows changed since a member's cursor,
 * rows people edited).
 */
export interface TabRead {
  header: unknown[];
  /** data rows in the tab: its last row with content, less the header */
  rowCount: number;
  /** every data row's id cell */
  ids: unknown[];
  /** every data row's revision cell */
  revs: unknown[];
  /** data rows read whole, by index (0 = the row under the header) */
  rows: Map<number, unknown[]>;
}

/** A read plan that reads every row of every tab: set-up, scoring, reminders and stages need them all. */
export const EVERY_ROW: Record<TableName, 'all'> = { contacts: 'all', companies: 'all', interactions: 'all', deals: 'all', followUps: 'all' };

/** A tab read whole with one getValues (header row first). */
export function fullRead(values: unknown[][], spec: TabSpec): TabRead {
  const [header = [], ...rows] = values;
  const { columns } = layoutOf(header, spec);
  const column = (field: string) => columns.get(field) ?? -1;
  let rowCount = rows.length;
  while (rowCount > 0 && isBlankRow(rows[rowCount - 1]!)) rowCount--;
  return {
    header,
    rowCount,
    ids: rows.slice(0, rowCount).map((row) => row[column('id')] ?? ''),
    revs: rows.slice(0, rowCount).map((row) => row[column(REV_FIELD)] ?? ''),
    rows: new Map(rows.slice(0, rowCount).map((row, index) => [index, row])),
  };
}

/** data row index (0 = the row under the header) → column index → RAW value */
export type CellWrites = Map<number, Map<number, RawCell>>;

export interface RowState {
  /** data row index: 0 is the sheet's row 2 */
  index: number;
  /** '' for a row without an id yet */
  id: string;
  /** what each readable field holds now */
  values: Record<string, unknown>;
  /** fields whose cell could not be read, with why */
  unreadable: Map<string, string>;
  /** fields a person changed since the script last wrote the row */
  edited: Set<string>;
  rev: number | null;
  /** when fields changed after the record was made (ms) */
  times: Map<string, number>;
  hashes: StoredHashes;
  /** the row's hidden bookkeeping is unusable and must be written again */
  staleBookkeeping: boolean;
  /** the script last wrote this row as a tombstone */
  wasDeleted: boolean;
}

const isBase = (field: string) => (baseFields as readonly string[]).includes(field);
/** Fields whose change by a person is an edit of the record: its content and the Deleted tick. */
const isEditable = (column: ColumnSpec) => !column.hidden && !column.meta.computed && (!isBase(column.field) || column.field === 'deleted');

/** The highest revision handed out: the stored counter, or a row's if a row carries a higher one (a restored counter). */
export function highestRev(counter: number, models: Iterable<TabModel>): number {
  let rev = counter;
  for (const model of models) for (const row of model.rows) if (row.rev !== null && row.rev > rev) rev = row.rev;
  return rev;
}

export class TabModel {
  readonly spec: TabSpec;
  readonly header: unknown[];
  /** header cells to write: columns this run adds */
  readonly addedColumns: { index: number; column: ColumnSpec }[] = [];
  readonly columns: Map<string, number>;
  readonly rows: RowState[] = [];
  readonly writes: CellWrites = new Map();
  readonly problems: SheetProblem[] = [];
  /** rows appended by this run (their indexes follow the read rows) */
  appended = 0;
  readonly readRowCount: number;
  /** the id cell of every row as read (lower case, '' for none): places records, and notices rows people moved since */
  readonly idsAsRead: string[];
  /** the revision of every row as read (null where the cell holds none Rapport could have written) */
  readonly revsAsRead: (number | null)[];
  /** every row was read whole */
  readonly complete: boolean;

  constructor(
    readonly table: TableName,
    read: TabRead,
    readonly clock: WallClock,
  ) {
    this.spec = tabSpecs[table];
    const hasHeader = read.header.some((cell) => String(cell ?? '').trim() !== '');
    const dataRows = read.rowCount;
    const header = hasHeader ? [...read.header] : [];
    let layout = layoutOf(header, this.spec);
    // Columns are added where nobody can lose data by it: a tab without rows, Rapport's hidden
    // bookkeeping, or a field no row's hashes know (one added to Rapport since the rows were written).
    const hashColumn = layout.columns.get(HASH_FIELD) ?? -1;
    // Only a whole read can tell: rows not read may hold the field under a renamed header.
    const whole = read.rows.size >= read.rowCount;
    const hashes = hashColumn < 0 || !whole ? [] : [...read.rows.values()].filter((row) => !isBlankRow(row)).map((row) => readHashCell(row[hashColumn]));
    const neverWritten = (field: string) => whole && hashColumn >= 0 && hashes.every((h) => h.kind === 'fields' && !h.byCode.has(fieldCode(field)));
    const addable = layout.problems.filter((p) => {
      const column = this.spec.columns.find((c) => c.field === p.field)!;
      return layout.columns.get(p.field) === -1 && !p.message.includes('both look like') && (dataRows === 0 || column.hidden || neverWritten(p.field));
    });
    if (addable.length > 0) {
      let last = header.length - 1;
      while (last >= 0 && String(header[last] ?? '').trim() === '') last--;
      header.length = last + 1;
      for (const problem of addable) {
        const column = this.spec.columns.find((c) => c.field === problem.field)!;
        this.addedColumns.push({ index: header.length, column });
        header.push(column.header);
      }
      layout = layoutOf(header, this.spec);
    }
    this.header = header;
    this.columns = layout.columns;
    for (const problem of layout.problems) {
      this.problems.push({ tab: this.spec.tab, row: 1, column: problem.header, errors: [`${this.spec.tab}: ${problem.message}. Rapport leaves this field alone for everyone until the column is back (Rapport → Set up or repair).`] });
    }
    this.readRowCount = read.rowCount;
    this.idsAsRead = read.ids.map((cell) => String(cell ?? '').trim().toLowerCase());
    this.revsAsRead = read.revs.map(readRev);
    this.complete = whole;
    for (const [index, row] of [...read.rows].sort((a, b) => a[0] - b[0])) {
      if (!isBlankRow(row)) this.rows.push(this.#readRow(index, row));
    }
  }

  /** Whether the tab has a usable column for the field. */
  has(field: string): boolean {
    return (this.columns.get(field) ?? -1) >= 0;
  }

  /** The content fields this tab cannot hold right now (missing or ambiguous column). */
  get unavailable(): string[] {
    return this.spec.columns.filter((c) => !c.hidden && !this.has(c.field)).map((c) => c.field);
  }

  #readRow(index: number, row: unknown[]): RowState {
    const cell = (field: string) => row[this.columns.get(field) ?? -1];
    const hashes = readHashCell(cell(HASH_FIELD));
    const rev = readRev(cell(REV_FIELD));
    const state: RowState = {
      index, id: '', values: {}, unreadable: new Map(), edited: new Set(), rev, times: readClockCell(cell(CLOCK_FIELD)), hashes,
      staleBookkeeping: rev === null && (String(cell(REV_FIELD) ?? '').trim() !== '' || hashes.kind === 'fields'),
      wasDeleted: hashes.kind === 'fields' && hashes.byCode.get(fieldCode('deleted')) === valueHash(true),
    };
    if (state.staleBookkeeping && String(cell(REV_FIELD) ?? '').trim() !== '') {
      this.problems.push({ tab: this.spec.tab, row: index + 2, column: REV_FIELD, errors: [`the hidden revision "${String(cell(REV_FIELD))}" is not one Rapport wrote; it was replaced`] });
    }
    const decoded: Record<string, unknown> = {};
    for (const column of this.spec.columns) {
      if (column.hidden || !this.has(column.field)) continue;
      const raw = cell(column.field);
      const value = canonicalValue(column.field, fromCell(column.meta, raw, this.clock));
      decoded[column.field] = value === '' || value === null ? emptyValue(this.table, column.field) : value;
    }
    state.id = typeof decoded.id === 'string' ? decoded.id : '';
    const stored = hashes.kind === 'fields' ? hashes.byCode : null;
    const legacyUntouched = hashes.kind === 'row' && legacyRowHash(this.spec, decoded) === hashes.hash;
    for (const column of this.spec.columns) {
      if (column.hidden || !this.has(column.field)) continue;
      const field = column.field;
      const previous = stored?.get(fieldCode(field));
      // Written by the script and untouched: valid by construction, no need to validate again.
      const untouched = stored ? previous === valueHash(decoded[field]) || (previous === undefined && valueHash(decoded[field]) === valueHash(emptyValue(this.table, field))) : legacyUntouched;
      if (untouched) {
        state.values[field] = decoded[field];
        continue;
      }
      const read = readField(this.table, column, cell(field), this.clock);
      if (read.ok) state.values[field] = read.value;
      else state.unreadable.set(field, read.message);
      if (isEditable(column)) state.edited.add(field);
    }
    for (const [field, message] of state.unreadable) {
      if (field === 'id' || !state.edited.has(field)) continue;
      const column = this.spec.columns.find((c) => c.field === field)!;
      this.problems.push({ tab: this.spec.tab, row: index + 2, column: column.header, errors: [`"${String(cell(field))}" is not a valid ${column.header.toLowerCase()} (${message}); the rest of the row was synced and this cell is left as it is`] });
    }
    return state;
  }

  /** Queues RAW values for a row's fields; fields without a usable column are skipped. */
  setCells(index: number, cells: Map<string, RawCell>): void {
    let row = this.writes.get(index);
    for (const [field, value] of cells) {
      const column = this.columns.get(field) ?? -1;
      if (column < 0) continue;
      if (!row) this.writes.set(index, (row = new Map()));
      row.set(column, value);
    }
  }

  /** Queues a RAW value for a column that is not a record field (a readable name the script keeps). */
  setCellAt(index: number, column: number, value: RawCell): void {
    let row = this.writes.get(index);
    if (!row) this.writes.set(index, (row = new Map()));
    row.set(column, value);
  }

  /** Writes the given fields of a record plus the row's bookkeeping (revision, field hashes, field times). */
  writeRecord(row: RowState, record: AnyRecord, fields: Iterable<string>): void {
    const values = record as unknown as Record<string, unknown>;
    const cells = rawCellsOf(this.spec, record, fields);
    // The hash covers what the sheet holds: a field it cannot read keeps its broken cell's hash.
    const hashed: Record<string, unknown> = { ...values };
    for (const column of hashedColumns(this.spec)) if (row.unreadable.has(column.field) && !cells.has(column.field)) hashed[column.field] = undefined;
    for (const [field, value] of bookkeepingCells(this.spec, hashed, row.rev ?? 0, row.times)) cells.set(field, value);
    this.setCells(row.index, cells);
    row.values = { ...values };
    for (const field of cells.keys()) row.unreadable.delete(field);
    row.edited.clear();
    row.staleBookkeeping = false;
    row.wasDeleted = values.deleted === true;
  }

  /** A new row after every other; its cells are written by `writeRecord`. */
  appendRow(id: string): RowState {
    const row: RowState = {
      index: this.readRowCount + this.appended++, id, values: {}, unreadable: new Map(), edited: new Set(), rev: null, times: new Map(),
      hashes: { kind: 'none' }, staleBookkeeping: false, wasDeleted: false,
    };
    this.rows.push(row);
    return row;
  }

  /** The record a row holds, as far as the sheet can tell: fields it cannot read are named. */
  recordOf(row: RowState): { record: AnyRecord; unknownFields: string[] } {
    const unknownFields = [...this.unavailable.filter((f) => !isBase(f)), ...[...row.unreadable.keys()].filter((f) => !isBase(f))];
    const values: Record<string, unknown> = { ...row.values, id: row.id };
    for (const field of unknownFields) delete values[field];
    const parsed = recordSchemas[this.table].safeParse(values);
    if (!parsed.success) throw new Error(`${this.spec.tab} row ${row.index + 2} cannot be handed out: ${parsed.error.issues[0]?.message}`);
    // What the sheet cannot read is left out, not sent as the field's empty default.
    const record = parsed.data as Record<string, unknown>;
    for (const field of unknownFields) delete record[field];
    return { record: record as AnyRecord, unknownFields: [...new Set(unknownFields)] };
  }
}
