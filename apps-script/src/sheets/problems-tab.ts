import { hashText } from '../../../shared/cell-codec';
import type { SheetProblem } from '../../../shared/protocol';
import { ensureSize } from './record-tabs';
import { scriptProperties } from './script-state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * What the last sync could not read, where people see it: a "Sync problems" tab listing each
 * cell (tab, row, column, what is wrong). Rewritten only when the list changes, so a sync that
 * finds the same problems again costs nothing here; emptied when everything reads again.
 */
export const PROBLEMS_TAB = 'Sync problems';
const PROBLEMS_PROPERTY = 'rapport.problems';
const HEADER = ['Tab', 'Row', 'Column', 'Problem'];

export function showSheetProblems(spreadsheet: Spreadsheet, problems: SheetProblem[], properties = scriptProperties()): void {
  const lines = problems.map((p) => [p.tab, p.row, p.column ?? '', p.errors.join('; ')]);
  const fingerprint = hashText(JSON.stringify(lines));
  if ((properties.getProperty(PROBLEMS_PROPERTY) ?? hashText('[]')) === fingerprint) return;
  let sheet = spreadsheet.getSheetByName(PROBLEMS_TAB);
  if (!sheet) {
    if (lines.length === 0) {
      properties.setProperty(PROBLEMS_PROPERTY, fingerprint);
      return;
    }
    sheet = spreadsheet.insertSheet(PROBLEMS_TAB);
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
  properties.setProperty(PROBLEMS_PROPERTY, fingerprint);
}
