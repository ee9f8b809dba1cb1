import { tableNames, type TableName } from '../../../shared/records';
import { idSignature, type IdIndex, type IndexUpdate } from '../sync/plan-sync';
import { insertTab, type CellBlock } from './record-tabs';
import { isRecordId } from '../../../shared/ids';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Every id each record tab has held, so a row a person deletes is noticed and becomes a deletion
 * for everyone. Kept in a hidden tab (one column per record tab, append-only) and fingerprinted
 * in the script properties: a sync reads the ids only when a tab's fingerprint changed.
 */
export const ID_INDEX_TAB = 'Rapport ids';

export interface StoredIdIndex extends IdIndex {
  /** the fingerprint of a tab's id cells as read now */
  signatureOf(ids: unknown[]): string;
  /** the cells the updates add to the hidden tab */
  blocks(updates: Partial<Record<TableName, IndexUpdate>>): CellBlock[];
  /** keeps the fingerprints, once the blocks are written */
  save(updates: Partial<Record<TableName, IndexUpdate>>): void;
}

const countOf = (signature: string | null) => Number(signature?.split(':')[0] ?? 0) || 0;
/** Ids are kept a thousand to a cell (36 000 characters, under the 50 000 a cell holds): the index costs few of the spreadsheet's 10 million cells. */
const IDS_PER_CELL = 1000;
const cellsFor = (count: number) => Math.ceil(count / IDS_PER_CELL);

/** `signatures` is the script state's record of them: `save` updates it in place (the caller stores the state). */
export function storedIdIndex(spreadsheet: Spreadsheet, signatures: Record<string, string>): StoredIdIndex {
  let sheet = spreadsheet.getSheetByName(ID_INDEX_TAB);
  // Without its tab the fingerprints mean nothing: start the index again from what the tabs hold.
  if (!sheet) for (const key of Object.keys(signatures)) delete signatures[key];
  const indexSheet = () => {
    if (!sheet) {
      sheet = insertTab(spreadsheet, ID_INDEX_TAB, tableNames.length);
      sheet.getRange(1, 1, 1, tableNames.length).setValues([tableNames]);
      sheet.getRange(1, 1, sheet.getMaxRows(), tableNames.length).setNumberFormat('@');
      sheet.hideSheet();
    }
    return sheet;
  };
  const columnOf = (table: TableName) => tableNames.indexOf(table) + 1;

  return {
    signatureOf: (cells) => idSignature(new Set(cells.map((cell) => String(cell ?? '').trim().toLowerCase()).filter((id) => isRecordId(id)))),
    signature: (table) => (typeof signatures[table] === 'string' ? signatures[table]! : null),
    knownIds(table) {
      const cells = Math.min(cellsFor(countOf(signatures[table] ?? null)), (sheet?.getMaxRows() ?? 1) - 1);
      if (cells <= 0 || !sheet) return [];
      return sheet.getRange(2, columnOf(table), cells, 1).getValues().flatMap((row) => String(row[0] ?? '').trim().toLowerCase().split(' ')).filter(Boolean);
    },
    blocks(updates) {
      const blocks: CellBlock[] = [];
      for (const table of tableNames) {
        const update = updates[table];
        if (!update) continue;
        let ids = update.rebuild ?? update.append;
        if (ids.length === 0) continue;
        let cell = 0;
        if (!update.rebuild) {
          // Appended after the ids the last, partly filled cell already holds.
          const count = countOf(signatures[table] ?? null);
          cell = Math.floor(count / IDS_PER_CELL);
          if (count % IDS_PER_CELL > 0 && sheet) ids = [...String(sheet.getRange(2 + cell, columnOf(table)).getValue() ?? '').trim().split(' ').filter(Boolean), ...ids];
        }
        const values = Array.from({ length: cellsFor(ids.length) }, (_, i) => [ids.slice(i * IDS_PER_CELL, (i + 1) * IDS_PER_CELL).join(' ')]);
        blocks.push({ tab: ID_INDEX_TAB, sheet: indexSheet(), row: 2 + cell, column: columnOf(table), values });
      }
      return blocks;
    },
    save(updates) {
      for (const table of tableNames) {
        const update = updates[table];
        if (update) signatures[table] = update.signature;
      }
    },
  };
}
