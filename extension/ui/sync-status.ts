import { dayOf, localWallClock } from '../../shared/calendar';
import type { RefusedChange } from '../sync/sync-client';
import type { SyncReport } from '../sync/sync-service';
import type { I18n } from './i18n';

export type SyncState = 'unknown' | 'not_connected' | 'syncing' | 'failed' | 'pending' | 'synced';

/** Where syncing stands, in words: the popup's footer and the options page say the same. */
export function describeSync(report: SyncReport | null, i18n: I18n, now: Date): { state: SyncState; text: string; waiting: string } {
  if (!report) return { state: 'unknown', text: '', waiting: '' };
  const { t } = i18n;
  const waiting = report.pending > 0 ? i18n.n('pending', report.pending) : '';
  if (!report.configured) return { state: 'not_connected', text: t('notConnected'), waiting };
  if (report.running) {
    const text = report.pending > 0 ? t('syncingProgress', { sent: report.sent, total: report.sent + report.pending }) : t('syncingNow');
    return { state: 'syncing', text, waiting: '' };
  }
  if (report.error) return { state: 'failed', text: i18n.label('syncError', report.error.code, { detail: report.error.detail }), waiting };
  if (report.pending > 0) return { state: 'pending', text: waiting, waiting: '' };
  return { state: 'synced', text: report.lastSuccessAt ? t('syncedAt', { when: moment(report.lastSuccessAt, i18n, now) }) : t('neverSynced'), waiting: '' };
}

/** A time today, or a day and time. */
export function moment(instant: string, i18n: I18n, now: Date): string {
  return dayOf(new Date(instant), localWallClock) === dayOf(now, localWallClock) ? i18n.time(instant) : i18n.dateTime(instant);
}

/** Why a change of this member's did not reach the sheet, in words. */
export function describeRefused(change: RefusedChange, i18n: I18n): string {
  const why = change.kind === 'conflict' ? change.reason ?? 'newer' : change.kind;
  return `${i18n.label('record', change.table)}: ${i18n.label('refused', why, { detail: change.kind === 'conflict' ? '' : change.message }).trim()}`;
}
