import { tableNames, type TableName } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import type { EditedRows } from '../sync/plan-reads';
import { insertTab } from './record-tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Which rows people edited since the last sync, so a sync reads those rows and not the whole tab.
 * The simple `onEdit` trigger (it fires for every edit a person makes in the spreadsheet, without
 * being installed) appends one line per edit to a hidden tab: the tab, the first row, the number
 * of rows and the ids they held. Edits no trigger sees (another script, the API, an undo) are
 * caught by the periodic full read.
 */
export const EDIT_LOG_TAB = 'Rapport edits';
const HEADER = ['Tab', 'First row', 'Rows', 'Ids', 'At'];
/** A paste larger than this is logged as "read the whole tab". */
const MAX_LOGGED_ROWS = 1000;

const tableOfTab = (name: string) => tableNames.find((table) => tabSpecs[table].tab === name);

/** The onEdit trigger's work: a few calls, whatever the size of the tab. */
export function logEdit(event: { range?: GoogleAppsScript.Spreadsheet.Range } | undefined): void {
  const range = event?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const table = tableOfTab(sheet.getName());
  if (!table) return;
  const log = sheet.getParent().getSheetByName(EDIT_LOG_TAB);
  if (!log) return; // no log yet: the next sync reads everything and makes one
  const first = Math.max(2, range.getRow());
  const last = range.getRow() + range.getNumRows() - 1;
  if (last < first) return; // the header row: every sync reads it anyway
  let ids = '';
  if (last - first < MAX_LOGGED_ROWS) {
    const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
    const idColumn = layoutOf(header, tabSpecs[table]).columns.get('id') ?? -1;
    if (idColumn >= 0) ids = sheet.getRange(first, idColumn + 1, last - first + 1, 1).getValues().map((row) => String(row[0] ?? '').trim()).join(' ');
  }
  log.appendRow([sheet.getName(), first, last - first + 1, ids, new Date().toISOString()]);
}

export interface EditLog {
  /** what people edited, by tab; a tab in `whole` must be read whole */
  edited: Partial<Record<TableName, EditedRows>>;
  whole: Set<TableName>;
  /** removes the lines read (lines logged since stay) */
  clear(): void;
}

/** The log as it stands, or null when there is none yet (then everything must be read, and the log is made). */
export function readEditLog(spreadsheet: Spreadsheet): EditLog | null {
  const log = spreadsheet.getSheetByName(EDIT_LOG_TAB);
  if (!log) {
    const made = insertTab(spreadsheet, EDIT_LOG_TAB, HEADER.length);
    made.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
    made.getRange(1, 1, made.getMaxRows(), HEADER.length).setNumberFormat('@');
    made.hideSheet();
    return null;
  }
  const lines = Math.max(0, log.getLastRow() - 1);
  const edited: EditLog['edited'] = {};
  const whole = new Set<TableName>();
  const values = lines > 0 ? log.getRange(2, 1, lines, 4).getValues() : [];
  for (const [tab, firstRow, rows, ids] of values) {
    const table = tableOfTab(String(tab));
    if (!table) continue;
    const count = Number(rows) || 0;
    const idList = String(ids ?? '').split(' ');
    if (count >= MAX_LOGGED_ROWS || idList.length < count) {
      whole.add(table);
      continue;
    }
    const entry = (edited[table] ??= { ids: new Set(), rows: new Set() });
    idList.forEach((id, i) => {
      if (id) entry.ids.add(id.toLowerCase());
      else entry.rows.add(Number(firstRow) - 2 + i);
    });
  }
  return {
    edited,
    whole,
    clear() {
      if (lines === 0) return;
      if (log.getMaxRows() - lines < 2) log.insertRowsAfter(log.getMaxRows(), lines);
      log.deleteRows(2, lines);
    },
  };
}
