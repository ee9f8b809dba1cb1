import { runsOf } from '../../../shared/a1-notation';
import type { TableName } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Some columns of a record tab, for runs that only read (reminders, the dashboard): the header
 * once, then one getValues per run of adjacent wanted columns — a few calls whatever the rows,
 * and only the cells asked for.
 */
export interface TabColumns {
  table: TableName;
  /** the tab's sheet id, for links to its rows (#gid=…) */
  sheetId: number;
  /** data rows read; row i is the sheet's row i + 2 */
  rowCount: number;
  /** each wanted field's cells, or undefined when the tab has no usable column for it */
  cells: Partial<Record<string, unknown[]>>;
}

/** Runs of wanted columns, a gap of one column read along rather than costing a call. */
function blocksOf(sorted: readonly number[]): { first: number; count: number }[] {
  const blocks: { first: number; count: number }[] = [];
  for (const { first, count } of runsOf(sorted)) {
    const last = blocks[blocks.length - 1];
    if (last && first - (last.first + last.count) <= 1) last.count = first + count - last.first;
    else blocks.push({ first, count });
  }
  return blocks;
}

export function readTabColumns(table: TableName, fields: readonly string[], spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): TabColumns {
  const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab);
  if (!sheet) return { table, sheetId: 0, rowCount: 0, cells: {} };
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return { table, sheetId: sheet.getSheetId(), rowCount: 0, cells: {} };
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  const { columns } = layoutOf(header, tabSpecs[table]);
  const rowCount = lastRow - 1;
  const wanted = new Map<number, string>();
  for (const field of fields) {
    const index = columns.get(field) ?? -1;
    if (index >= 0) wanted.set(index, field);
  }
  const cells: TabColumns['cells'] = {};
  if (rowCount > 0) {
    for (const { first, count } of blocksOf([...wanted.keys()].sort((a, b) => a - b))) {
      const block = sheet.getRange(2, first + 1, rowCount, count).getValues();
      for (let c = 0; c < count; c++) {
        const field = wanted.get(first + c);
        if (field) cells[field] = block.map((row) => row[c]);
      }
    }
  } else {
    for (const field of wanted.values()) cells[field] = [];
  }
  return { table, sheetId: sheet.getSheetId(), rowCount, cells };
}
