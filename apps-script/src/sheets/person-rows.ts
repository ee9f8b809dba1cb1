import { contactLinkedTables, type TableName } from '../../../shared/records';
import { hiddenFields, normaliseHeader, tabSpecs } from '../../../shared/sheet-columns';

/**
 * What the sheet holds about one person, as people see it: their row in Contacts and every row of
 * Interactions, Deals and FollowUps that names them, with every column, the team's own included
 * (which the sync never carries). Read for a person's request to see their data.
 */
export function personRows(contactId: string): Record<string, Record<string, string>[]> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const hidden = new Set<string>(hiddenFields);
  const tabs: Record<string, Record<string, string>[]> = {};
  for (const table of ['contacts', ...contactLinkedTables] as TableName[]) {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab);
    if (!sheet || sheet.getLastRow() < 2) continue;
    const [header = [], ...rows] = sheet.getDataRange().getDisplayValues();
    const key = normaliseHeader(table === 'contacts' ? 'id' : 'Contact id');
    const column = header.findIndex((h) => normaliseHeader(h) === key);
    if (column < 0) continue;
    tabs[tabSpecs[table].tab] = rows
      .filter((row) => row[column] === contactId)
      .map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''] as const).filter(([h]) => h !== '' && !hidden.has(h))));
  }
  return tabs;
}
