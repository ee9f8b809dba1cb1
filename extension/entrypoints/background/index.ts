import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../db/database';
import { backgroundRequestSchema } from '../../messages';
import { currentSyncReport, runSync } from '../../sync/sync-service';

const SYNC_ALARM = 'rapport-sync';

export default defineBackground(() => {
  const db = openDatabase();
  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync(db, false);
  });
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = backgroundRequestSchema.safeParse(message);
    if (!request.success) return false;
    const answer = request.data.type === 'syncNow' ? runSync(db, true) : currentSyncReport(db);
    void answer.then(sendResponse);
    return true;
  });
});
