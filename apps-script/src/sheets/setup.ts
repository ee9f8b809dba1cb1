import { tableNames } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import { formatColumns, openRecordSheets } from './record-tabs';

/**
 * Set-up and repair of the record tabs: creates missing tabs, adds the columns a tab lacks (a
 * renamed or cleared header, a tab from an older version) at its right edge, formatted for their
 * kind. A header that two columns could be is named, not guessed. Returns what it did, in words.
 */
export function repairRecordTabs(): { contactsHeader: unknown[]; notes: string[] } {
  const sheets = openRecordSheets(SpreadsheetApp.getActiveSpreadsheet());
  const notes: string[] = [];
  let contactsHeader: unknown[] = [];
  for (const table of tableNames) {
    const spec = tabSpecs[table];
    const sheet = sheets[table];
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
    if (table === 'contacts') contactsHeader = header;
    const layout = layoutOf(header, spec);
    const missing = layout.problems.filter((p) => layout.columns.get(p.field) === -1 && !p.message.includes('both look like'));
    for (const problem of layout.problems) if (problem.message.includes('both look like')) notes.push(`${spec.tab}: ${problem.message}.`);
    if (missing.length === 0) continue;
    let last = header.length;
    while (last > 0 && String(header[last - 1] ?? '').trim() === '') last--;
    const added = missing.map((problem, i) => ({ index: last + i, column: spec.columns.find((c) => c.field === problem.field)! }));
    const needed = last + added.length;
    if (needed > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed - sheet.getMaxColumns());
    sheet.getRange(1, last + 1, 1, added.length).setValues([added.map((a) => a.column.header)]);
    formatColumns(sheet, added);
    header.splice(last, header.length - last, ...added.map((a) => a.column.header));
    notes.push(`${spec.tab}: added the column(s) ${added.map((a) => `"${a.column.header}"`).join(', ')}.`);
  }
  return { contactsHeader, notes };
}
