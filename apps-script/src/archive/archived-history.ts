import { isRecordId } from '../../../shared/ids';
import type { AnyRecord } from '../../../shared/records';
import { TabModel } from '../model/tab-model';
import { readArchivedTabs } from '../sheets/archives';
import { readScriptState } from '../sheets/script-state';
import { spreadsheetClock } from '../sheets/zone';
import { ARCHIVED_TABLES, type ArchivedTable } from './plan-archive';

/** A contact's history that moved to the yearly archives: their interactions, deals and follow-ups there. */
export function archivedHistory(contactId: string): Record<ArchivedTable, AnyRecord[]> {
  const id = contactId.trim().toLowerCase();
  const history = { interactions: [], deals: [], followUps: [] } as Record<ArchivedTable, AnyRecord[]>;
  if (!isRecordId(id)) return history;
  const { archives } = readScriptState();
  const { clock } = spreadsheetClock(SpreadsheetApp.getActiveSpreadsheet());
  for (const table of ARCHIVED_TABLES) {
    for (const read of readArchivedTabs(table, archives)) {
      const model = new TabModel(table, read, clock);
      for (const row of model.rows) if (row.values.contactId === id && row.id !== '') history[table].push(model.recordOf(row).record);
    }
  }
  return history;
}
