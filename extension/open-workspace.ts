import { browser } from 'wxt/browser';

/** "Open workspace" on the toolbar button's context menu (right click), and from the popup. */
const MENU_ID = 'rapport-open-workspace';

export const openWorkspace = () => browser.tabs.create({ url: browser.runtime.getURL('/workspace.html') });

export function registerWorkspaceMenu() {
  browser.runtime.onInstalled.addListener(() => {
    // MV3 calls the toolbar button "action", MV2 (Firefox) "browser_action".
    const contexts = [browser.runtime.getManifest().manifest_version === 2 ? 'browser_action' : 'action'] as ['action'];
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('openWorkspace') || 'Open workspace', contexts });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void openWorkspace();
  });
}
