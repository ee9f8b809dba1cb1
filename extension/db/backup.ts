import { tableNames, type AnyRecord, type TableName } from '../../shared/records';
import { makeBackup, type Backup } from '../workspace/export/backup';
import type { OutboxEntry, RapportDatabase } from './database';
import { addImportedContacts } from './import-contacts';

/** Every record of this browser, tombstones included (an import still being added is finished first). */
export async function backupAll(db: RapportDatabase): Promise<Backup> {
  await addImportedContacts(db);
  const records = {} as Record<TableName, AnyRecord[]>;
  for (const table of tableNames) records[table] = (await db.table(table).toArray()) as AnyRecord[];
  return makeBackup(records);
}

export class NotEmptyError extends Error {}

/**
 * Restores a backup into an empty profile, in one transaction. Every record is queued for the
 * sheet without naming fields, so the sheet keeps whichever version of a field is newer: a restore
 * never overwrites a teammate's later edit.
 */
export async function restoreBackup(db: RapportDatabase, backup: Backup): Promise<number> {
  const tables = tableNames.map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.importBatches], async () => {
    for (const table of [...tableNames, 'importBatches']) {
      if ((await db.table(table).count()) > 0) throw new NotEmptyError('This browser already holds records: a backup restores only into an empty profile.');
    }
    let count = 0;
    const queuedAt = new Date().toISOString();
    for (const table of tableNames) {
      const records = backup.records[table];
      if (!records.length) continue;
      await db.table(table).bulkAdd(records);
      await db.outbox.bulkAdd(records.map((r): OutboxEntry => ({ table, id: r.id, queuedAt })));
      count += records.length;
    }
    return count;
  });
}
