import { syncStatusItem } from '../settings';
import { nextSyncDelay } from './schedule';

export const SYNC_ALARM = 'rapport-sync';

/**
 * Keeps one sync alarm set for the next sync: a one-shot alarm, set again after each run, so the
 * interval follows failures (back-off) and carries jitter. While the popup is open, the popup
 * itself asks for a sync every minute (`OPEN_EVERY_MS`).
 */
/** What of `browser.alarms` the schedule uses (Chrome's and Firefox's, and the test fake's, all have it). */
export interface AlarmApi {
  create(name: string, info: { when: number }): unknown;
  get(name: string): Promise<{ name: string } | undefined>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export function scheduleSyncs(browser: { alarms: AlarmApi }, run: (force: boolean) => Promise<unknown>) {
  const schedule = async () => {
    const { failures } = await syncStatusItem.getValue();
    await browser.alarms.create(SYNC_ALARM, { when: Date.now() + nextSyncDelay({ popupOpen: false, failures }) });
  };
  /** Syncs (forced: even during a back-off, as after a local change) and sets the next alarm. */
  const runAndSchedule = async (force = false) => {
    try {
      await run(force);
    } finally {
      await schedule();
    }
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runAndSchedule(false);
  });
  // A service worker that starts (installed, woken, restarted) makes sure the next sync is set.
  const ready = browser.alarms.get(SYNC_ALARM).then((alarm) => (alarm ? undefined : schedule()));
  return { runAndSchedule, ready };
}
