import { serialOfWall } from '../../../shared/calendar';
import { personalFields } from '../../../shared/merge';
import { contactLinkedTables, type TableName } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import { fullRead, type TabRead } from '../model/tab-model';
import { ensureSize, formatColumns, insertTab, writeBlocks, type CellBlock } from './record-tabs';
import { spreadsheetClock } from './zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The yearly archive spreadsheets: history older than the team keeps in its sheet, one
 * spreadsheet per year, made by the script in the owner's Drive with the same tabs and headers.
 */

/** The archive of a year, made when there is none yet (its id is kept in `archives`). */
export function archiveOf(year: number, archives: Record<string, string>): Spreadsheet {
  const id = archives[String(year)];
  if (id) return SpreadsheetApp.openById(id);
  const active = SpreadsheetApp.getActiveSpreadsheet();
  const archive = SpreadsheetApp.create(`${active.getName()} — archive ${year}`);
  archive.setSpreadsheetTimeZone(active.getSpreadsheetTimeZone());
  archives[String(year)] = archive.getId();
  return archive;
}

/** Appends rows (as read from the team's tab, with its header) to the archive's tab of the same name. */
export function appendToArchive(archive: Spreadsheet, table: TableName, header: unknown[], rows: unknown[][]): void {
  const name = tabSpecs[table].tab;
  let sheet = archive.getSheetByName(name);
  if (!sheet) {
    sheet = insertTab(archive, name, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(String)]).setFontWeight('bold');
    sheet.setFrozenRows(1);
    formatColumns(sheet, tabSpecs[table].columns.map((column) => ({ index: header.findIndex((h) => String(h) === column.header), column })).filter((c) => c.index >= 0));
  }
  const width = Math.max(header.length, sheet.getLastColumn());
  const first = sheet.getLastRow() + 1;
  ensureSize(sheet, first + rows.length - 1, width);
  const blocks: CellBlock[] = [{ tab: name, sheet, row: first, column: 1, values: rows.map((row) => Array.from({ length: width }, (_, c) => (row[c] as string | number | boolean | undefined) ?? '')) }];
  writeBlocks(archive, blocks);
}

/** Every archive's tab of this record type, read whole (dates as serial numbers, as a sync reads them). */
export function readArchivedTabs(table: TableName, archives: Record<string, string>): TabRead[] {
  const reads: TabRead[] = [];
  for (const id of Object.values(archives)) {
    let archive: Spreadsheet;
    try {
      archive = SpreadsheetApp.openById(id);
    } catch {
      continue; // an archive someone deleted or took away: the history it held is gone from the scores too
    }
    const sheet = archive.getSheetByName(tabSpecs[table].tab);
    if (!sheet) continue;
    const { clock } = spreadsheetClock(archive);
    const values = sheet.getDataRange().getValues().map((row) => row.map((cell) => (cell instanceof Date ? serialOfWall(clock(cell)) : cell)));
    reads.push(fullRead(values, tabSpecs[table]));
  }
  return reads;
}

/**
 * Clears the personal text of erased contacts' rows in every archive, as the sync does in the
 * team's own tabs (their figures stay): an erasure reaches the history that moved away too.
 * Reads each archive's contact column, then writes only the cells it clears. Returns the rows cleared.
 */
export function eraseFromArchives(contactIds: ReadonlySet<string>, archives: Record<string, string>): number {
  let cleared = 0;
  for (const id of Object.values(archives)) {
    let archive: Spreadsheet;
    try {
      archive = SpreadsheetApp.openById(id);
    } catch {
      continue; // an archive someone deleted or took away holds nothing any more
    }
    for (const table of contactLinkedTables) {
      const sheet = archive.getSheetByName(tabSpecs[table].tab);
      if (!sheet || sheet.getLastRow() < 2) continue;
      const { columns } = layoutOf(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!, tabSpecs[table]);
      // layoutOf marks a column the tab lacks (people may delete archive columns) with -1.
      const contactColumn = columns.get('contactId') ?? -1;
      if (contactColumn < 0) continue;
      const personal = personalFields(table).flatMap((field) => ((columns.get(field) ?? -1) >= 0 ? [columns.get(field)!] : []));
      const named = sheet.getRange(2, contactColumn + 1, sheet.getLastRow() - 1, 1).getValues();
      named.forEach(([cell], i) => {
        if (!contactIds.has(String(cell).trim().toLowerCase())) return;
        for (const column of personal) sheet.getRange(i + 2, column + 1).setValue('');
        cleared++;
      });
    }
  }
  return cleared;
}

/** How many of its 10 million cells the spreadsheet uses (Google counts every cell of every tab's grid). */
export function cellsUsed(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): number {
  return spreadsheet.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

export const archiveUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
