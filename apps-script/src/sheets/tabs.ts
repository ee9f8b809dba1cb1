import { literalText, type Cell } from '../../../shared/cell-codec';
import { tableNames, type TableName } from '../../../shared/records';
import { normaliseHeader, tabSpecs, type TabSpec } from '../../../shared/sheet-columns';
import type { TabSnapshot, TabWrite } from '../sync/apply-sync';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads every record tab with one getValues each, creating tabs that are missing. */
export function readTabs(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): { snapshots: Record<TableName, TabSnapshot>; sheets: Record<TableName, Sheet> } {
  const snapshots = {} as Record<TableName, TabSnapshot>;
  const sheets = {} as Record<TableName, Sheet>;
  for (const table of tableNames) {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab) ?? createTab(spreadsheet, tabSpecs[table]);
    const [header = [], ...rows] = sheet.getDataRange().getValues();
    snapshots[table] = { header, rows };
    sheets[table] = sheet;
  }
  return { snapshots, sheets };
}

function createTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, spec: TabSpec): Sheet {
  const sheet = spreadsheet.insertSheet(spec.tab);
  const headers = spec.columns.map((c) => c.header);
  ensureSize(sheet, 1, headers.length);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  hideBookkeeping(sheet, headers, spec);
  return sheet;
}

function hideBookkeeping(sheet: Sheet, header: unknown[], spec: TabSpec) {
  const hidden = new Set(spec.columns.filter((c) => c.hidden).map((c) => normaliseHeader(c.header)));
  header.forEach((cell, index) => {
    if (hidden.has(normaliseHeader(cell))) sheet.hideColumns(index + 1);
  });
}

/** Grows the sheet so that it has at least this many rows and columns (Google refuses ranges outside it). */
export function ensureSize(sheet: Sheet, rows: number, columns: number) {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Writes changed rows once per contiguous run of rows and block of the script's own columns,
 * so the number of calls does not grow with the number of rows, and cells in columns people
 * added (their formulas included) are never written.
 */
export function writeTab(sheet: Sheet, spec: TabSpec, write: TabWrite, snapshot: TabSnapshot) {
  if (write.header) {
    ensureSize(sheet, 1, write.header.length);
    sheet.getRange(1, 1, 1, write.header.length).setValues([write.header]);
    hideBookkeeping(sheet, write.header, spec);
  }
  if (write.rows.size === 0) return;
  const indexes = [...write.rows.keys()].sort((a, b) => a - b);
  ensureSize(sheet, indexes[indexes.length - 1]! + 2, write.ownedColumns[write.ownedColumns.length - 1]! + 1);
  let rowRuns = runs(indexes);
  // Scattered changes: one block from the first to the last, the rows between written as read.
  if (rowRuns.length > MAX_ROW_RUNS) rowRuns = [range(indexes[0]!, indexes[indexes.length - 1]!)];
  for (const rowRun of rowRuns) {
    for (const columnRun of runs(write.ownedColumns)) {
      const values = rowRun.map((index) => {
        const changed = write.rows.get(index);
        // A row between changes goes back as read: its text must stay text ("007" is not 7).
        return columnRun.map((column) => (changed ? cellAt(changed, column) : asWritten(snapshot.rows[index]?.[column])));
      });
      sheet.getRange(rowRun[0]! + 2, columnRun[0]! + 1, rowRun.length, columnRun.length).setValues(values);
    }
  }
}

const MAX_ROW_RUNS = 3;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const cellAt = (row: Cell[], column: number): Cell => row[column] ?? '';

/** A value read from the sheet, in the form that writes the same value back. */
function asWritten(value: unknown): Cell {
  if (typeof value === 'string') return literalText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : literalText(String(value));
  if (typeof value === 'boolean' || value instanceof Date) return value;
  return '';
}

/** [1,2,3,7,8] → [[1,2,3],[7,8]] */
function runs(sorted: number[]): number[][] {
  const out: number[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[last.length - 1]! + 1) last.push(n);
    else out.push([n]);
  }
  return out;
}
