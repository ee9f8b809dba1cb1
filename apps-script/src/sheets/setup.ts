import type { WallClock } from '../../../shared/calendar';
import { literalText } from '../../../shared/cell-codec';
import type { TableName } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import { displayColumnIndex, displayColumns, planHeaderRepair } from '../setup/tab-layout';
import { EVERY_ROW } from '../model/tab-model';
import { openRecordSheets, readTabIndexes, readTabRows } from './record-tabs';
import { spreadsheetClock } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The structure of the record tabs, repaired without losing a row: tabs that are missing are
 * made; old headers ("Clv") are renamed in place; a renamed or cleared header is found again by
 * its column's values; columns missing and empty are added beside the others; the readable
 * columns go beside their references; and the system columns move back together to the right
 * edge. Whole columns move, never cells, so every row keeps its values. Returns what it did.
 */
export function repairRecordTabs(): { notes: string[] } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { clock } = spreadsheetClock(spreadsheet);
  const existed = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName()));
  const sheets = openRecordSheets(spreadsheet);
  const reads = readTabRows(spreadsheet, readTabIndexes(spreadsheet, sheets), EVERY_ROW);
  const notes: string[] = [];
  for (const table of Object.keys(sheets) as TableName[]) {
    if (!existed.has(tabSpecs[table].tab)) {
      notes.push(`Created the ${tabSpecs[table].tab} tab.`);
      continue;
    }
    const read = reads[table];
    notes.push(...repairTab(sheets[table], table, read.header, [...read.rows.values()], clock));
  }
  return { notes };
}

const headerOf = (sheet: Sheet) => (sheet.getLastColumn() > 0 ? sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]! : []);

function repairTab(sheet: Sheet, table: TableName, header: unknown[], rows: unknown[][], clock: WallClock): string[] {
  const spec = tabSpecs[table];
  const notes: string[] = [];
  const plan = planHeaderRepair(table, header, rows, clock);
  notes.push(...plan.notes);
  for (const rename of plan.renames) {
    sheet.getRange(1, rename.column + 1).setValue(literalText(rename.to));
    notes.push(
      rename.why === 'old name'
        ? `${spec.tab}: renamed "${rename.from}" to "${rename.to}".`
        : `${spec.tab}: the column headed ${rename.from === '' ? 'nothing' : `"${rename.from}"`} holds ${rename.to.toLowerCase()}; renamed it back to "${rename.to}".`,
    );
  }
  let current = plan.renames.length > 0 ? headerOf(sheet) : header;
  for (const column of plan.add) {
    // Content columns go before the system columns, bookkeeping at the right edge.
    const systemStart = firstSystemColumn(current, table);
    const at = column.hidden || systemStart < 0 ? usedWidth(current) + 1 : systemStart + 1;
    insertColumnAt(sheet, at);
    sheet.getRange(1, at).setValue(literalText(column.header));
    if (!column.hidden) notes.push(`${spec.tab}: added the "${column.header}" column.`);
    current = headerOf(sheet);
  }
  for (const display of displayColumns[table]) {
    if (displayColumnIndex(current, display) >= 0) continue;
    const anchor = layoutOf(current, spec).columns.get(display.after) ?? -1;
    if (anchor < 0) continue;
    insertColumnAt(sheet, anchor + 2);
    sheet.getRange(1, anchor + 2).setValue(literalText(display.header)).setFontWeight('bold');
    notes.push(`${spec.tab}: added "${display.header}" beside "${spec.columns.find((c) => c.field === display.after)!.header}".`);
    current = headerOf(sheet);
  }
  // The system columns side by side at the right edge, in their order.
  const system = spec.columns.filter((c) => c.system);
  const placed = () => {
    const { columns } = layoutOf(current, spec);
    const indexes = system.map((c) => columns.get(c.field) ?? -1).filter((i) => i >= 0);
    const width = usedWidth(current);
    return indexes.every((index, i) => index === width - indexes.length + i);
  };
  if (!placed()) {
    for (const column of system) {
      const index = layoutOf(current, spec).columns.get(column.field) ?? -1;
      if (index < 0) continue;
      sheet.moveColumns(sheet.getRange(1, index + 1), usedWidth(current) + 1);
      current = headerOf(sheet);
    }
    notes.push(`${spec.tab}: moved the system columns (${system.map((c) => c.header).join(', ')}) back together at the right.`);
  }
  return notes;
}

function insertColumnAt(sheet: Sheet, column: number): void {
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
  else sheet.insertColumnBefore(column);
}

/** Columns up to the last non-empty header. */
function usedWidth(header: readonly unknown[]): number {
  let width = header.length;
  while (width > 0 && String(header[width - 1] ?? '').trim() === '') width--;
  return width;
}

function firstSystemColumn(header: readonly unknown[], table: TableName): number {
  const { columns } = layoutOf(header, tabSpecs[table]);
  const indexes = tabSpecs[table].columns.filter((c) => c.system).map((c) => columns.get(c.field) ?? -1).filter((i) => i >= 0);
  return indexes.length === 0 ? -1 : Math.min(...indexes);
}
