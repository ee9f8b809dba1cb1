import type { RecordBase } from './records';

const instant = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/**
 * Last writer wins per record: the later `updatedAt`, ties broken by `updatedBy`, so every
 * replica picks the same winner. Equal on both is the same write: nothing to do, which makes
 * a batch sent twice a no-op.
 */
export function incomingWins(incoming: RecordBase, existing: RecordBase | undefined): boolean {
  if (!existing) return true;
  const a = instant(incoming.updatedAt);
  const b = instant(existing.updatedAt);
  if (a !== b) return a > b;
  return incoming.updatedBy > existing.updatedBy;
}

const baseFields = new Set(['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted']);

/**
 * A deleted record (or a GDPR erasure) travels as a tombstone: it keeps its id and times so
 * every copy learns of the deletion, and carries no personal data.
 */
export function toTombstone<T extends RecordBase>(record: T): RecordBase {
  const tombstone: Record<string, unknown> = {};
  for (const key of baseFields) tombstone[key] = record[key as keyof RecordBase];
  tombstone.deleted = true;
  return tombstone as unknown as RecordBase;
}
