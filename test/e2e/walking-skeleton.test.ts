import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalSheet } from '../../apps-script/local/server';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from './harness/chromium';

const root = resolve(import.meta.dirname, '../..');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const gmailPage = readFileSync(join(root, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const screenshots = join(root, 'test-results');

type Sheet = Awaited<ReturnType<typeof startLocalSheet>>;
let sheet: Sheet;
let browser: ExtensionBrowser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rapport-sheet-'));
  sheet = await startLocalSheet({ port: 0, dataFile: join(dataDir, 'workbook.json'), token: 'e2e-token-0123456789abcdef', bundlePath: join(root, 'dist/apps-script/Code.js') });
  browser = await launchWithExtension();
  // Gmail itself cannot be reached here: serve the fixture under Gmail's real URL.
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sheet?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const execUrl = () => `${sheet.url.replace(/\/$/, '')}/exec`;

async function configure(url: string, token: string) {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.fill('input[name=syncUrl]', url);
  await options.fill('input[name=syncToken]', token);
  await options.click('button[type=submit]');
  const text = await options.getByTestId('connection').textContent();
  await options.close();
  return text ?? '';
}

async function openPopupFor(tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

function tab(name: string): Record<string, unknown>[] {
  const workbook = JSON.parse(readFileSync(join(dataDir, 'workbook.json'), 'utf8')) as { sheets: Record<string, unknown[][]> };
  const [header = [], ...rows] = workbook.sheets[name] ?? [];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

describe('walking skeleton: Gmail → popup → IndexedDB → local sheet → back', () => {
  it('refuses a wrong token in the options page', async () => {
    expect(await configure(execUrl(), 'wrong-token-0123456789')).toContain('Not saved');
  });

  it('saves the sender, logs the email, syncs to the sheet, and shows a teammate’s edit', async () => {
    expect(await configure(execUrl(), 'e2e-token-0123456789abcdef')).toContain('Connected as');

    const gmail = await browser.context.newPage();
    await gmail.goto(GMAIL_URL);
    const popup = await openPopupFor(await tabIdOf(browser, 'https://mail.google.com/*'));
    const card = popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await expect.poll(() => card.getByTestId('status').textContent()).toBe('New');

    await card.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Contact saved.');
    await card.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Email logged.');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.getByTestId('sync-state').textContent(), { timeout: 15_000 }).toBe('All changes synced');

    const [bea] = tab('Contacts');
    expect(bea).toMatchObject({ 'First name': 'Bea', 'Last name': 'Lindqvist', Emails: 'bea.lindqvist@northwind.test' });
    const [logged] = tab('Interactions');
    expect(logged).toMatchObject({ Subject: 'Pricing for 40 seats', Type: 'email', 'Contact id': bea?.id });

    // Logging the same email again is a no-op.
    await card.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('This email is already logged.');

    // A teammate edits the sheet while it runs.
    const row = 2;
    const header = (JSON.parse(readFileSync(join(dataDir, 'workbook.json'), 'utf8')) as { sheets: Record<string, unknown[][]> }).sheets.Contacts![0]!;
    const edit = await fetch(`${sheet.url.replace(/\/$/, '')}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Contacts', row, column: header.indexOf('Job title') + 1, value: 'Head of Partnerships' }),
    });
    expect(edit.ok).toBe(true);

    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.getByTestId('sync-state').textContent(), { timeout: 15_000 }).toBe('All changes synced');
    await popup.reload();
    const known = popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await expect.poll(() => known.getByTestId('job').textContent()).toContain('Head of Partnerships');
    expect(await known.getByTestId('status').textContent()).toBe('Known · lead');
    await popup.screenshot({ path: join(screenshots, 'popup-gmail.png') });
    expect(tab('Contacts')[0]).toMatchObject({ 'Job title': 'Head of Partnerships', 'Updated by': 'sheet' });
  });
});
