import type { WallClock } from '../../../shared/calendar';
import type { SheetProblem } from '../../../shared/protocol';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import { tableNames, type TableName } from '../../../shared/records';
import type { TabModel, TabRead } from '../model/tab-model';
import type { EditedRows } from '../sync/plan-reads';
import type { IndexUpdate } from '../sync/plan-sync';
import { eraseFromArchives } from './archives';
import { readEditLog, type EditLog } from './edit-log';
import { storedIdIndex, type StoredIdIndex } from './id-index';
import { showSheetProblems } from './problems-tab';
import { blocksOf, checkRowsInPlace, formatColumns, openRecordSheets, readTabIndexes, readTabRows, RowsMovedError, writeBlocks, type CellBlock, type TabIndexRead } from './record-tabs';
import { runsOf } from '../../../shared/a1-notation';
import { isRecordId } from '../../../shared/ids';
import { idSignature } from '../sync/plan-sync';
import { readScriptState } from './script-state';
import { spreadsheetClock } from './zone';

/**
 * The record tabs of the active spreadsheet as a run sees them. Opening reads each tab's header and
 * the columns that place records (id, revision), the log of rows people edited, the revision
 * counter and the spreadsheet's time zone; `read` then reads whole only the rows a planner asks
 * for, in one request; `commit` writes only the cells the planners changed, in one request.
 */
export interface RecordWorkbook {
  clock: WallClock;
  timeZone: string;
  /** each tab's header, row count, ids and revisions */
  index: Record<TableName, TabIndexRead>;
  /** rows people edited since the last sync, per tab */
  edited: Partial<Record<TableName, EditedRows>>;
  /** every row must be read: the periodic safety net is due, or the edit log is new or overflowed */
  full: boolean;
  /** tabs whose ids differ from what the last run left (rows people deleted or added) */
  idsChanged: Set<TableName>;
  ids: StoredIdIndex;
  /** the last revision handed out */
  rev: number;
  /** the edit log is empty and no full read is due: nobody changed anything the sync must look at */
  nothingEdited: boolean;
  read(rows: Record<TableName, 'all' | number[]>): Record<TableName, TabRead>;
  /** the yearly archive spreadsheets (year → id); changes are kept by `removeRows` */
  archives: Record<string, string>;
  /**
   * Removes rows (data-row indexes as read) from their tabs, bottom up, after checking they still
   * hold the ids read, and makes the id index forget them (they moved, nobody deleted them).
   */
  removeRows(removals: Partial<Record<TableName, number[]>>): void;
  /** writes a run's changes; `erased`: contacts it deleted, whose archived history loses its personal text too */
  commit(change: { tabs: Partial<Record<TableName, TabModel>>; rev: number; index?: Partial<Record<TableName, IndexUpdate>>; problems?: SheetProblem[]; erased?: readonly string[] }): void;
}

/** People's edits that no trigger saw (another script, the API) are found by reading every row this often. */
const FULL_READ_EVERY_MS = 60 * 60_000;

/** What a run needs to know of the spreadsheet itself: its address and name, and its clock. */
export function spreadsheetFacts(): { url: string; name: string; timeZone: string; clock: WallClock } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { url: spreadsheet.getUrl(), name: spreadsheet.getName(), ...spreadsheetClock(spreadsheet) };
}

