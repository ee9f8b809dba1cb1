import type { RapportDatabase } from './database';

/** How many imported contacts wait to be added to the contact tables, and how many were added since. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Kept apart from import-contacts.ts (which needs zod), so the workspace can ask at start without loading it. */
export const IMPORT_PENDING_KEY = 'import.pending';

/** How far adding saved imports has got; null when none waits. */
export async function importProgress(db: RapportDatabase): Promise<ImportProgress | null> {
  const value = (await db.meta.get(IMPORT_PENDING_KEY))?.value as ImportProgress | undefined;
  return value && typeof value.total === 'number' && typeof value.done === 'number' ? value : null;
}

/** Moves the pending count on (inside the caller's transaction, with the parts it changed) and gives it back. */
export async function shiftImportProgress(db: RapportDatabase, by: { done?: number; total?: number }): Promise<ImportProgress> {
  const before = await importProgress(db);
  const next = { done: (before?.done ?? 0) + (by.done ?? 0), total: Math.max(0, (before?.total ?? 0) + (by.total ?? 0)) };
  await db.meta.put({ key: IMPORT_PENDING_KEY, value: next });
  return next;
}

/** Rows of saved imports that could not be added, and the first reason; null when none. */
export async function failedImports(db: RapportDatabase): Promise<{ rows: number; reason: string } | null> {
  const failures = await db.importFailures.toArray();
  if (failures.length === 0) return null;
  return { rows: failures.reduce((sum, f) => sum + f.batch.rows, 0), reason: failures[0]!.reason };
}
