import { columnLetters, rangeOnTab, runsOf } from '../../../shared/a1-notation';
import { serialOfWall } from '../../../shared/calendar';
import { literalText, type RawCell } from '../../../shared/cell-codec';
import { tableNames, type TableName } from '../../../shared/records';
import { layoutOf, REV_FIELD, tabSpecs, type ColumnSpec, type TabSpec } from '../../../shared/sheet-columns';
import type { TabModel, TabRead } from '../model/tab-model';
import type { TabIndex } from '../sync/plan-reads';
import { spreadsheetClock } from './zone';
import { creationHeaders, displayColumns, displayLook } from '../setup/tab-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A block of cells to write; null leaves a cell as it is (the Sheets API skips nulls). */
export interface CellBlock {
  tab: string;
  sheet: Sheet;
  row: number;
  column: number;
  values: (RawCell | null)[][];
}

/** People moved, inserted or deleted rows between the script's read and its write: nothing was written. */
export class RowsMovedError extends Error {}

/**
 * How each kind of column is formatted when Rapport makes it: text stays text when people type
 * into it (a phone number is not a number, "Jan 5" is not a date), calendar days show as dates.
 */
export function numberFormatFor(column: ColumnSpec): string | null {
  if (column.meta.kind === 'date') return 'yyyy-mm-dd';
  if (column.meta.kind === 'number' || column.meta.kind === 'boolean') return null;
  return '@';
}

/** The record tabs, each created (with its headers and formats) when it is missing. */
export function openRecordSheets(spreadsheet: Spreadsheet): Record<TableName, Sheet> {
  const sheets = {} as Record<TableName, Sheet>;
  for (const table of tableNames) sheets[table] = spreadsheet.getSheetByName(tabSpecs[table].tab) ?? createRecordTab(spreadsheet, tabSpecs[table]);
  return sheets;
}

/** A tab's header and the columns that place its records (id, revision), for every row. */
export interface TabIndexRead extends TabIndex {
  header: unknown[];
}

/**
 * Reads each tab's header row and its id and revision columns: each tab's size, then one Sheets
 * API request for the headers and one for the columns. Cells come as the API gives them
 * unformatted: numbers, booleans, text, and date cells as serial numbers (the same for a full read
 * and a partial one, so a row reads the same whichever way it was read).
 */
export function readTabIndexes(spreadsheet: Spreadsheet, sheets: Record<TableName, Sheet>): Record<TableName, TabIndexRead> {
  const indexes = {} as Record<TableName, TabIndexRead>;
  const columns: { table: TableName; field: 'ids' | 'revs'; range: string }[] = [];
  const sizes = tableNames.map((table) => ({ table, rowCount: Math.max(0, sheets[table].getLastRow() - 1), width: Math.max(1, sheets[table].getLastColumn()) }));
  const headers = readRanges(spreadsheet, sizes.map(({ table, width }) => rangeOnTab(tabSpecs[table].tab, 1, 1, 1, width)));
  for (const [i, { table, rowCount, width }] of sizes.entries()) {
    const read = headers[i]![0] ?? [];
    // The API leaves out empty cells at the end; the header is as wide as the tab's used columns.
    const header = Array.from({ length: width }, (_, c) => read[c] ?? '');
    indexes[table] = { header, rowCount, ids: [], revs: [] };
    const { columns: layout } = layoutOf(header, tabSpecs[table]);
    for (const [field, name] of [['id', 'ids'], [REV_FIELD, 'revs']] as const) {
      const column = layout.get(field) ?? -1;
      if (column >= 0 && rowCount > 0) columns.push({ table, field: name, range: rangeOnTab(tabSpecs[table].tab, 2, column + 1, rowCount, 1) });
    }
  }
  const values = readRanges(spreadsheet, columns.map((c) => c.range));
  columns.forEach((column, i) => {
    const cells = values[i]!;
    indexes[column.table][column.field] = Array.from({ length: indexes[column.table].rowCount }, (_, row) => cells[row]?.[0] ?? '');
  });
  for (const table of tableNames) {
    const index = indexes[table];
    if (index.ids.length === 0) index.ids = new Array(index.rowCount).fill('');
    if (index.revs.length === 0) index.revs = new Array(index.rowCount).fill('');
  }
  return indexes;
}

