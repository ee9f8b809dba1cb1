import { syncResponseSchema, type Conflict, type RejectedRecord, type SyncChanges } from '../../shared/protocol';
import { recordSchemas, tableNames, type AnyRecord, type TableName } from '../../shared/records';
import type { OutboxEntry, RapportDatabase } from '../db/database';
import { CLOCK_OFFSET_KEY } from '../db/write-record';
import { askSheet, wrongUrl, type SheetFailure } from './sheet-answer';

export interface SyncSettings {
  url: string;
  token: string;
  clientId: string;
}

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number; rejected: RejectedRecord[]; conflicts: Conflict[]; sheetProblems: number; more?: boolean; remaining?: number }
  | { ok: false; error: SheetFailure };

/** How many queued writes go in one request; the rest follow in the next. */
const BATCH = 500;
export const CURSOR_KEY = 'sync.cursor';
/** The sheet the cursor belongs to: another sheet means another history, started from the beginning. */
const CURSOR_URL_KEY = 'sync.cursorUrl';
/** Records the sheet refused (and why), and edits of this member's that lost: shown to the person, newest first. */
export const REFUSED_KEY = 'sync.refused';
const KEEP_REFUSED = 50;

/** A first sync of a large team comes in pages: how far it got, for the popup ("12,000 of 50,000"). */
export const PROGRESS_KEY = 'sync.progress';
/** At most this many pages in one sync; the next sync goes on from the cursor. */
const MAX_PAGES = 200;

/** Failures that may be caused by one record of the batch: worth retrying with fewer records. */
const MAYBE_ONE_RECORD: SheetFailure['code'][] = ['internal', 'script_error', 'timeout', 'bad_request'];
/** Records the sheet failed on alone, with how often: retried alone, set aside after the third time. */
const SUSPECTS_KEY = 'sync.suspects';
const SET_ASIDE_AFTER = 3;

export interface RefusedChange {
  table: string;
  id: string;
  /** refused by the sheet's checks, an edit that lost (`conflict`), or set aside after the sheet failed on it three times */
  kind: 'rejected' | 'conflict' | 'set_aside';
  /** for a conflict: why the edit lost */
  reason?: Conflict['reason'];
  field?: string;
  /** the sheet's own words (English), or the failure that set the record aside */
  message: string;
  at: string;
}

const failed = (code: SheetFailure['code'], message: string): SyncOutcome => ({ ok: false, error: { code, message } });
const keyOf = (entry: { table: string; id: string }) => `${entry.table}/${entry.id}`;

/**
 * One sync: send what the outbox holds, take back every change since the cursor. A failed network
 * or a bad answer leaves the outbox as it was: nothing is lost. When the sheet fails on a batch,
 * the batch is halved until the record that makes it fail is found; that record waits (it is
 * tried alone in later syncs, and after failing three times it is set aside, kept here and listed
 * as refused) while the records behind it go on to the sheet.
 */
