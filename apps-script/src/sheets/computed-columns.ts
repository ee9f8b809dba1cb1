import { columnLetters, runsOf } from '../../../shared/a1-notation';
import { computedContactFields } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COMPUTED_PROTECTION = 'Rapport: computed scores';
export const COMPUTED_NOTE = 'Computed by Rapport — edits are overwritten. Change the Settings tab and use Rapport → Recalculate scores instead.';
const COMPUTED_BACKGROUND = '#e8eaf6';

/**
 * Marks the Contacts tab's computed columns as Rapport's: a note and a colour on their headers and
 * a warning-only protection (whoever edits them is asked to confirm). Done once; again only when
 * the columns moved. Costs a handful of calls whatever the number of rows.
 */
export function markComputedColumns(header: readonly unknown[], sheet: Sheet | null = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tabSpecs.contacts.tab)): boolean {
  if (!sheet) return false;
  const { columns } = layoutOf(header, tabSpecs.contacts);
  const wanted = runsOf(computedContactFields.map((field) => columns.get(field)! + 1).filter((column) => column > 0).sort((a, b) => a - b));
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === COMPUTED_PROTECTION);
  const marked = existing.map((p) => {
    const range = p.getRange();
    return { first: range.getColumn(), count: range.getNumColumns() };
  });
  const same = marked.length === wanted.length && wanted.every((run, i) => marked[i]!.first === run.first && marked[i]!.count === run.count);
  if (same) return false;
  // The columns moved: take the marks off where they were.
  for (const protection of existing) protection.remove();
  for (const { first, count } of marked) sheet.getRange(1, first, 1, count).setNote('').setBackground(null);
  for (const { first, count } of wanted) {
    sheet.getRange(1, first, 1, count).setNotes([new Array<string>(count).fill(COMPUTED_NOTE)]).setBackground(COMPUTED_BACKGROUND);
    // Whole columns (A1 "M:T"), so rows added later are covered too.
    sheet.getRange(`${columnLetters(first)}:${columnLetters(first + count - 1)}`).protect().setDescription(COMPUTED_PROTECTION).setWarningOnly(true);
  }
  return true;
}
