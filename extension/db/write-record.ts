import { newId, nowIso } from '../../shared/ids';
import { recordSchemas, type RecordOf, type TableName } from '../../shared/records';
import type { RapportDatabase } from './database';

export type Draft<T extends TableName> = Partial<Omit<RecordOf<T>, 'createdAt' | 'updatedAt' | 'updatedBy'>>;

/**
 * Creates or updates a record and queues it for sync in one transaction, so a record is never
 * saved without its outbox entry. Validated here: the database only holds well-formed records.
 */
export async function writeRecord<T extends TableName>(db: RapportDatabase, table: T, draft: Draft<T>, author: string): Promise<RecordOf<T>> {
  const store = db.table(table);
  return db.transaction('rw', store, db.outbox, async () => {
    const existing = draft.id ? ((await store.get(draft.id)) as RecordOf<T> | undefined) : undefined;
    const now = nowIso();
    const record = recordSchemas[table].parse({
      ...existing,
      ...draft,
      id: draft.id ?? newId(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: laterThan(now, existing?.updatedAt),
      updatedBy: author || 'me',
    }) as RecordOf<T>;
    await store.put(record);
    await db.outbox.add({ table, id: record.id, queuedAt: now });
    return record;
  });
}

/** A new timestamp strictly after the previous one, so a quick second edit still wins. */
function laterThan(now: string, previous: string | undefined): string {
  if (!previous || now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}
