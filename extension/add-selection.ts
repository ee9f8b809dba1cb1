import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { candidateSchema, type Candidate } from './capture/candidate';
import { readSelection } from './capture/selection';

/**
 * "Add selection to Rapport": the context menu on selected text (a signature, an address
 * block) reads it as a contact and opens the popup with it.
 */
const MENU_ID = 'rapport-add-selection';
const pendingSelectionItem = storage.defineItem<Candidate | null>('session:pendingSelection', { fallback: null });

export function registerSelectionMenu() {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('addSelection') || 'Add selection to Rapport', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void openWithSelection(info.selectionText);
  });
}

async function openWithSelection(text: string) {
  await pendingSelectionItem.setValue(readSelection(text));
  // A context-menu click may not open the toolbar popup, so show the popup page in a small window.
  await browser.windows.create({ url: browser.runtime.getURL('/popup.html?selection=1'), type: 'popup', width: 380, height: 640 });
}

/** The selection waiting for the popup, taken once. */
export async function takeSelection(): Promise<Candidate | null> {
  const pending = candidateSchema.nullable().safeParse(await pendingSelectionItem.getValue());
  await pendingSelectionItem.setValue(null);
  return pending.success ? pending.data : null;
}