/** Reads the planned rows of each tab whole (every row where the plan says all): one Sheets API request. */
export function readTabRows(spreadsheet: Spreadsheet, indexes: Record<TableName, TabIndexRead>, plan: Record<TableName, 'all' | number[]>): Record<TableName, TabRead> {
  const requests: { table: TableName; first: number; count: number; range: string }[] = [];
  for (const table of tableNames) {
    const index = indexes[table];
    const width = Math.max(1, index.header.length);
    const wanted = plan[table] === 'all' ? Array.from({ length: index.rowCount }, (_, i) => i) : plan[table];
    for (const { first, count } of runsOf(wanted)) requests.push({ table, first, count, range: rangeOnTab(tabSpecs[table].tab, first + 2, 1, count, width) });
  }
  const values = readRanges(spreadsheet, requests.map((r) => r.range));
  const reads = {} as Record<TableName, TabRead>;
  const idColumns = {} as Record<TableName, number>;
  for (const table of tableNames) {
    reads[table] = { ...indexes[table], rows: new Map() };
    idColumns[table] = layoutOf(indexes[table].header, tabSpecs[table]).columns.get('id') ?? -1;
  }
  requests.forEach((request, i) => {
    const width = Math.max(1, indexes[request.table].header.length);
    const idColumn = idColumns[request.table];
    for (let r = 0; r < request.count; r++) {
      const row = values[i]![r] ?? [];
      const index = request.first + r;
      // The rows must hold the ids the index read a moment before: people may have sorted the tab in between.
      if (idColumn >= 0 && String(row[idColumn] ?? '') !== String(indexes[request.table].ids[index] ?? '')) {
        throw new RowsMovedError(`${tabSpecs[request.table].tab} row ${index + 2} changed place while Rapport was reading`);
      }
      reads[request.table].rows.set(index, Array.from({ length: width }, (_, c) => row[c] ?? ''));
    }
  });
  return reads;
}

/**
 * Several ranges in one Sheets API request, unformatted (dates as serial numbers). Without the
 * advanced service: one getValues per range, dates turned into serial numbers the same way.
 */
function readRanges(spreadsheet: Spreadsheet, ranges: string[]): unknown[][][] {
  if (ranges.length === 0) return [];
  if (typeof Sheets !== 'undefined' && Sheets?.Spreadsheets?.Values) {
    const answer = Sheets.Spreadsheets.Values.batchGet(spreadsheet.getId(), { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });
    return (answer.valueRanges ?? []).map((range) => (range.values ?? []) as unknown[][]);
  }
  const { clock } = spreadsheetClock(spreadsheet);
  return ranges.map((range) => spreadsheet.getRange(range).getValues().map((row) => row.map((cell) => (cell instanceof Date ? serialOfWall(clock(cell)) : cell))));
}

/** A new tab exactly `columns` wide: a spreadsheet holds at most 10 million cells, so no empty columns. */
export function insertTab(spreadsheet: Spreadsheet, name: string, columns: number): Sheet {
  const sheet = spreadsheet.insertSheet(name);
  ensureSize(sheet, 1, columns);
  if (sheet.getMaxColumns() > columns) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
  return sheet;
}

function createRecordTab(spreadsheet: Spreadsheet, spec: TabSpec): Sheet {
  const headers = creationHeaders(spec.table);
  const sheet = insertTab(spreadsheet, spec.tab, headers.length);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map(literalText)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  formatColumns(sheet, spec.columns.map((column) => ({ index: headers.indexOf(column.header), column })));
  const rows = sheet.getMaxRows();
  for (const display of displayColumns[spec.table]) sheet.getRange(1, headers.indexOf(display.header) + 1, rows, 1).setNumberFormat(displayLook(display).numberFormat!);
  return sheet;
}

/** Formats whole columns for their kind and hides the bookkeeping ones: a few calls, however many columns. */
export function formatColumns(sheet: Sheet, columns: { index: number; column: ColumnSpec }[]): void {
  const byFormat = new Map<string, string[]>();
  for (const { index, column } of columns) {
    const format = numberFormatFor(column);
    if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), `${columnLetters(index + 1)}:${columnLetters(index + 1)}`]);
  }
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
  const hidden = columns.filter((c) => c.column.hidden).map((c) => c.index + 1).sort((a, b) => a - b);
  for (const { first, count } of runsOf(hidden)) sheet.hideColumns(first, count);
}

