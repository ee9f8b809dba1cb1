import { recordSchemas, type RecordOf, type TableName } from '../../../shared/records';
import type { TabModel } from '../model/tab-model';

/**
 * The records of a tab as the scoring needs them: every row the sync would hand out, read the
 * way the sync reads it. Rows without an id yet, or with a cell that cannot be read, are counted,
 * not scored: the next sync takes them in and reports what is wrong.
 */
export function recordsOfTab<T extends TableName>(table: T, model: TabModel): { records: RecordOf<T>[]; unreadable: number } {
  const records: RecordOf<T>[] = [];
  let unreadable = 0;
  for (const row of model.rows) {
    const parsed = row.id === '' || row.unreadable.size > 0 ? null : recordSchemas[table].safeParse({ ...row.values, id: row.id });
    if (parsed?.success) records.push(parsed.data as RecordOf<T>);
    else unreadable++;
  }
  return { records, unreadable };
}
