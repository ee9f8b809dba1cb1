import { TabModel } from '../../apps-script/src/model/tab-model';
import { rangeOnTab } from '../../shared/a1-notation';
import { zoneWallClock } from '../../shared/calendar';
import { contentFields } from '../../shared/merge';
import type { AnyRecord, TableName } from '../../shared/records';
import { tabSpecs } from '../../shared/sheet-columns';
import type { localSheet } from './local-sheet-harness';

/**
 * Writes records into a tab exactly as the sync would have written them (same cells, field hashes
 * and revisions), in a few big writes instead of one sync per batch: large sheets for load tests
 * and benchmarks. Returns the last revision used.
 */
export function seedTab(sheet: ReturnType<typeof localSheet>, table: TableName, records: AnyRecord[], firstRev: number): number {
  const model = new TabModel(table, { header: [], rowCount: 0, ids: [], revs: [], rows: new Map() }, zoneWallClock('Etc/UTC'));
  let rev = firstRev;
  for (const record of records) {
    const row = model.appendRow(record.id);
    row.rev = ++rev;
    model.writeRecord(row, record, ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted', ...contentFields(table)]);
  }
  const width = model.header.length;
  const values = [model.header.map(String), ...records.map((_, r) => Array.from({ length: width }, (_, c) => model.writes.get(r)?.get(c) ?? ''))];
  sheet.google.asPerson(() => {
    const spreadsheet = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet();
    const tab = spreadsheet.getSheetByName(tabSpecs[table].tab) ?? spreadsheet.insertSheet(tabSpecs[table].tab);
    if (tab.getMaxColumns() < width) tab.insertColumnsAfter(tab.getMaxColumns(), width - tab.getMaxColumns());
    if (tab.getMaxColumns() > width) tab.deleteColumns(width + 1, tab.getMaxColumns() - width);
    if (tab.getMaxRows() < values.length) tab.insertRowsAfter(tab.getMaxRows(), values.length - tab.getMaxRows());
    for (let start = 0; start < values.length; start += 20_000) {
      const part = values.slice(start, start + 20_000);
      sheet.google.globals.Sheets!.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: rangeOnTab(tabSpecs[table].tab, start + 1, 1, part.length, width), values: part }] }, spreadsheet.getId());
    }
  });
  return rev;
}