/** Grows the sheet so that it has at least this many rows and columns (Google refuses ranges outside it). */
export function ensureSize(sheet: Sheet, rows: number, columns: number) {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * The blocks a tab's planned writes need: one per run of adjacent rows, as wide as the cells
 * written in it, with null for every cell not written — so a person's edit of any other cell,
 * made while the script ran, is never overwritten. Rows appended follow the sheet's last row
 * as it is now.
 */
export function blocksOf(sheet: Sheet, model: TabModel, appendAfter: number): CellBlock[] {
  const name = model.spec.tab;
  const blocks: CellBlock[] = [];
  if (model.addedColumns.length > 0) {
    for (const { index, column } of model.addedColumns) blocks.push({ tab: name, sheet, row: 1, column: index + 1, values: [[column.header]] });
  }
  const rowOf = (index: number) => (index < model.readRowCount ? index + 2 : appendAfter + (index - model.readRowCount) + 1);
  const indexAt = new Map([...model.writes.keys()].map((index) => [rowOf(index), index]));
  for (const { first, count } of runsOf([...indexAt.keys()].sort((a, b) => a - b))) {
    const run = Array.from({ length: count }, (_, i) => model.writes.get(indexAt.get(first + i)!)!);
    // A loop, not Math.min(...): thousands of appended rows hold more cells than a call takes arguments.
    let [left, right] = [Infinity, -Infinity];
    for (const cells of run) for (const column of cells.keys()) [left, right] = [Math.min(left, column), Math.max(right, column)];
    const values = run.map((cells) => Array.from({ length: right - left + 1 }, (_, i) => cells.get(left + i) ?? null));
    blocks.push({ tab: name, sheet, row: first, column: left + 1, values });
  }
  return blocks;
}

/**
 * Checks, just before writing, that the rows the plans write still hold the ids they held when
 * read (people may sort, insert or delete rows while the script runs), and returns, per tab, the
 * row after which appended rows go. One call per tab plus one request for the id cells of the rows
 * written — not the whole id column again.
 */
export function checkRowsInPlace(spreadsheet: Spreadsheet, sheets: Record<TableName, Sheet>, models: Partial<Record<TableName, TabModel>>): Partial<Record<TableName, number>> {
  const appendAfter: Partial<Record<TableName, number>> = {};
  const checks: { model: TabModel; first: number; count: number; range: string }[] = [];
  for (const table of tableNames) {
    const model = models[table];
    if (!model || (model.writes.size === 0 && model.addedColumns.length === 0)) continue;
    const lastRow = sheets[table].getLastRow();
    appendAfter[table] = Math.max(lastRow, model.readRowCount + 1);
    const idColumn = model.columns.get('id') ?? -1;
    const touched = [...model.writes.keys()].filter((index) => index < model.readRowCount).sort((a, b) => a - b);
    if (idColumn < 0) continue;
    for (const { first, count } of runsOf(touched)) {
      // A row to write that lies beyond the tab's end now: people deleted rows meanwhile.
      if (first + count + 1 > lastRow) throw new RowsMovedError(`${model.spec.tab} row ${first + count + 1} was deleted while Rapport was syncing`);
      checks.push({ model, first, count, range: rangeOnTab(model.spec.tab, first + 2, idColumn + 1, count, 1) });
    }
  }
  const values = readRanges(spreadsheet, checks.map((c) => c.range));
  checks.forEach((check, i) => {
    for (let r = 0; r < check.count; r++) {
      const index = check.first + r;
      const now = String(values[i]![r]?.[0] ?? '').trim().toLowerCase();
      if (now !== check.model.idsAsRead[index]) throw new RowsMovedError(`${check.model.spec.tab} row ${index + 2} changed place while Rapport was syncing`);
    }
  });
  return appendAfter;
}

/**
 * Writes every block with one call to the Sheets API (values.batchUpdate, RAW: text is stored as
 * text), after growing the tabs that need it. Without the Sheets advanced service, each block's
 * runs of written cells go through Range.setValues, guarded as typed text.
 */
export function writeBlocks(spreadsheet: Spreadsheet, blocks: CellBlock[]): void {
  if (blocks.length === 0) return;
  const needed = new Map<Sheet, { rows: number; columns: number }>();
  for (const block of blocks) {
    const size = needed.get(block.sheet) ?? { rows: 0, columns: 0 };
    size.rows = Math.max(size.rows, block.row + block.values.length - 1);
    size.columns = Math.max(size.columns, block.column + (block.values[0]?.length ?? 1) - 1);
    needed.set(block.sheet, size);
  }
  for (const [sheet, size] of needed) ensureSize(sheet, size.rows, size.columns);
  if (typeof Sheets !== 'undefined' && Sheets?.Spreadsheets?.Values) {
    const data = blocks.map((block) => ({ range: rangeOnTab(block.tab, block.row, block.column, block.values.length, block.values[0]!.length), values: block.values }));
    Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data } as GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest, spreadsheet.getId());
    return;
  }
  for (const block of blocks) {
    block.values.forEach((row, r) => {
      let start = -1;
      for (let c = 0; c <= row.length; c++) {
        const value = c < row.length ? row[c] : null;
        if (value !== null && start < 0) start = c;
        if ((value === null || c === row.length) && start >= 0) {
          const segment = row.slice(start, c).map((cell) => (typeof cell === 'string' ? literalText(cell) : cell!));
          block.sheet.getRange(block.row + r, block.column + start, 1, segment.length).setValues([segment]);
          start = -1;
        }
      }
    });
  }
}
