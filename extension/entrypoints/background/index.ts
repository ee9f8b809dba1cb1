import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../db/database';
import { handleRequest } from '../../messaging/handlers';
import { readTab } from '../../messaging/read-tab';
import { registerSelectionMenu, takeSelection } from '../../add-selection';
import { memberEmailItem } from '../../settings';
import { scheduleSyncs } from '../../sync/sync-alarm';
import { currentSyncReport, runSync } from '../../sync/sync-service';

export default defineBackground(() => {
  const db = openDatabase();
  const syncs = scheduleSyncs(browser, (force) => runSync(db, force));
  let soon: ReturnType<typeof setTimeout> | undefined;
  const deps = {
    db,
    author: () => memberEmailItem.getValue(),
    readTab: (tabId: number) => readTab(async (file) => (await browser.scripting.executeScript({ target: { tabId }, files: [file] }))[0]?.result),
    takeSelection,
    sync: (force: boolean) => runSync(db, force),
    syncStatus: () => currentSyncReport(db),
    changed: () => {
      clearTimeout(soon);
      soon = setTimeout(() => void syncs.runAndSchedule(true), 1500);
    },
  };

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleRequest(message, deps).then(sendResponse);
    return true;
  });
  registerSelectionMenu();
});
