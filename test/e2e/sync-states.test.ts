import { setupLink } from '../../shared/setup-link';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../extension/ui/i18n';
import type { ConnectionProblemCode } from '../../extension/sync/test-connection';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup, TOKEN } from './harness/rapport';
import { startWebAppStandIn, type StandInMode } from './harness/web-app-stand-in';

// The truth about sync, in the popup's footer and on the options page: not connected, changes
// waiting, syncing, synced at …, and every cause of failure in words, each its own.
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const en = createI18n('en');

let rapport: Awaited<ReturnType<typeof startRapport>>;
let standIn: Awaited<ReturnType<typeof startWebAppStandIn>>;
let tabId: number;

beforeAll(async () => {
  rapport = await startRapport();
  standIn = await startWebAppStandIn(rapport.sheet.execUrl);
  await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  await (await rapport.browser.context.newPage()).goto(GMAIL_URL);
  tabId = await tabIdOf(rapport.browser, 'https://mail.google.com/*');
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await standIn?.close();
  await rapport?.stop();
});

const footer = (popup: Page) => popup.getByTestId('sync-state');
const state = async (popup: Page) => [await footer(popup).getAttribute('data-state'), (await footer(popup).textContent()) ?? ''];
const setStorage = (values: Record<string, string>) =>
  rapport.browser.serviceWorker.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set(v), values);

describe('the sync footer and the options page tell the truth', () => {
  it('says “not connected” with a way to connect, and counts the changes kept here', async () => {
    const popup = await rapport.openPopup(tabId);
    await expect.poll(() => state(popup)).toEqual(['not_connected', en.t('notConnected')]);
    expect(await popup.getByRole('button', { name: 'Connect' }).count()).toBe(1);
    await popup.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => state(popup)).toEqual(['not_connected', `${en.t('notConnected')}${en.n('pending', 1)}`]);
    expect(await footer(popup).textContent()).toContain('1 change saved here, waiting to sync');
    await popup.close();
  });

  it('shows the connection on the options page, syncing while it runs, live, and when it last synced', async () => {
    expect(await rapport.configure(standIn.execUrl, TOKEN)).toBe('Connected as you@rapport.local. Settings saved.');
    const popup = await rapport.openPopup(tabId);
    await expect.poll(() => footer(popup).getAttribute('data-state')).toBe('synced');
    expect(await footer(popup).textContent()).toMatch(/^Synced \d{2}:\d{2}\s?[AP]M$/);

    // A sync started elsewhere (the options page) shows in the open popup as it runs.
    standIn.setMode('slow');
    await popup.getByTestId('candidate').first().getByRole('button', { name: 'Note' }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill('Asked for a reference customer');
    await popup.getByRole('button', { name: 'Add note' }).click();
    const options = await rapport.browser.context.newPage();
    await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('connected').textContent()).toMatch(/^Connected as you@rapport\.local · last sync /);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => footer(popup).getAttribute('data-state'), { timeout: 5000 }).toBe('syncing');
    expect(await footer(popup).textContent()).toMatch(/^Syncing…/);
    await expect.poll(() => footer(popup).getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');
    standIn.setMode('pass');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-connected-en.png'), fullPage: true });
    await options.close();
    await popup.close();
  });

  const causes: [string, StandInMode, ConnectionProblemCode, string][] = [
    ['no network', 'offline', 'network', ''],
    ['a web app that asks for a sign-in', 'sign-in', 'sign_in', ''],
    ['the spreadsheet’s URL instead of the web app’s', 'spreadsheet-page', 'not_rapport', ''],
    ['a script that fails', 'script-error', 'script_error', "TypeError: Cannot read properties of undefined (reading 'getRange')"],
    ['Google’s time limit', 'timeout', 'timeout', ''],
    ['Google’s daily quota', 'quota', 'quota', ''],
    ['a busy sheet', 'busy', 'busy', ''],
    ['a problem inside the sheet', 'internal', 'internal', 'The sheet could not process the sync: Range not found'],
    ['an HTTP error', 'http-502', 'http', '502'],
    ['an answer that is not Rapport’s', 'not-the-protocol', 'bad_response', ''],
  ];

  it.each(causes)('tells %s in its own words, and keeps the changes', async (_, mode, code, detail) => {
    const popup = await rapport.openPopup(tabId);
    await popup.getByTestId('candidate').first().getByRole('button', { name: 'Note' }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill(`Note while the sheet is ${mode}`);
    await popup.getByRole('button', { name: 'Add note' }).click();
    standIn.setMode(mode);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const message = en.label('syncError', code, { detail });
    await expect.poll(() => footer(popup).getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await footer(popup).locator('span').first().textContent()).toBe(message);
    expect(await footer(popup).textContent()).toMatch(/\d+ changes? saved here, waiting to sync$/);
    if (code === 'not_rapport') {
      const options = await rapport.browser.context.newPage();
      await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
      await expect.poll(() => options.getByTestId('options-sync-state').textContent()).toContain(message);
      await options.screenshot({ path: join(SCREENSHOTS, 'options-failing-en.png'), fullPage: true });
      await options.close();
    }
    standIn.setMode('pass');
    await syncFromPopup(popup);
    await popup.close();
  });

  it('tells a revoked or wrong token', async () => {
    await setStorage({ syncToken: 'revoked-token-0123456789' });
    const popup = await rapport.openPopup(tabId);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => footer(popup).getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    expect(await footer(popup).locator('span').first().textContent()).toBe(en.label('syncError', 'unauthorized'));
    await setStorage({ syncToken: TOKEN });
    await syncFromPopup(popup);
    await popup.close();
  });

  it('refuses a wrong URL or token on the options page with the cause, and saves nothing', async () => {
    const options = await rapport.browser.context.newPage();
    await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Connect another sheet' }).click();
    await options.fill('input[name=syncUrl]', `${rapport.sheet.url}/`);
    await options.fill('input[name=syncToken]', TOKEN);
    await options.getByRole('button', { name: 'Save and test connection' }).click();
    await expect.poll(() => options.getByTestId('connection').textContent()).toBe(`Not saved: ${en.label('syncError', 'not_rapport')}`);
    // A set-up link fills both fields at once.
    await options.fill('input[name=setupLink]', setupLink(standIn.execUrl, TOKEN));
    expect([await options.inputValue('input[name=syncUrl]'), await options.inputValue('input[name=syncToken]')]).toEqual([standIn.execUrl, TOKEN]);
    await options.getByRole('button', { name: 'Save and test connection' }).click();
    await expect.poll(() => options.getByTestId('connection').textContent()).toBe('Connected as you@rapport.local. Settings saved.');
    await options.close();
  });
});
