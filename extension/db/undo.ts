import type { AnyRecord, RecordOf, TableName } from '../../shared/records';
import type { RapportDatabase } from './database';
import { deleteRecord, writeRecord, type Draft } from './write-record';

/** What puts a write back: the fields it changed as they were before, or null when it created the record. */
export interface UndoStep {
  table: TableName;
  id: string;
  before: Record<string, unknown> | null;
}

/** Writes a record (see writeRecord) and says how to undo that write. */
export async function writeUndoable<T extends TableName>(db: RapportDatabase, table: T, draft: Draft<T>, author: string): Promise<{ record: RecordOf<T>; undo: UndoStep }> {
  return db.transaction('rw', db.table(table), db.outbox, db.meta, async () => {
    const existing = draft.id ? ((await db.table(table).get(draft.id)) as AnyRecord | undefined) : undefined;
    const record = await writeRecord(db, table, draft, author);
    const previous = existing as Record<string, unknown> | undefined;
    const before = previous ? Object.fromEntries(Object.keys(draft).filter((field) => field !== 'id').map((field) => [field, previous[field] ?? null])) : null;
    return { record, undo: { table, id: record.id, before } };
  });
}

/** Undoes one write: a record it created is deleted (for everyone, as any deletion), changed fields get their old values. */
export async function undoWrite(db: RapportDatabase, step: UndoStep, author: string): Promise<void> {
  if (step.before === null) await deleteRecord(db, step.table, step.id, author);
  else await writeRecord(db, step.table, { ...step.before, id: step.id } as Draft<TableName>, author);
}
