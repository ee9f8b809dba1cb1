import type { WallClock } from '../../../shared/calendar';
import type { SheetProblem } from '../../../shared/protocol';
import { tableNames, type TableName } from '../../../shared/records';
import type { TabModel, TabRead } from '../model/tab-model';
import type { IndexUpdate } from '../sync/plan-sync';
import { storedIdIndex, type StoredIdIndex } from './id-index';
import { showSheetProblems } from './problems-tab';
import { blocksOf, checkRowsInPlace, formatColumns, openRecordTabs, writeBlocks, type CellBlock, type RecordTab } from './record-tabs';
import { readRevisionCounter, saveRevisionCounter } from './script-state';
import { spreadsheetClock } from './zone';

/**
 * The record tabs of the active spreadsheet as one unit a run reads once and writes once: the
 * tabs, the spreadsheet's time zone, the revision counter and the id index. `commit` writes what
 * the planners decided — only the cells they changed, in one Sheets API call.
 */
export interface RecordWorkbook {
  clock: WallClock;
  timeZone: string;
  reads: Record<TableName, TabRead>;
  ids: StoredIdIndex;
  /** the last revision handed out */
  rev: number;
  commit(change: { tabs: Partial<Record<TableName, TabModel>>; rev: number; index?: Partial<Record<TableName, IndexUpdate>>; problems?: SheetProblem[] }): void;
}

/** What a run needs to know of the spreadsheet itself: its address and name, and its clock. */
export function spreadsheetFacts(): { url: string; name: string; timeZone: string; clock: WallClock } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { url: spreadsheet.getUrl(), name: spreadsheet.getName(), ...spreadsheetClock(spreadsheet) };
}

export function openRecordWorkbook(): RecordWorkbook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { clock, timeZone } = spreadsheetClock(spreadsheet);
  const tabs = openRecordTabs(spreadsheet);
  const ids = storedIdIndex(spreadsheet);
  const rev = readRevisionCounter();
  const reads = Object.fromEntries(tableNames.map((t) => [t, tabs[t].read])) as Record<TableName, TabRead>;
  return {
    clock,
    timeZone,
    reads,
    ids,
    rev,
    commit({ tabs: models, rev: nextRev, index, problems }) {
      const blocks: CellBlock[] = [];
      const formats: [RecordTab, TabModel][] = [];
      for (const table of tableNames) {
        const model = models[table];
        if (!model || (model.writes.size === 0 && model.addedColumns.length === 0)) continue;
        const appendAfter = checkRowsInPlace(tabs[table], model);
        blocks.push(...blocksOf(tabs[table], model, appendAfter));
        if (model.addedColumns.length > 0) formats.push([tabs[table], model]);
      }
      if (index) blocks.push(...ids.blocks(index));
      writeBlocks(spreadsheet, blocks);
      for (const [tab, model] of formats) formatColumns(tab.sheet, model.addedColumns);
      if (index) ids.save(index);
      saveRevisionCounter(nextRev, rev);
      if (problems) showSheetProblems(spreadsheet, problems);
    },
  };
}
