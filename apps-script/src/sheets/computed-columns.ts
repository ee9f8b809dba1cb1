import { computedContactFields } from '../../../shared/records';
import { tabSpecs } from '../../../shared/sheet-columns';
import { mapColumns } from '../../../shared/sheet-rows';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COMPUTED_PROTECTION = 'Rapport: computed scores';
export const COMPUTED_NOTE = 'Computed by Rapport — edits are overwritten. Change the Settings tab and use Rapport → Recalculate scores instead.';
const COMPUTED_BACKGROUND = '#e8eaf6';

/**
 * Marks the Contacts tab's computed columns as Rapport's: a note and a colour on their headers and
 * a warning-only protection (whoever edits them is asked to confirm). Done once; again only when
 * the columns moved. Costs a handful of calls whatever the number of rows.
 */
export function markComputedColumns(sheet: Sheet, header: readonly unknown[]): boolean {
  const columns = mapColumns([...header], tabSpecs.contacts);
  const wanted = runs(computedContactFields.map((field) => columns.get(field)! + 1).filter((column) => column > 0).sort((a, b) => a - b));
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
    sheet.getRange(`${letters(first)}:${letters(first + count - 1)}`).protect().setDescription(COMPUTED_PROTECTION).setWarningOnly(true);
  }
  return true;
}

function runs(sorted: number[]): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  for (const column of sorted) {
    const last = out[out.length - 1];
    if (last && column === last.first + last.count) last.count++;
    else out.push({ first: column, count: 1 });
  }
  return out;
}

function letters(column: number): string {
  let text = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}
