import { tabSpecs } from '../../../shared/sheet-columns';
import type { TabSnapshot, TabWrite } from '../sync/apply-sync';
import { markComputedColumns } from './computed-columns';
import { writeTab } from './tabs';

/**
 * Writes a scoring run's rows into the Contacts tab (computed columns and row bookkeeping only,
 * one block of rows per column block) and keeps the computed columns marked as Rapport's.
 */
export function writeScores(sheet: GoogleAppsScript.Spreadsheet.Sheet, write: TabWrite, snapshot: TabSnapshot) {
  writeTab(sheet, tabSpecs.contacts, write, snapshot);
  markComputedColumns(sheet, write.header ?? snapshot.header);
}