export async function syncOnce(db: RapportDatabase, settings: SyncSettings, fetchImpl: typeof fetch = fetch): Promise<SyncOutcome> {
  if (!settings.url || !settings.token) return failed('not_configured', 'Set the sheet’s web app URL and your token in Rapport’s options.');
  const wrong = wrongUrl(settings.url);
  if (wrong) return { ok: false, error: wrong };
  const suspects = new Map(Object.entries(((await db.meta.get(SUSPECTS_KEY))?.value as Record<string, number> | undefined) ?? {}));
  const isolatedNow = new Set<string>();
  let limit = BATCH;
  let last: SyncOutcome | null = null;
  let pages = 0;
  let pulled = 0;
  for (;;) {
    let queued = await db.outbox.orderBy('seq').filter((e) => !suspects.has(keyOf(e))).limit(limit).toArray();
    const pullMore = last?.ok === true && last.more === true;
    const retry = queued.length === 0 && !pullMore ? [...suspects.keys()].find((key) => !isolatedNow.has(key)) : undefined;
    // Nothing (more) to send and no page left to pull: done. With nothing at all to send, one round still pulls.
    if (queued.length === 0 && !retry && last && !pullMore) return last;
    if (retry) queued = (await db.outbox.orderBy('seq').toArray()).filter((e) => keyOf(e) === retry);
    const outcome = await roundTrip(db, settings, queued, fetchImpl);
    if (outcome.ok) {
      if (retry) await saveSuspects(db, suspects, retry, null);
      pulled += outcome.pulled;
      // More pages of the team's records: keep pulling, saying how far it got.
      if (outcome.more && ++pages < MAX_PAGES) {
        await db.meta.put({ key: PROGRESS_KEY, value: { loaded: pulled, remaining: outcome.remaining ?? 0 } });
        last = outcome;
        continue;
      }
      if (pages > 0) await db.meta.delete(PROGRESS_KEY);
      if (retry || queued.length < limit) return { ...outcome, pulled };
      last = outcome;
      continue;
    }
    if (!MAYBE_ONE_RECORD.includes(outcome.error.code) || queued.length === 0) return outcome;
    const records = new Set(queued.map(keyOf));
    if (records.size > 1) {
      limit = Math.max(1, Math.floor(queued.length / 2));
      continue;
    }
    const key = [...records][0]!;
    const failures = (suspects.get(key) ?? 0) + 1;
    if (failures >= SET_ASIDE_AFTER) {
      await setAside(db, queued[0]!, outcome.error.message);
      await saveSuspects(db, suspects, key, null);
    } else {
      await saveSuspects(db, suspects, key, failures);
    }
    isolatedNow.add(key);
    if (retry) return outcome;
    last = outcome;
    limit = BATCH;
  }
}

async function saveSuspects(db: RapportDatabase, suspects: Map<string, number>, key: string, failures: number | null) {
  if (failures === null) suspects.delete(key);
  else suspects.set(key, failures);
  await db.meta.put({ key: SUSPECTS_KEY, value: Object.fromEntries(suspects) });
}

/** A record the sheet keeps failing on leaves the outbox; it stays in this browser and is listed as refused. */
async function setAside(db: RapportDatabase, entry: OutboxEntry, reason: string) {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.where('[table+id]').equals([entry.table, entry.id]).delete();
    await remember(db, [{ table: entry.table, id: entry.id, kind: 'set_aside', message: reason, at: new Date().toISOString() }]);
  });
}

