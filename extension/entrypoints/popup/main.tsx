import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createSend } from '../../messaging/send';
import { followUpTimeItem } from '../../settings';
import { createI18n, languageFor } from '../../ui/i18n';
import { Popup } from '../../ui/popup/Popup';
import { createPopupStore, PopupStoreContext, type PopupTarget } from '../../ui/popup/popup-store';
import '../../ui/popup/popup.css';
import { OPEN_EVERY_MS } from '../../sync/schedule';

/** What to show: ?tabId= when opened as a page (tests), ?selection / ?sample / ?view=today, else the active tab. */
async function target(): Promise<PopupTarget> {
  const query = new URLSearchParams(location.search);
  if (query.has('selection')) return { kind: 'selection' };
  if (query.has('sample')) return { kind: 'sample' };
  if (query.get('view') === 'today') return { kind: 'today' };
  const fromQuery = Number(query.get('tabId'));
  if (fromQuery) return { kind: 'tab', tabId: fromQuery };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id == null ? { kind: 'today' } : { kind: 'tab', tabId: tab.id };
}

const language = languageFor(navigator.language);
document.documentElement.lang = language;

const store = createPopupStore({
  send: createSend((envelope) => browser.runtime.sendMessage(envelope)),
  target,
  i18n: createI18n(language, navigator.language),
  followUpTime: () => followUpTimeItem.getValue(),
  openOptions: () => void browser.runtime.openOptionsPage(),
});
void store.load();
void store.refreshSync(false);
// While the popup is open, teammates' changes arrive every minute.
setInterval(() => void store.refreshSync(true), OPEN_EVERY_MS);
// Live: the service worker records each sync's progress and outcome; show it while the popup is open.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'syncStatus' in changes) void store.refreshSync(false);
});

render(
  <PopupStoreContext.Provider value={store}>
    <Popup />
  </PopupStoreContext.Provider>,
  document.getElementById('app')!,
);
