import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createTranslator, languageFor } from '../../ui/i18n';
import { Popup } from '../../ui/popup/Popup';
import { createPopupStore, PopupStoreContext, type Send } from '../../ui/popup/popup-store';
import '../../ui/popup/popup.css';
import { OPEN_EVERY_MS } from '../../sync/schedule';

/** The tab to read: ?tabId= when opened as a page (tests), none for a selection, else the active tab. */
async function targetTabId(): Promise<number | null> {
  const query = new URLSearchParams(location.search);
  if (query.has('selection')) return null;
  const fromQuery = Number(query.get('tabId'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id == null) throw new Error('There is no active tab to read.');
  return tab.id;
}

const send: Send = (request) => browser.runtime.sendMessage(request);
const language = languageFor(navigator.language);
document.documentElement.lang = language;

const store = createPopupStore({ send, tabId: targetTabId, t: createTranslator(language) });
void store.load();
void store.refreshSync(false);
// While the popup is open, teammates' changes arrive every minute.
setInterval(() => void store.refreshSync(true), OPEN_EVERY_MS);

render(
  <PopupStoreContext.Provider value={store}>
    <Popup />
  </PopupStoreContext.Provider>,
  document.getElementById('app')!,
);
