import { literalText } from '../../../shared/cell-codec';
import { ensureSize } from './record-tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The Reminders log tab: every digest sent (or not, and why), every Done or Snooze clicked in
 * one, and every reminder run that failed. People read it to see that reminders arrive; the
 * script reads it back to know which links were used and which items are dismissed until when.
 */
export const REMINDERS_LOG_TAB = 'Reminders log';
const HEADER = ['When', 'Owner', 'What', 'Item', 'Status', 'Link', 'Key', 'Until'] as const;

export type LogWhat = 'digest' | 'done' | 'snooze' | 'run';

export interface LogEntry {
  /** ms since the epoch */
  when: number;
  owner: string;
  what: LogWhat;
  item: string;
  status: string;
  /** the nonce of the link used */
  link: string;
  /** the item key a click dismissed */
  key: string;
  /** the day the dismissed item shows again */
  until: string;
}

/** Makes the tab if it is missing; returns whether it did. */
export function ensureRemindersLogTab(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): boolean {
  if (spreadsheet.getSheetByName(REMINDERS_LOG_TAB)) return false;
  const sheet = spreadsheet.insertSheet(REMINDERS_LOG_TAB);
  ensureSize(sheet, 2, HEADER.length);
  const rows = sheet.getMaxRows();
  sheet.getRange(1, 2, rows, HEADER.length - 1).setNumberFormat('@');
  sheet.getRange(2, 1, rows - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  sheet.getRange(1, 1, 1, HEADER.length).setValues([[...HEADER]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return true;
}

export function readRemindersLog(spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): LogEntry[] {
  const sheet = spreadsheet.getSheetByName(REMINDERS_LOG_TAB);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, HEADER.length).getValues();
  return rows
    .map(([when, owner, what, item, status, link, key, until]) => ({
      when: when instanceof Date ? when.getTime() : Date.parse(String(when ?? '')),
      owner: String(owner ?? '').trim().toLowerCase(),
      what: String(what ?? '').trim() as LogWhat,
      item: String(item ?? ''),
      status: String(status ?? ''),
      link: String(link ?? '').trim(),
      key: String(key ?? '').trim(),
      until: until instanceof Date ? '' : String(until ?? '').trim(),
    }))
    .filter((entry) => Number.isFinite(entry.when));
}

export function appendRemindersLog(entries: readonly LogEntry[], spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): void {
  if (entries.length === 0) return;
  ensureRemindersLogTab(spreadsheet);
  const sheet = spreadsheet.getSheetByName(REMINDERS_LOG_TAB)!;
  const first = sheet.getLastRow() + 1;
  ensureSize(sheet, first + entries.length - 1, HEADER.length);
  sheet.getRange(first, 1, entries.length, HEADER.length).setValues(
    entries.map((e) => [new Date(e.when), e.owner, e.what, literalText(e.item), literalText(e.status), e.link, e.key, e.until]),
  );
}
