import { storage } from 'wxt/utils/storage';
import { newId } from '../shared/ids';

/** The sheet's web app URL (…/exec) and this member's token, set in the options page. */
export const syncUrlItem = storage.defineItem<string>('local:syncUrl', { fallback: '', version: 1 });
export const syncTokenItem = storage.defineItem<string>('local:syncToken', { fallback: '', version: 1 });
/** The member's email as the sheet knows it: written on every record this browser changes. */
export const memberEmailItem = storage.defineItem<string>('local:memberEmail', { fallback: '', version: 1 });
/** Identifies this browser to the sheet; made once. */
export const clientIdItem = storage.defineItem<string>('local:clientId', { init: () => newId(), version: 1 });

export interface SyncStatus {
  lastAttemptAt: string;
  lastSuccessAt: string;
  lastError: string;
  failures: number;
  /** after failures, the alarm waits until then (exponential back-off) */
  nextAttemptAt: string;
}

export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', {
  fallback: { lastAttemptAt: '', lastSuccessAt: '', lastError: '', failures: 0, nextAttemptAt: '' },
  version: 1,
});