export function openRecordWorkbook(): RecordWorkbook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const state = readScriptState();
  const log: EditLog | null = readEditLog(spreadsheet);
  const full = !log || !(Date.now() - state.fullReadAt < FULL_READ_EVERY_MS);
  const rev = state.rev;
  // Read on first use: an idle sync answers from the counter and the edit log alone.
  let opened: { clock: WallClock; timeZone: string; sheets: ReturnType<typeof openRecordSheets>; index: Record<TableName, TabIndexRead>; ids: StoredIdIndex; idsChanged: Set<TableName> } | undefined;
  const open = () => {
    if (opened) return opened;
    const { clock, timeZone } = spreadsheetClock(spreadsheet);
    const sheets = openRecordSheets(spreadsheet);
    const index = readTabIndexes(spreadsheet, sheets);
    const ids = storedIdIndex(spreadsheet, state.ids);
    const idsChanged = new Set(tableNames.filter((table) => ids.signature(table) !== ids.signatureOf(index[table].ids) || log?.whole.has(table)));
    return (opened = { clock, timeZone, sheets, index, ids, idsChanged });
  };
  const edited = log?.edited ?? {};
  let readAll = false;
  // Each tab's last row after the last run: a row deleted or added without an edit (onEdit does not fire for that) shows here.
  const sheetOf = (table: TableName) => opened?.sheets[table] ?? spreadsheet.getSheetByName(tabSpecs[table].tab);
  const lastRowsNow = () => JSON.stringify(Object.fromEntries(tableNames.map((table) => [table, sheetOf(table)?.getLastRow() ?? -1])));
  return {
    get clock() {
      return open().clock;
    },
    get timeZone() {
      return open().timeZone;
    },
    get index() {
      return open().index;
    },
    get ids() {
      return open().ids;
    },
    get idsChanged() {
      return open().idsChanged;
    },
    edited,
    full,
    rev,
    get nothingEdited() {
      return !full && (log?.whole.size ?? 0) === 0 && Object.values(edited).every((e) => !e || e.ids.size + e.rows.size === 0) && state.lastRows === lastRowsNow();
    },
    read(rows) {
      readAll = tableNames.every((table) => rows[table] === 'all');
      return readTabRows(spreadsheet, open().index, rows);
    },
    archives: state.archives,
    removeRows(removals) {
      const { sheets, index, ids } = open();
      const updates: Partial<Record<TableName, IndexUpdate>> = {};
      for (const table of tableNames) {
        const rows = [...(removals[table] ?? [])].sort((a, b) => b - a);
        if (rows.length === 0) continue;
        const sheet = sheets[table];
        const idColumn = layoutOf(index[table].header, tabSpecs[table]).columns.get('id') ?? -1;
        const removed = new Set(rows);
        for (const { first, count } of runsOf([...rows].sort((a, b) => a - b)).reverse()) {
          const now = idColumn < 0 ? [] : sheet.getRange(first + 2, idColumn + 1, count, 1).getValues();
          if (now.some((row, i) => String(row[0] ?? '').trim().toLowerCase() !== String(index[table].ids[first + i] ?? '').trim().toLowerCase())) {
            throw new RowsMovedError(`${tabSpecs[table].tab} rows moved while Rapport was archiving`);
          }
          sheet.deleteRows(first + 2, count);
        }
        const remaining = index[table].ids.filter((_, row) => !removed.has(row)).map((cell) => String(cell ?? '').trim().toLowerCase()).filter((id) => isRecordId(id));
        updates[table] = { append: [], rebuild: remaining, signature: idSignature(new Set(remaining)) };
      }
      writeBlocks(spreadsheet, ids.blocks(updates));
      ids.save(updates);
      state.lastRows = lastRowsNow();
      state.save();
    },
    commit({ tabs: models, rev: nextRev, index: indexUpdates, problems, erased }) {
      const { sheets, ids } = open();
      const blocks: CellBlock[] = [];
      const formats: TabModel[] = [];
      const appendAfter = checkRowsInPlace(spreadsheet, sheets, models);
      for (const table of tableNames) {
        const model = models[table];
        if (!model || appendAfter[table] === undefined) continue;
        blocks.push(...blocksOf(sheets[table], model, appendAfter[table]));
        if (model.addedColumns.length > 0) formats.push(model);
      }
      if (indexUpdates) blocks.push(...ids.blocks(indexUpdates));
      writeBlocks(spreadsheet, blocks);
      for (const model of formats) formatColumns(sheets[model.table], model.addedColumns);
      if (indexUpdates) ids.save(indexUpdates);
      state.rev = nextRev;
      if (problems) state.problems = showSheetProblems(spreadsheet, problems, state.problems);
      log?.clear();
      if (readAll) state.fullReadAt = Date.now();
      state.lastRows = lastRowsNow();
      if (erased?.length && Object.keys(state.archives).length > 0) state.erasePending = [...new Set([...state.erasePending, ...erased])];
      state.save();
      // The run is saved before its erasures reach the archives: a failure there (an archive taken
      // away, a quota) leaves the run whole, and the next run tries the erasure again.
      if (state.erasePending.length > 0) {
        try {
          eraseFromArchives(new Set(state.erasePending), state.archives);
          state.erasePending = [];
        } catch (error) {
          console.warn(`Rapport: erasing ${state.erasePending.length} contact(s) from the archives failed, tried again next run: ${error instanceof Error ? error.message : String(error)}`);
        }
        state.save();
      }
    },
  };
}
