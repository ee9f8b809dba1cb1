import * as z from 'zod';
import { issueMessages } from '../../../shared/protocol';
import { recordSchemas, tableNames, type AnyRecord, type TableName } from '../../../shared/records';

/**
 * A full backup: every record of every table, tombstones included (so a deletion survives a
 * restore), as one JSON file. It restores into an empty profile only, whole or not at all.
 */

export const BACKUP_FORMAT = 'rapport-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  records: Record<TableName, AnyRecord[]>;
}

export function makeBackup(records: Record<TableName, AnyRecord[]>, now = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: 1, exportedAt: now.toISOString(), records };
}

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  records: z.object(Object.fromEntries(tableNames.map((t) => [t, z.array(z.unknown()).default([])])) as Record<TableName, z.ZodDefault<z.ZodArray<z.ZodUnknown>>>),
});

export type BackupCheck = { ok: true; backup: Backup; counts: Record<TableName, number> } | { ok: false; problems: string[] };

/** Reads a backup file: every record must be valid, else nothing is restored and the problems are listed. */
export function readBackup(text: string): BackupCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['This file is not JSON.'] };
  }
  const outer = envelope.safeParse(json);
  if (!outer.success) return { ok: false, problems: ['This file is not a Rapport backup.', ...issueMessages(outer.error).slice(0, 5)] };
  const problems: string[] = [];
  const records = {} as Record<TableName, AnyRecord[]>;
  for (const table of tableNames) {
    records[table] = [];
    const seen = new Set<string>();
    outer.data.records[table].forEach((raw, i) => {
      const parsed = recordSchemas[table].safeParse(raw);
      if (!parsed.success) problems.push(`${table} #${i + 1}: ${issueMessages(parsed.error).join('; ')}`);
      else if (seen.has(parsed.data.id)) problems.push(`${table} #${i + 1}: the id ${parsed.data.id} appears twice`);
      else {
        seen.add(parsed.data.id);
        records[table].push(parsed.data as AnyRecord);
      }
    });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, backup: { ...outer.data, records } as Backup, counts: Object.fromEntries(tableNames.map((t) => [t, records[t].length])) as Record<TableName, number> };
}