async function roundTrip(db: RapportDatabase, settings: SyncSettings, queued: OutboxEntry[], fetchImpl: typeof fetch): Promise<SyncOutcome> {
  const sentSeqs = queued.map((e) => e.seq!);
  const changes = Object.fromEntries(tableNames.map((t) => [t, [] as unknown[]])) as Record<TableName, unknown[]>;
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of queued) {
    const key = `${entry.table}/${entry.id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), entry]);
  }
  for (const entries of byRecord.values()) {
    const { table, id } = entries[0]!;
    const record = (await db.table(table).get(id)) as AnyRecord | undefined;
    if (!record) continue;
    // Only when every queued write named its fields can the sheet merge just those.
    const fieldTimes = entries.every((e) => e.fields) ? Object.assign({}, ...entries.map((e) => e.fields)) : undefined;
    changes[table].push(fieldTimes && !record.deleted ? { ...record, fieldTimes } : record);
  }
  const sameSheet = (await db.meta.get(CURSOR_URL_KEY))?.value === settings.url;
  const since = sameSheet ? Number((await db.meta.get(CURSOR_KEY))?.value ?? 0) || 0 : 0;

  const sentAt = Date.now();
  const asked = await askSheet(
    settings.url,
    {
      method: 'POST',
      // text/plain keeps this a simple request: Apps Script web apps answer no CORS preflight.
      headers: { 'Content-Type': 'text/plain;charset=utf-8' },
      body: JSON.stringify({ token: settings.token, clientId: settings.clientId, since, changes }),
    },
    syncResponseSchema,
    fetchImpl,
  );
  const receivedAt = Date.now();
  if (!asked.ok) return asked;
  const answer = asked.value;
  if (!answer.ok) return { ok: false, error: { ...answer.error, ...(answer.error.code === 'internal' || answer.error.code === 'bad_request' ? { detail: answer.error.message } : {}) } };

  const offset = answer.serverTime ? Date.parse(answer.serverTime) - (sentAt + receivedAt) / 2 : null;
  const pulled = await applyServerChanges(db, answer.changes, sentSeqs, { cursor: answer.cursor, url: settings.url, offset });
  const refused = [
    ...answer.rejected.map((r): RefusedChange => ({ table: r.table, id: r.id, kind: 'rejected', message: r.errors.join('; '), at: new Date().toISOString() })),
    ...answer.conflicts.map((c): RefusedChange => ({ table: c.table, id: c.id, kind: 'conflict', reason: c.reason, ...(c.field ? { field: c.field } : {}), message: c.message, at: new Date().toISOString() })),
  ];
  if (refused.length > 0) await remember(db, refused);
  return { ok: true, pushed: byRecord.size, pulled, rejected: answer.rejected, conflicts: answer.conflicts, sheetProblems: answer.sheetProblems.length, more: answer.more, remaining: answer.remaining };
}

async function remember(db: RapportDatabase, refused: RefusedChange[]) {
  const previous = ((await db.meta.get(REFUSED_KEY))?.value as RefusedChange[] | undefined) ?? [];
  await db.meta.put({ key: REFUSED_KEY, value: [...refused, ...previous].slice(0, KEEP_REFUSED) });
}

/**
 * Takes the sheet's versions. A record edited here while this sync ran keeps the fields still
 * queued (they go out with the next sync); fields the sheet could not read keep their value here.
 */
async function applyServerChanges(db: RapportDatabase, changes: SyncChanges, sentSeqs: number[], state: { cursor: number; url: string; offset: number | null }): Promise<number> {
  const tables = tableNames.map((t) => db.table(t));
  return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    await db.outbox.bulkDelete(sentSeqs);
    const pending = new Map<string, OutboxEntry[]>();
    for (const entry of await db.outbox.toArray()) pending.set(`${entry.table}/${entry.id}`, [...(pending.get(`${entry.table}/${entry.id}`) ?? []), entry]);
    let pulled = 0;
    for (const table of tableNames) {
      const incoming = changes[table] as (AnyRecord & { unknownFields?: string[] })[];
      if (incoming.length === 0) continue;
      const local = new Map(((await db.table(table).bulkGet(incoming.map((r) => r.id))) as (AnyRecord | undefined)[]).filter(Boolean).map((r) => [r!.id, r!]));
      const merged = incoming.map(({ unknownFields = [], ...server }) => {
        const mine = local.get(server.id) as Record<string, unknown> | undefined;
        const queued = pending.get(`${table}/${server.id}`) ?? [];
        const keep = new Set([...unknownFields, ...queued.flatMap((e) => (e.fields ? Object.keys(e.fields) : []))]);
        // A deletion here that the sheet has not seen yet, or a write that did not name its fields: ours stands until it is sent.
        if (mine && queued.length > 0 && (mine.deleted === true || queued.some((e) => !e.fields)) && !server.deleted) return mine as unknown as AnyRecord;
        const values: Record<string, unknown> = { ...server };
        if (mine && !server.deleted) for (const field of keep) if (field in mine) values[field] = mine[field];
        return recordSchemas[table].parse(values) as AnyRecord;
      });
      await db.table(table).bulkPut(merged);
      pulled += merged.length;
    }
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: state.cursor },
      { key: CURSOR_URL_KEY, value: state.url },
      ...(state.offset !== null && Number.isFinite(state.offset) ? [{ key: CLOCK_OFFSET_KEY, value: Math.round(state.offset) }] : []),
    ]);
    return pulled;
  });
}
