import { setupLink } from '../../shared/setup-link';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startRapport, TOKEN } from './harness/rapport';

// A first run that explains itself: the welcome page opens on install, shows how to pin the
// button, connects the sheet from one set-up link, and lets Rapport read a sample email.
let rapport: Awaited<ReturnType<typeof startRapport>>;

beforeAll(async () => {
  rapport = await startRapport();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await rapport?.stop();
});

async function welcomePage(): Promise<Page> {
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  const page = rapport.browser.context.pages().find(isWelcome) ?? (await rapport.browser.context.waitForEvent('page', { predicate: isWelcome }));
  await page.setViewportSize({ width: 1100, height: 900 });
  return page;
}

describe('the first run', () => {
  it('opens the welcome page on install: pin the button, connect with one link, try a sample email', async () => {
    const page = await welcomePage();
    expect(await page.locator('.step > h2').allTextContents()).toEqual(['1Pin Rapport to the toolbar', '2Connect your team’s sheet', '3Try it on a sample email']);
    expect(await page.getByText('Click the puzzle piece').textContent()).toContain('then the pin next to Rapport');

    // The sample email, read by the real page reader in the popup beside it.
    const popup = page.frameLocator('iframe[title=Rapport]');
    const jonas = popup.getByTestId('candidate').filter({ hasText: 'jonas.berger@fjellheim-outdoor.example' });
    await expect.poll(() => jonas.getByTestId('job').textContent(), { timeout: 10_000 }).toBe('Head of Purchasing · Fjellheim Outdoor GmbH');
    expect(await popup.getByTestId('candidate').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'welcome-en.png'), fullPage: true });

    await page.fill('input[name=setupLink]', setupLink(rapport.sheet.execUrl, TOKEN));
    expect(await page.inputValue('input[name=syncUrl]')).toBe(rapport.sheet.execUrl);
    await page.getByRole('button', { name: 'Save and test connection' }).click();
    await expect.poll(() => page.getByTestId('welcome-connected').textContent()).toBe('✓ Connected as you@rapport.local.');

    // Trying it is the real thing: the sample person is saved, logged and synced like anyone.
    await jonas.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => jonas.getByRole('status').textContent()).toBe('Email logged.');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => popup.getByTestId('sync-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    expect(rapport.rows('Contacts')).toEqual([expect.objectContaining({ 'First name': 'Jonas', 'Last name': 'Berger', Phones: '+498921904471', Company: 'Fjellheim Outdoor GmbH' })]);
    expect(rapport.rows('Interactions')).toEqual([expect.objectContaining({ Subject: 'Quote for 25 touring tents', Type: 'email' })]);
  });

  it('shows icons at every size in the toolbar', async () => {
    const manifest = await rapport.browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { icons: Record<string, string>; action: { default_icon: Record<string, string> } } } } }).chrome.runtime.getManifest());
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48', '96']);
    const page = await rapport.browser.context.newPage();
    for (const [size, path] of Object.entries(manifest.icons)) {
      await page.goto(`chrome-extension://${rapport.browser.extensionId}/${path}`);
      expect(await page.evaluate(() => [document.images[0]?.naturalWidth, document.images[0]?.naturalHeight]), size).toEqual([Number(size), Number(size)]);
    }
    await page.close();
  });
});
