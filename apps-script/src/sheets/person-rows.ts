import { runsOf } from '../../../shared/a1-notation';
import { isRecordId } from '../../../shared/ids';
import { contactLinkedTables, type TableName } from '../../../shared/records';
import { hiddenFields, normaliseHeader, tabSpecs } from '../../../shared/sheet-columns';

/** More runs of a person's rows than this, and one read of the whole tab costs fewer calls. */
const MOST_RUNS = 40;

/**
 * What the sheet holds about one person, as people see it: their row in Contacts and every row of
 * Interactions, Deals and FollowUps that names them, with every column, the team's own included
 * (which the sync never carries). Read for a person's request to see their data: the id column
 * first, then only their rows.
 */
export function personRows(contactId: string): Record<string, Record<string, string>[]> {
  const id = contactId.trim().toLowerCase();
  const tabs: Record<string, Record<string, string>[]> = {};
  if (!isRecordId(id)) return tabs;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const hidden = new Set<string>(hiddenFields);
  for (const table of ['contacts', ...contactLinkedTables] as TableName[]) {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getDisplayValues()[0]!;
    const key = normaliseHeader(table === 'contacts' ? 'id' : 'Contact ID');
    const column = header.findIndex((h) => normaliseHeader(h) === key);
    if (column < 0) continue;
    const count = sheet.getLastRow() - 1;
    const ids = sheet.getRange(2, column + 1, count, 1).getDisplayValues();
    const theirs = ids.flatMap(([cell], i) => (String(cell).trim().toLowerCase() === id ? [i] : []));
    if (theirs.length === 0) continue;
    const runs = runsOf(theirs);
    const rows = runs.length > MOST_RUNS
      ? sheet.getRange(2, 1, count, width).getDisplayValues().filter((_, i) => String(ids[i]![0]).trim().toLowerCase() === id)
      : runs.flatMap(({ first, count: length }) => sheet.getRange(first + 2, 1, length, width).getDisplayValues());
    tabs[tabSpecs[table].tab] = rows.map((row) =>
      Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''] as const).filter(([h]) => h !== '' && !hidden.has(h))));
  }
  return tabs;
}
