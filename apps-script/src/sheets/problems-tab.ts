import { hashText } from '../../../shared/cell-codec';
import type { SheetProblem } from '../../../shared/protocol';
import { ensureSize, insertTab } from './record-tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What the last sync could not read, where people see it: a "Sync problems" tab listing each
 * cell (tab, row, column, what is wrong). Rewritten only when the list changes, so a sync that
 * finds the same problems again costs nothing here; emptied when everything reads again.
 */
export const PROBLEMS_TAB = 'Sync problems';
const HEADER = ['Tab', 'Row', 'Column', 'Problem'];

/** Shows the problems unless they are the ones shown (`shown`: their fingerprint); returns the new fingerprint. */
export function showSheetProblems(spreadsheet: Spreadsheet, problems: SheetProblem[], shown: string): string {
  const lines = problems.map((p) => [p.tab, p.row, p.column ?? '', p.errors.join('; ')]);
  const fingerprint = hashText(JSON.stringify(lines));
  if ((shown || hashText('[]')) === fingerprint) return fingerprint;
  let sheet = spreadsheet.getSheetByName(PROBLEMS_TAB);
  if (!sheet) {
    if (lines.length === 0) return fingerprint;
    sheet = insertTab(spreadsheet, PROBLEMS_TAB, HEADER.length);
    sheet.getRange(1, 1, sheet.getMaxRows(), HEADER.length).setNumberFormat('@');
    sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const previous = sheet.getLastRow();
  if (previous > 1) sheet.getRange(2, 1, previous - 1, HEADER.length).clearContent();
  if (lines.length > 0) {
    ensureSize(sheet, lines.length + 1, HEADER.length);
    sheet.getRange(2, 1, lines.length, HEADER.length).setValues(lines.map(([tab, row, column, text]) => [String(tab), Number(row), String(column), String(text)]));
  }
  return fingerprint;
}
