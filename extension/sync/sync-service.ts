import type { RapportDatabase } from '../db/database';
import type { SyncReport } from '../messaging/protocol';
import { clientIdItem, syncStatusItem, syncTokenItem, syncUrlItem, type SyncStatus } from '../settings';
import { backOffDelay } from './schedule';
import { syncOnce } from './sync-client';

const MAX_ROUNDS = 20;

let running: Promise<SyncReport> | null = null;

/**
 * Syncs until the outbox is empty. The alarm calls it with force=false and respects the
 * back-off; a user's "Sync now" forces it. Concurrent calls share one run.
 */
export function runSync(db: RapportDatabase, force: boolean, fetchImpl: typeof fetch = fetch): Promise<SyncReport> {
  running ??= syncUntilDone(db, force, fetchImpl).finally(() => {
    running = null;
  });
  return running;
}

async function syncUntilDone(db: RapportDatabase, force: boolean, fetchImpl: typeof fetch): Promise<SyncReport> {
  const status = await syncStatusItem.getValue();
  const now = new Date();
  if (!force && status.nextAttemptAt && Date.parse(status.nextAttemptAt) > now.getTime()) return report(db, status, false, status.lastError);
  const settings = { url: (await syncUrlItem.getValue()).trim(), token: (await syncTokenItem.getValue()).trim(), clientId: await clientIdItem.getValue() };

  let next: SyncStatus = { ...status, lastAttemptAt: now.toISOString() };
  let message = '';
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const outcome = await syncOnce(db, settings, fetchImpl);
    if (!outcome.ok) {
      const failures = outcome.error.code === 'not_configured' ? 0 : status.failures + 1;
      next = { ...next, lastError: outcome.error.message, failures, nextAttemptAt: failures ? new Date(now.getTime() + backOffDelay(failures)).toISOString() : '' };
      message = outcome.error.message;
      break;
    }
    next = { ...next, lastSuccessAt: new Date().toISOString(), lastError: '', failures: 0, nextAttemptAt: '' };
    message = outcome.rejected.length
      ? `${outcome.rejected.length} record(s) were refused by the sheet: ${outcome.rejected[0]!.errors[0] ?? ''}`
      : outcome.conflicts.length
        ? `Synced. ${outcome.conflicts.length} of your change(s) did not win: ${outcome.conflicts[0]!.message}`
        : outcome.sheetProblems
          ? `Synced. ${outcome.sheetProblems} cell(s) in the sheet could not be read; see its “Sync problems” tab.`
          : 'Synced.';
    if ((await db.outbox.count()) === 0) break;
  }
  await syncStatusItem.setValue(next);
  return report(db, next, !next.lastError, message);
}

/** Where syncing stands, without syncing. */
export async function currentSyncReport(db: RapportDatabase): Promise<SyncReport> {
  const status = await syncStatusItem.getValue();
  return report(db, status, !status.lastError, status.lastError);
}

async function report(db: RapportDatabase, status: SyncStatus, ok: boolean, message: string): Promise<SyncReport> {
  return { ok, message: message || status.lastError || '', pending: await db.outbox.count(), lastSuccessAt: status.lastSuccessAt };
}
