import { newId } from '../../shared/ids';
import { contactLinkedTables, recordSchemas, type AnyRecord, type RecordOf, type TableName } from '../../shared/records';
import { contentFields, emptyValue, personalFields, toTombstone } from '../../shared/merge';
import type { RapportDatabase } from './database';

export type Draft<T extends TableName> = Partial<Omit<RecordOf<T>, 'createdAt' | 'updatedAt' | 'updatedBy'>>;

/** How far the sheet's clock is ahead of this browser's (ms), learnt at every sync. */
export const CLOCK_OFFSET_KEY = 'sync.clockOffset';

/** Now by the sheet's clock, as far as this browser knows it: edits are stamped with it, not with a clock that may be off. */
export async function sheetNow(db: RapportDatabase): Promise<number> {
  const offset = Number((await db.meta.get(CLOCK_OFFSET_KEY))?.value ?? 0);
  return Date.now() + (Number.isFinite(offset) ? offset : 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Creates or updates a record and queues it for sync in one transaction, so a record is never
 * saved without its outbox entry. The entry names the fields this write changed and when, so the
 * sheet merges just those fields. Validated here: the database only holds well-formed records.
 */
export async function writeRecord<T extends TableName>(db: RapportDatabase, table: T, draft: Draft<T>, author: string): Promise<RecordOf<T>> {
  const store = db.table(table);
  return db.transaction('rw', store, db.outbox, db.meta, async () => {
    const existing = draft.id ? ((await store.get(draft.id)) as RecordOf<T> | undefined) : undefined;
    if (existing?.deleted) throw new Error('That record was deleted.');
    const stamp = laterThan(await sheetNow(db), existing?.updatedAt);
    const values = draft as Record<string, unknown>;
    const previous = (existing ?? {}) as Record<string, unknown>;
    const record = recordSchemas[table].parse({
      ...existing,
      ...draft,
      id: draft.id ?? newId(),
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
      updatedBy: author || 'me',
    }) as RecordOf<T>;
    const parsed = record as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const field of contentFields(table)) {
      if (field in values && !same(parsed[field], existing ? previous[field] : emptyValue(table, field))) fields[field] = stamp;
    }
    if (existing && Object.keys(fields).length === 0) return existing;
    await store.put(record);
    await db.outbox.add({ table, id: record.id, queuedAt: stamp, fields });
    return record;
  });
}

/**
 * Deletes a record for everyone: it becomes a tombstone (id and times, no personal data) here and,
 * through sync, in the sheet and every member's browser. Deleting a contact also clears the
 * personal text (subjects, summaries, titles) of their interactions, deals and follow-ups.
 */
export async function deleteRecord(db: RapportDatabase, table: TableName, id: string, author: string): Promise<void> {
  const linked = table === 'contacts' ? contactLinkedTables : [];
  await db.transaction('rw', [db.table(table), ...linked.map((t) => db.table(t)), db.outbox, db.meta], async () => {
    const existing = (await db.table(table).get(id)) as AnyRecord | undefined;
    if (!existing || existing.deleted) return;
    const stamp = laterThan(await sheetNow(db), existing.updatedAt);
    await db.table(table).put(toTombstone(table, { id, createdAt: existing.createdAt, updatedAt: stamp, updatedBy: author || 'me' }));
    await db.outbox.add({ table, id, queuedAt: stamp, fields: { deleted: stamp } });
    for (const other of linked) {
      const records = (await db.table(other).where('contactId').equals(id).toArray()) as AnyRecord[];
      for (const record of records) {
        if (record.deleted) continue;
        const values = record as unknown as Record<string, unknown>;
        const cleared = personalFields(other).filter((field) => !same(values[field], emptyValue(other, field)));
        if (cleared.length === 0) continue;
        const next: Record<string, unknown> = { ...values, updatedAt: laterThan(Date.parse(stamp), record.updatedAt), updatedBy: author || 'me' };
        for (const field of cleared) next[field] = emptyValue(other, field);
        await db.table(other).put(recordSchemas[other].parse(next));
        await db.outbox.add({ table: other, id: record.id, queuedAt: stamp, fields: Object.fromEntries(cleared.map((f) => [f, next.updatedAt as string])) });
      }
    }
  });
}

/** A new timestamp strictly after the previous one, so a quick second edit still wins. */
function laterThan(nowMs: number, previous: string | undefined): string {
  const after = previous ? Date.parse(previous) + 1 : -Infinity;
  return new Date(Math.max(nowMs, after)).toISOString();
}
