import { rangeOnTab, runsOf } from '../../../shared/a1-notation';
import { literalText, type RawCell } from '../../../shared/cell-codec';
import { tableNames, type TableName } from '../../../shared/records';
import { tabSpecs, type ColumnSpec, type TabSpec } from '../../../shared/sheet-columns';
import type { TabModel, TabRead } from '../model/tab-model';
import { creationHeaders, displayColumns, displayLook } from '../setup/tab-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One record tab: the sheet and what one getValues read from it. */
export interface RecordTab {
  sheet: Sheet;
  read: TabRead;
}

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

/** Reads every record tab with one getValues each, creating tabs that are missing. */
export function openRecordTabs(spreadsheet: Spreadsheet): Record<TableName, RecordTab> {
  const tabs = {} as Record<TableName, RecordTab>;
  for (const table of tableNames) {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab) ?? createRecordTab(spreadsheet, tabSpecs[table]);
    const [header = [], ...rows] = sheet.getDataRange().getValues();
    tabs[table] = { sheet, read: { header, rows } };
  }
  return tabs;
}

function createRecordTab(spreadsheet: Spreadsheet, spec: TabSpec): Sheet {
  const sheet = spreadsheet.insertSheet(spec.tab);
  const headers = creationHeaders(spec.table);
  ensureSize(sheet, 1, headers.length);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers.map(literalText)]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  formatColumns(sheet, spec.columns.map((column) => ({ index: headers.indexOf(column.header), column })));
  const rows = sheet.getMaxRows();
  for (const display of displayColumns[spec.table]) sheet.getRange(1, headers.indexOf(display.header) + 1, rows, 1).setNumberFormat(displayLook(display).numberFormat!);
  return sheet;
}

/** Formats whole columns for their kind and hides the bookkeeping ones (a few calls per column). */
export function formatColumns(sheet: Sheet, columns: { index: number; column: ColumnSpec }[]): void {
  const rows = sheet.getMaxRows();
  for (const { index, column } of columns) {
    const format = numberFormatFor(column);
    if (format) sheet.getRange(1, index + 1, rows, 1).setNumberFormat(format);
    if (column.hidden) sheet.hideColumns(index + 1);
  }
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
export function blocksOf(tab: RecordTab, model: TabModel, appendAfter: number): CellBlock[] {
  const name = model.spec.tab;
  const blocks: CellBlock[] = [];
  if (model.addedColumns.length > 0) {
    for (const { index, column } of model.addedColumns) blocks.push({ tab: name, sheet: tab.sheet, row: 1, column: index + 1, values: [[column.header]] });
  }
  const rowOf = (index: number) => (index < model.readRowCount ? index + 2 : appendAfter + (index - model.readRowCount) + 1);
  const indexAt = new Map([...model.writes.keys()].map((index) => [rowOf(index), index]));
  for (const { first, count } of runsOf([...indexAt.keys()].sort((a, b) => a - b))) {
    const run = Array.from({ length: count }, (_, i) => model.writes.get(indexAt.get(first + i)!)!);
    // A loop, not Math.min(...): thousands of appended rows hold more cells than a call takes arguments.
    let [left, right] = [Infinity, -Infinity];
    for (const cells of run) for (const column of cells.keys()) [left, right] = [Math.min(left, column), Math.max(right, column)];
    const values = run.map((cells) => Array.from({ length: right - left + 1 }, (_, i) => cells.get(left + i) ?? null));
    blocks.push({ tab: name, sheet: tab.sheet, row: first, column: left + 1, values });
  }
  return blocks;
}

/**
 * Checks, just before writing, that the rows the plan writes still hold the ids they held when
 * read (people may sort, insert or delete rows while the script runs), and returns the row after
 * which appended rows go. Two calls per tab.
 */
export function checkRowsInPlace(tab: RecordTab, model: TabModel): number {
  const lastRow = tab.sheet.getLastRow();
  const touched = [...model.writes.keys()].filter((index) => index < model.readRowCount);
  const idColumn = model.columns.get('id') ?? -1;
  if (touched.length > 0 && idColumn >= 0) {
    const height = Math.max(1, Math.min(lastRow, model.readRowCount + 1) - 1);
    const ids = tab.sheet.getRange(2, idColumn + 1, height, 1).getValues();
    for (const index of touched) {
      const now = String(ids[index]?.[0] ?? '').trim().toLowerCase();
      if (now !== model.idsAsRead[index]) throw new RowsMovedError(`${model.spec.tab} row ${index + 2} changed place while Rapport was syncing`);
    }
  }
  return Math.max(lastRow, model.readRowCount + 1);
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
