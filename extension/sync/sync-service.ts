import type { RapportDatabase } from '../db/database';
import { clientIdItem, syncStatusItem, syncTokenItem, syncUrlItem, type SyncStatus } from '../settings';
import { backOffDelay } from './schedule';
import type { SheetFailureCode } from './sheet-answer';
import { REFUSED_KEY, syncOnce, type RefusedChange } from './sync-client';

const MAX_ROUNDS = 20;

/** Where syncing stands, as the popup's footer and the options page tell it. */
export interface SyncReport {
  /** a sheet URL and token are set */
  configured: boolean;
  running: boolean;
  /** changes saved in this browser and not yet in the sheet */
  pending: number;
  /** in a running sync: changes sent so far */
  sent: number;
  lastSuccessAt: string;
  lastAttemptAt: string;
  /** why the last sync failed; null when it succeeded */
  error: { code: SheetFailureCode; detail: string } | null;
  nextAttemptAt: string;
  /** records the sheet refused and edits of this member's that lost, newest first */
  refused: RefusedChange[];
}

let running: Promise<SyncReport> | null = null;
let forced: Promise<SyncReport> | null = null;

/**
 * Syncs until the outbox is empty. The alarm calls it with force=false and respects the
 * back-off; a user's "Sync now" forces it. Concurrent calls share one run.
 */
export function runSync(db: RapportDatabase, force: boolean, fetchImpl: typeof fetch = fetch): Promise<SyncReport> {
  if (running && force) {
    // "Sync now" during another sync: a sync that starts after it, so it sees what changed since the click.
    forced ??= running.catch(() => undefined).then(() => {
      forced = null;
      return runSync(db, true, fetchImpl);
    });
    return forced;
  }
  running ??= syncUntilDone(db, force, fetchImpl).finally(() => {
    running = null;
  });
  return running;
}

async function syncUntilDone(db: RapportDatabase, force: boolean, fetchImpl: typeof fetch): Promise<SyncReport> {
  const status = await syncStatusItem.getValue();
  const now = new Date();
  if (!force && status.nextAttemptAt && Date.parse(status.nextAttemptAt) > now.getTime()) return currentSyncReport(db);
  const settings = { url: (await syncUrlItem.getValue()).trim(), token: (await syncTokenItem.getValue()).trim(), clientId: await clientIdItem.getValue() };

  let next: SyncStatus = { ...status, lastAttemptAt: now.toISOString(), running: true, sent: 0 };
  await syncStatusItem.setValue(next);
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const outcome = await syncOnce(db, settings, fetchImpl);
      if (!outcome.ok) {
        const failures = outcome.error.code === 'not_configured' ? 0 : status.failures + 1;
        next = { ...next, lastErrorCode: outcome.error.code, lastErrorDetail: outcome.error.detail ?? '', failures, nextAttemptAt: failures ? new Date(now.getTime() + backOffDelay(failures)).toISOString() : '' };
        break;
      }
      next = { ...next, lastSuccessAt: new Date().toISOString(), lastErrorCode: '', lastErrorDetail: '', failures: 0, nextAttemptAt: '', sent: next.sent + outcome.pushed };
      if ((await db.outbox.count()) === 0) break;
      await syncStatusItem.setValue(next);
    }
  } finally {
    next = { ...next, running: false };
    await syncStatusItem.setValue(next);
  }
  return report(db, next, settings.url !== '' && settings.token !== '');
}

/** Where syncing stands, without syncing. */
export async function currentSyncReport(db: RapportDatabase): Promise<SyncReport> {
  const configured = Boolean((await syncUrlItem.getValue()).trim() && (await syncTokenItem.getValue()).trim());
  return report(db, await syncStatusItem.getValue(), configured);
}

async function report(db: RapportDatabase, status: SyncStatus, configured: boolean): Promise<SyncReport> {
  const [pending, refused] = await Promise.all([db.outbox.count(), db.meta.get(REFUSED_KEY)]);
  const code = status.lastErrorCode;
  return {
    configured,
    running: status.running && running !== null,
    pending,
    sent: status.sent,
    lastSuccessAt: status.lastSuccessAt,
    lastAttemptAt: status.lastAttemptAt,
    error: configured && code && code !== 'not_configured' ? { code, detail: status.lastErrorDetail } : null,
    nextAttemptAt: status.nextAttemptAt,
    refused: (refused?.value as RefusedChange[] | undefined) ?? [],
  };
}
