import { storage } from 'wxt/utils/storage';
import { newId } from '../shared/ids';
import type { SheetFailureCode } from './sync/sheet-answer';

/** The sheet's web app URL (…/exec) and this member's token, set in the options page. */
export const syncUrlItem = storage.defineItem<string>('local:syncUrl', { fallback: '', version: 1 });
export const syncTokenItem = storage.defineItem<string>('local:syncToken', { fallback: '', version: 1 });
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
