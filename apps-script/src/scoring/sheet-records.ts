import { recordSchemas, type RecordOf, type TableName } from '../../../shared/records';
import { tabSpecs } from '../../../shared/sheet-columns';
import { decodeRow, isBlankRow, mapColumns, readTyped } from '../../../shared/sheet-rows';
import type { TabSnapshot } from '../sync/apply-sync';

/**
 * The records of a tab as the scoring needs them: every readable row, read as the sync server
 * reads a row (empty cells take the field's default, choices ignore case). Rows without an id
 * or that do not validate are counted, not scored: the next sync reports them to the team.
 */
export function recordsOfTab<T extends TableName>(table: T, tab: TabSnapshot): { records: RecordOf<T>[]; unreadable: number } {
  const spec = tabSpecs[table];
  const schema = recordSchemas[table];
  const columns = mapColumns(tab.header, spec);
  const records: RecordOf<T>[] = [];
  let unreadable = 0;
  for (const row of tab.rows) {
    if (isBlankRow(row)) continue;
    const parsed = schema.safeParse(readTyped(decodeRow(row, columns, spec).fields));
    if (parsed.success) records.push(parsed.data as RecordOf<T>);
    else unreadable++;
  }
  return { records, unreadable };
}
