import { storage } from 'wxt/utils/storage';
import { newId } from '../shared/ids';
import { defaultNeverLog } from './never-log';
import type { SheetFailureCode } from './sync/sheet-answer';

/** The sheet's web app URL (…/exec) and this member's token, set in the options page. */
export const syncUrlItem = storage.defineItem<string>('local:syncUrl', { fallback: '', version: 1 });
export const syncTokenItem = storage.defineItem<string>('local:syncToken', { fallback: '', version: 1 });

/** The sheet this browser syncs with, or null while no URL or token is set. */
export async function sheetConnection(): Promise<{ url: string; token: string } | null> {
  const url = (await syncUrlItem.getValue()).trim();
  const token = (await syncTokenItem.getValue()).trim();
  return url && token ? { url, token } : null;
}
/** The member's email as the sheet knows it: written on every record this browser changes. */
export const memberEmailItem = storage.defineItem<string>('local:memberEmail', { fallback: '', version: 1 });
/** Identifies this browser to the sheet; made once. */
export const clientIdItem = storage.defineItem<string>('local:clientId', { init: () => newId(), version: 1 });

/** When a follow-up that names only a day falls due, and the time new follow-ups get ('HH:MM'). */
export const followUpTimeItem = storage.defineItem<string>('local:followUpTime', { fallback: '09:00', version: 1 });
/** The member turned on notifications for follow-ups that fall due (and granted the permission). */
export const notifyItem = storage.defineItem<boolean>('local:notify', { fallback: false, version: 1 });
/** Up to when follow-ups have been told about: a reminder is shown once, also across browser restarts. */
export const remindedUntilItem = storage.defineItem<string>('local:remindedUntil', { fallback: '', version: 1 });

export interface SyncStatus {
  lastAttemptAt: string;
  lastSuccessAt: string;
  /** the cause of the last failure ('' after a success) and what only the cause can say (Google's error text) */
  lastErrorCode: SheetFailureCode | '';
  lastErrorDetail: string;
  failures: number;
  /** after failures, the alarm waits until then (exponential back-off) */
  nextAttemptAt: string;
  /** a sync is under way: pages show its progress */
  running: boolean;
  /** changes sent so far in the running sync */
  sent: number;
}

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { lastAttemptAt: '', lastSuccessAt: '', lastErrorCode: '', lastErrorDetail: '', failures: 0, nextAttemptAt: '', running: false, sent: 0 },
  version: 1,
});

/**
 * Addresses and domains Rapport never offers, saves or logs (never-log.ts), as the member edited
 * them in the options; null until then, when their own domain stands in.
 */
export const neverLogItem = storage.defineItem<string[] | null>('local:neverLog', { fallback: null, version: 1 });

/** Months without activity after which a contact is listed for review (erase or renew consent). */
export const retentionMonthsItem = storage.defineItem<number>('local:retentionMonths', { fallback: 24, version: 1 });

/** The workspace's saved filters, by name. */
export const savedFiltersItem = storage.defineItem<{ name: string; query: unknown }[]>('local:savedFilters', { fallback: [], version: 1 });

/** The never-log list in force: the member's own, or their domain until they edit it. */
export async function currentNeverLog(): Promise<string[]> {
  return (await neverLogItem.getValue()) ?? defaultNeverLog(await memberEmailItem.getValue());
}
