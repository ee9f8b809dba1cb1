import { baseFields, fieldsOf, metaOf, recordSchemas, type AnyRecord, type TableName } from './records';

/**
 * The merge rules every copy applies the same way. Records merge field by field: each field keeps
 * the time it last changed, and a later change of a field wins over an earlier one. Times come
 * from the sheet's clock (edits made in the sheet are stamped when the sheet sees them; members
 * stamp theirs by their clock corrected to the sheet's), and no edit may be stamped after the
 * moment the sheet receives it. A deletion wins over every edit, earlier or later.
 */

/** A member's stamp, never later than the moment the sheet received it. */
export const clampToNow = (ms: number, now: number) => (Number.isFinite(ms) ? Math.min(ms, now) : now);

/** A field edit wins when it is later than the field's last change; a tie keeps what is there. */
export const editWins = (editMs: number, currentMs: number) => editMs > currentMs;

const isBase = (field: string) => (baseFields as readonly string[]).includes(field);

/** The fields that hold a record's content (everything but id, timestamps, author and the tombstone flag). */
export const contentFields = (table: TableName) => fieldsOf(table).filter((field) => !isBase(field));

/**
 * A deleted record (or a GDPR erasure) travels as a tombstone: it keeps its id and times so
 * every copy learns of the deletion, and carries no personal data.
 */
export function toTombstone<T extends TableName>(table: T, record: Pick<AnyRecord, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>): AnyRecord {
  return recordSchemas[table].parse({ id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, updatedBy: record.updatedBy, deleted: true }) as AnyRecord;
}

/** The fields an erasure of the contact clears from a record that names them (subjects, summaries, titles…). */
export const personalFields = (table: TableName) => contentFields(table).filter((field) => metaOf(table, field).personal);

/** The empty value of a field, as a new record has it (undefined for id and timestamps, which have none). */
export function emptyValue(table: TableName, field: string): unknown {
  const parsed = (recordSchemas[table].shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>)[field]!.safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}
