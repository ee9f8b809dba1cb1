import { tableNames, type TableName } from '../../../shared/records';
import { idSignature, type IdIndex, type IndexUpdate } from '../sync/plan-sync';
import type { CellBlock } from './record-tabs';
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

/** `signatures` is the script state's record of them: `save` updates it in place (the caller stores the state). */
export function storedIdIndex(spreadsheet: Spreadsheet, signatures: Record<string, string>): StoredIdIndex {
  let sheet = spreadsheet.getSheetByName(ID_INDEX_TAB);
  // Without its tab the fingerprints mean nothing: start the index again from what the tabs hold.
  if (!sheet) for (const key of Object.keys(signatures)) delete signatures[key];
  const indexSheet = () => {
    if (!sheet) {
      sheet = spreadsheet.insertSheet(ID_INDEX_TAB);
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
      const count = countOf(signatures[table] ?? null);
      if (count === 0 || !sheet) return [];
      const rows = Math.min(count, sheet.getMaxRows() - 1);
      return sheet.getRange(2, columnOf(table), rows, 1).getValues().map((row) => String(row[0] ?? '').trim().toLowerCase()).filter(Boolean);
    },
    blocks(updates) {
      const blocks: CellBlock[] = [];
      for (const table of tableNames) {
        const update = updates[table];
        if (!update) continue;
        const ids = update.rebuild ?? update.append;
        if (ids.length === 0) continue;
        const first = update.rebuild ? 2 : countOf(signatures[table] ?? null) + 2;
        blocks.push({ tab: ID_INDEX_TAB, sheet: indexSheet(), row: first, column: columnOf(table), values: ids.map((id) => [id]) });
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
