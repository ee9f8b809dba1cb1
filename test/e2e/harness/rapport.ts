import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startLocalSheet, type LocalSheet } from '../../../apps-script/local/server';
import { addMember } from '../../../apps-script/src/members';
import { localTeam } from '../../../apps-script/local/team';
import { launchWithExtension, type ExtensionBrowser } from './chromium';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SCREENSHOTS = join(ROOT, 'test-results');
export const TOKEN = 'e2e-token-0123456789abcdef';

/** The local sheet on the built bundle plus Chromium with the built extension. */
export async function startRapport(options: { locale?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-sheet-'));
  const dataFile = join(dataDir, 'workbook.json');
  const sheet: LocalSheet = await startLocalSheet({ port: 0, dataFile, token: TOKEN, bundlePath: join(ROOT, 'dist/apps-script/Code.js'), log: () => {} });
  const browser: ExtensionBrowser = await launchWithExtension(undefined, { locale: options.locale });
  const { configure, openPopup, stored, badge } = member(browser, sheet.execUrl, TOKEN);
  const others: ExtensionBrowser[] = [];

  /** Another member of the team: added to the sheet with a token of their own, in a browser profile of their own. */
  async function addTeammate(email: string) {
    const token = `e2e-${email.replace(/\W/g, '-')}-0123456789`;
    addMember(localTeam(sheet.google), email, token, new Date());
    const other = await launchWithExtension(undefined, { locale: options.locale });
    others.push(other);
    return { browser: other, token, ...member(other, sheet.execUrl, token) };
  }

  /** A tab of the sheet as a person sees it, one object per row keyed by header. */
  function rows(tab: string): Record<string, unknown>[] {
    // As the workbook file would hold it (changes reach the file itself only when the sheet stops).
    const workbook = sheet.google.toJSON();
    const [header = [], ...data] = workbook.sheets[tab] ?? [];
    // The workbook keeps cells as typed: a leading apostrophe marks literal text.
    const shown = (cell: unknown) => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell);
    return data.map((row) => Object.fromEntries(header.map((h, i) => [String(h), shown(row[i])])));
  }

  function header(tab: string): unknown[] {
    return sheet.google.toJSON().sheets[tab]?.[0] ?? [];
  }

  /** Types into a cell as a teammate would in the sheet (1-based row and column). */
  async function editCell(tab: string, row: number, column: number, value: string) {
    const response = await fetch(`${sheet.url}/api/cell`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheet: tab, row, column, value }) });
    if (!response.ok) throw new Error(`cell edit failed: ${response.status} ${await response.text()}`);
  }

  /** Records arriving from another device of the team, straight to the sheet's web app. */
  async function fromElsewhere(changes: Partial<Record<'contacts' | 'interactions' | 'deals' | 'followUps', unknown[]>>) {
    const answer = await fetch(sheet.execUrl, {
      method: 'POST',
      body: JSON.stringify({ token: TOKEN, clientId: 'elsewhere', since: 0, changes: { contacts: [], companies: [], interactions: [], deals: [], followUps: [], ...changes } }),
    });
    const body = (await answer.json()) as { ok: boolean; rejected?: unknown[] };
    if (!body.ok || body.rejected?.length) throw new Error(`the sheet refused: ${JSON.stringify(body)}`);
  }

  /** Runs a global function of the sheet's script, as a menu click or a trigger would. */
  async function runInSheet(name: string) {
    const run = await fetch(`${sheet.url}/api/run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ function: name }) });
    if (!run.ok) throw new Error(`${name} failed: ${await run.text()}`);
  }

  async function stop() {
    for (const other of others) await other.close();
    await browser.close();
    await sheet.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { sheet, browser, configure, openPopup, stored, badge, rows, header, editCell, addTeammate, fromElsewhere, runInSheet, stop };
}

/**
 * Clicks Sync now on a page (the popup or the workspace) and waits until that sync, not an earlier
 * one, has succeeded with nothing left waiting. First the page must know where syncing stands:
 * until then it shows no last success, and a sync already running could end before the click's
 * own sync has even begun (both made tests pass on a sync that missed a teammate's change).
 */
export async function syncNow(page: Page, button: string | RegExp = /^(Sync now|Jetzt synchronisieren)$/) {
  const state = page.getByTestId('sync-state');
  await expect.poll(async () => ['unknown', 'syncing', null].includes(await state.getAttribute('data-state')), { timeout: 20_000 }).toBe(false);
  const before = await state.getAttribute('data-last-success');
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await expect.poll(async () => [await state.getAttribute('data-last-success') !== before, await state.getAttribute('data-state')], { timeout: 20_000 }).toEqual([true, 'synced']);
}

/** Sync now in the popup; its footer then says "Synced …". */
export async function syncFromPopup(popup: Page) {
  await syncNow(popup, 'Sync now');
  expect(await popup.getByTestId('sync-state').textContent()).toMatch(/^Synced /);
}

/** The options page and the popup of one member's browser. */
function member(browser: ExtensionBrowser, execUrl: string, token: string) {
  async function configure(url = execUrl, memberToken = token) {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name=syncUrl], [data-testid=connected]').first().waitFor();
    if (await options.getByTestId('change-connection').count()) await options.getByTestId('change-connection').click();
    await options.fill('input[name=syncUrl]', url);
    await options.fill('input[name=syncToken]', memberToken);
    await options.click('button[type=submit]');
    const text = await options.getByTestId('connection').textContent();
    await options.close();
    return text ?? '';
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await browser.context.newPage();
    // The toolbar popup's real size: Chrome caps it at 600 px high.
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    return popup;
  }

  /** A table of the member's IndexedDB, read in the service worker. */
  async function stored(table: string): Promise<Record<string, unknown>[]> {
    return browser.serviceWorker.evaluate(
      (name) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const open = indexedDB.open('rapport');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
            request.onerror = () => reject(request.error);
          };
        }),
      table,
    );
  }

  /** What the toolbar button's badge says. */
  const badge = () => browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

  return { configure, openPopup, stored, badge };
}
