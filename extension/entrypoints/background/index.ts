import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { localWallClock } from '../../../shared/calendar';
import { registerSelectionMenu, takeSelection } from '../../add-selection';
import { openDatabase } from '../../db/database';
import { addImportedContacts } from '../../db/import-contacts';
import { keepAliveWhile } from '../../keep-alive';
import { handleMessage, type ServiceDeps } from '../../messaging/message-table';
import { readTab } from '../../messaging/read-tab';
import { registerWorkspaceMenu } from '../../open-workspace';
import { dueItems } from '../../db/today';
import { createDueList } from '../../reminders/due-list';
import { DUE_ALARM, MIDNIGHT_ALARM, refreshReminders, toolbarButtonOf } from '../../reminders/reminders';
import { currentNeverLog, followUpTimeItem, memberEmailItem, notifyItem, remindedUntilItem } from '../../settings';
import { scheduleSyncs } from '../../sync/sync-alarm';
import { currentSyncReport, runSync } from '../../sync/sync-service';
import { createI18n, languageFor } from '../../ui/i18n';
import { takeSample } from '../../welcome/sample-email';

export default defineBackground(() => {
  const db = openDatabase();
  const i18n = createI18n(languageFor(navigator.language), navigator.language);
  // Tests of the e2e build move this clock forward to make a follow-up fall due; release builds never do.
  let testClockOffset = 0;
  const now = () => new Date(Date.now() + testClockOffset);
  const due = createDueList((rules) => dueItems(db, rules));

  // One refresh at a time: two at once could both tell about the same follow-up.
  let lastRefresh: Promise<unknown> = Promise.resolve();
  const refresh = () =>
    refreshReminders({
      db, now, clock: localWallClock, i18n, dueItems: due.get,
      followUpTime: () => followUpTimeItem.getValue(),
      button: toolbarButtonOf(browser),
      alarms: browser.alarms,
      notifications: async () => (await notifyItem.getValue()) && (await browser.permissions.contains({ permissions: ['notifications'] })) ? browser.notifications : null,
      remindedUntil: { get: () => remindedUntilItem.getValue(), set: (value) => remindedUntilItem.setValue(value) },
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      clockOffsetMs: -testClockOffset,
    }).catch((error: unknown) => console.error('Rapport reminders:', error));
  const reminders = () => (lastRefresh = lastRefresh.then(refresh));

  // A saved import is added here too: it carries on when its page is closed.
  let adding: Promise<void> | null = null;
  const addImports = () =>
    (adding ??= keepAliveWhile(addImportedContacts(db))
      .then((added) => {
        if (added > 0) deps.changed();
      })
      .catch((error: unknown) => console.error('Rapport import:', error))
      .finally(() => (adding = null)));

  const sync = async (force: boolean) => {
    // This sync carries every change made before it: a sync still pending for one of them is not needed
    // (after a failed "Sync now" it would start at once and hide the failure behind "Syncing…").
    clearTimeout(soon);
    void addImports();
    const report = await runSync(db, force);
    due.forget();
    void reminders();
    return report;
  };
  const syncs = scheduleSyncs(browser, sync);
  let soon: ReturnType<typeof setTimeout> | undefined;
  const deps: ServiceDeps = {
    db,
    author: () => memberEmailItem.getValue(),
    readTab: (tabId) => readTab(async (file) => (await browser.scripting.executeScript({ target: { tabId }, files: [file] }))[0]?.result),
    takeSelection,
    takeSample,
    sync,
    syncStatus: () => currentSyncReport(db),
    neverLog: currentNeverLog,
    changed: () => {
      due.forget();
      void reminders();
      clearTimeout(soon);
      soon = setTimeout(() => void syncs.runAndSchedule(true), 1500);
    },
    now,
    clock: localWallClock,
    followUpTime: () => followUpTimeItem.getValue(),
    dueItems: due.get,
  };

  void addImports();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DUE_ALARM || alarm.name === MIDNIGHT_ALARM) void reminders();
  });
  // Only the extension's own pages may ask; a content script runs inside a web page.
  const ownPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return false;
    void handleMessage(message, deps).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void reminders());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('followUpTime' in changes || 'notify' in changes)) void reminders();
  });
  const openToday = () => void browser.windows.create({ url: browser.runtime.getURL('/popup.html?view=today'), type: 'popup', width: 380, height: 640 });
  const listenToNotifications = () => browser.notifications?.onClicked.addListener(openToday);
  listenToNotifications();
  browser.permissions.onAdded.addListener(({ permissions }) => {
    if (permissions?.includes('notifications')) listenToNotifications();
  });
  registerSelectionMenu();
  registerWorkspaceMenu();
  void reminders();

  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      rapportTest: {
        /** moves the service worker's clock forward and brings reminders up to date, as time passing would */
        advanceClock: async (ms: number) => {
          testClockOffset += ms;
          await reminders();
        },
      },
    });
  }
});
