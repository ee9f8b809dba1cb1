import { storage } from 'wxt/utils/storage';
import { newId } from '../shared/ids';
import { defaultNeverLog } from './never-log';

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
