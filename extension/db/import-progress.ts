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

/** Rows of saved imports that could not be added, and the first reason; null when none. */
export async function failedImports(db: RapportDatabase): Promise<{ rows: number; reason: string } | null> {
  const failures = await db.importFailures.toArray();
  if (failures.length === 0) return null;
  return { rows: failures.reduce((sum, f) => sum + f.batch.rows, 0), reason: failures[0]!.reason };
}
