import { syncResponseSchema, type RejectedRecord, type SyncChanges } from '../../shared/protocol';
import { tableNames, type AnyRecord, type TableName } from '../../shared/records';
import type { RapportDatabase } from '../db/database';

export interface SyncSettings {
  url: string;
  token: string;
  clientId: string;
}

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number; rejected: RejectedRecord[]; sheetProblems: number }
  | { ok: false; error: { code: string; message: string } };

/** How many queued writes go in one request; the rest follow in the next. */
const BATCH = 500;
export const CURSOR_KEY = 'sync.cursor';
/** The sheet the cursor belongs to: another sheet means another history, started from the beginning. */
const CURSOR_URL_KEY = 'sync.cursorUrl';

const failed = (code: string, message: string): SyncOutcome => ({ ok: false, error: { code, message } });

/**
 * One round trip to the sheet: send what the outbox holds, take back every change since the
 * cursor. A failed network or a bad answer leaves the outbox as it was: nothing is lost.
 */
export async function syncOnce(db: RapportDatabase, settings: SyncSettings, fetchImpl: typeof fetch = fetch): Promise<SyncOutcome> {
  if (!settings.url || !settings.token) return failed('not_configured', 'Set the sheet’s web app URL and your token in Rapport’s options.');
  const queued = await db.outbox.orderBy('seq').limit(BATCH).toArray();
  const lastSeq = queued.at(-1)?.seq ?? 0;
  const changes = Object.fromEntries(tableNames.map((t) => [t, [] as AnyRecord[]])) as Record<TableName, AnyRecord[]>;
  const seen = new Set<string>();
  for (const entry of queued) {
    const key = `${entry.table}/${entry.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record = (await db.table(entry.table).get(entry.id)) as AnyRecord | undefined;
    if (record) changes[entry.table].push(record);
  }
  const sameSheet = (await db.meta.get(CURSOR_URL_KEY))?.value === settings.url;
  const since = sameSheet ? Number((await db.meta.get(CURSOR_KEY))?.value ?? 0) || 0 : 0;

  let text: string;
  try {
    const response = await fetchImpl(settings.url, {
      method: 'POST',
      // text/plain keeps this a simple request: Apps Script web apps answer no CORS preflight.
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      body: JSON.stringify({ token: settings.token, clientId: settings.clientId, since, changes }),
      redirect: 'follow',
    });
    text = await response.text();
    if (!response.ok) return failed('http', `The sheet answered HTTP ${response.status}.`);
  } catch (error) {
    return failed('network', `Could not reach the sheet: ${error instanceof Error ? error.message : String(error)}`);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failed('bad_response', 'The sync URL did not answer like a Rapport sheet (is it the web app’s /exec URL?).');
  }
  const parsed = syncResponseSchema.safeParse(body);
  if (!parsed.success) return failed('bad_response', 'The sheet’s answer was not understood; is the add-on up to date?');
  const answer = parsed.data;
  if (!answer.ok) return { ok: false, error: answer.error };

  const pulled = await applyServerChanges(db, answer.changes, lastSeq, answer.cursor, settings.url);
  return { ok: true, pushed: seen.size, pulled, rejected: answer.rejected, sheetProblems: answer.sheetProblems.length };
}

/** Takes the sheet's versions, except where a local edit made during this sync is still queued. */
async function applyServerChanges(db: RapportDatabase, changes: SyncChanges, lastSentSeq: number, cursor: number, url: string): Promise<number> {
  const tables = tableNames.map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    if (lastSentSeq > 0) await db.outbox.where('seq').belowOrEqual(lastSentSeq).delete();
    const stillQueued = new Set((await db.outbox.toArray()).map((e) => `${e.table}/${e.id}`));
    let pulled = 0;
    for (const table of tableNames) {
      const fresh = (changes[table] as AnyRecord[]).filter((r) => !stillQueued.has(`${table}/${r.id}`));
      await db.table(table).bulkPut(fresh);
      pulled += fresh.length;
    }
    await db.meta.bulkPut([{ key: CURSOR_KEY, value: cursor }, { key: CURSOR_URL_KEY, value: url }]);
    return pulled;
  });
}
