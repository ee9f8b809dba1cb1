import { describe, expect, it } from 'vitest';
import { IDLE_EVERY_MS, nextSyncDelay, OPEN_EVERY_MS } from '../../extension/sync/schedule';

describe('the sync schedule', () => {
  it('syncs every minute while the popup is open and every 15 minutes otherwise, with ±20 % jitter', () => {
    expect(nextSyncDelay({ popupOpen: true, failures: 0 }, () => 0.5)).toBe(OPEN_EVERY_MS);
    expect(nextSyncDelay({ popupOpen: false, failures: 0 }, () => 0.5)).toBe(IDLE_EVERY_MS);
    expect(nextSyncDelay({ popupOpen: false, failures: 0 }, () => 0)).toBe(IDLE_EVERY_MS * 0.8);
    expect(nextSyncDelay({ popupOpen: false, failures: 0 }, () => 1)).toBe(IDLE_EVERY_MS * 1.2);
  });

  it('backs off after failures, at most an hour', () => {
    expect([1, 2, 3, 10].map((failures) => nextSyncDelay({ popupOpen: true, failures }))).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });
});

describe('the sync alarm', () => {
  it('is set for about 15 minutes, and again after each sync', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { scheduleSyncs, SYNC_ALARM } = await import('../../extension/sync/sync-alarm');
    fakeBrowser.reset();
    let runs = 0;
    const syncs = scheduleSyncs(fakeBrowser, async () => {
      runs++;
    });
    await syncs.ready;
    const inMinutes = async () => ((await fakeBrowser.alarms.get(SYNC_ALARM))!.scheduledTime - Date.now()) / 60_000;
    expect(await inMinutes()).toBeGreaterThan(11);
    expect(await inMinutes()).toBeLessThan(19);
    await fakeBrowser.alarms.clear(SYNC_ALARM);
    await syncs.runAndSchedule(true);
    expect(runs).toBe(1);
    expect(await inMinutes()).toBeGreaterThan(11);
  });
});
