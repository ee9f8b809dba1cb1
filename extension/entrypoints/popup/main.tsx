import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pageCaptureSchema } from '../../capture/candidate';
import { openDatabase } from '../../db/database';
import { syncReportSchema } from '../../messages';
import { memberEmailItem } from '../../settings';
import { Popup } from '../../ui/popup/Popup';
import { createPopupStore, PopupStoreContext } from '../../ui/popup/popup-store';
import '../../ui/popup/popup.css';

/** The tab to read: the active tab, or ?tabId= when the popup is opened as a page (tests). */
async function targetTabId(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error('there is no active tab');
  return tab.id;
}

async function readPage() {
  const tabId = await targetTabId();
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
  const parsed = pageCaptureSchema.safeParse(result?.result);
  if (!parsed.success) throw new Error('the page gave no readable answer');
  return parsed.data;
}

const store = createPopupStore({
  db: openDatabase(),
  readPage,
  author: () => memberEmailItem.getValue(),
  requestSync: async (force) => {
    const answer: unknown = await browser.runtime.sendMessage({ type: force ? 'syncNow' : 'syncStatus' });
    const report = syncReportSchema.safeParse(answer);
    return report.success ? report.data : undefined;
  },
});
void store.load();
void store.loadSyncStatus();

render(
  <PopupStoreContext.Provider value={store}>
    <Popup />
  </PopupStoreContext.Provider>,
  document.getElementById('app')!,
);
