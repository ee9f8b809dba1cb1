import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../db/database';
import { handleRequest } from '../../messaging/handlers';
import { readTab } from '../../messaging/read-tab';
import { registerSelectionMenu, takeSelection } from '../../add-selection';
import { registerWorkspaceMenu } from '../../open-workspace';
import { currentNeverLog, memberEmailItem } from '../../settings';
import { currentSyncReport, runSync } from '../../sync/sync-service';

const SYNC_ALARM = 'rapport-sync';

export default defineBackground(() => {
  const db = openDatabase();
  let soon: ReturnType<typeof setTimeout> | undefined;
  const deps = {
    db,
    author: () => memberEmailItem.getValue(),
    readTab: (tabId: number) => readTab(async (file) => (await browser.scripting.executeScript({ target: { tabId }, files: [file] }))[0]?.result),
    takeSelection,
    sync: (force: boolean) => runSync(db, force),
    syncStatus: () => currentSyncReport(db),
    neverLog: currentNeverLog,
    changed: () => {
      clearTimeout(soon);
      soon = setTimeout(() => void runSync(db, true), 1500);
    },
  };

  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runSync(db, false);
  });
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleRequest(message, deps).then(sendResponse);
    return true;
  });
  registerSelectionMenu();
  registerWorkspaceMenu();
});
