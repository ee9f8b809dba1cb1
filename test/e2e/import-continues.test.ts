import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/chromium';

// A large import is saved whole first, then added to the list a part at a time. Closing the page
// in between loses nothing: the service worker adds the rest.

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const ROWS = 6000;

it('adds a saved import to the list after its page was closed half-way', async () => {
  const file = join(tmpdir(), `rapport-import-${Date.now()}.csv`);
  const lines = ['"First Name","Last Name","E-mail Address","Company"'];
  for (let i = 0; i < ROWS; i++) lines.push(`"Person${i}","Nachname${i % 97}","person${i}@firma${i % 301}.test","Firma ${i % 301} GmbH"`);
  writeFileSync(file, lines.join('\r\n'));

  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/workspace.html#/import`);
  await page.bringToFront();
  await page.setInputFiles('input[name=importFile]', file);
  await page.getByRole('button', { name: 'Check 6,000 rows' }).click();
  await page.getByRole('button', { name: 'Import 6,000 contacts' }).click();
  const result = page.getByTestId('import-result');
  expect(await result.textContent()).toBe('Imported: 6,000 new, 0 updated, 0 skipped.');
  // Saved, and still being added (three parts of 2,000) when the page goes.
  expect(await result.getAttribute('data-state')).toBe('adding');
  await page.close();

  // No page of Rapport is open: the service worker adds the rest.
  const stored = () => browser.serviceWorker.evaluate(async () => {
    const open = indexedDB.open('rapport');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const count = (store: string) => new Promise<number>((resolve) => {
      const request = db.transaction(store).objectStore(store).count();
      request.onsuccess = () => resolve(request.result);
    });
    const counts = { contacts: await count('contacts'), outbox: await count('outbox'), waiting: await count('importBatches') };
    db.close();
    return counts;
  });
  // Each contact once, each queued once for the sheet.
  await expect.poll(stored, { timeout: 60_000 }).toEqual({ contacts: ROWS, outbox: ROWS, waiting: 0 });

  const later = await browser.context.newPage();
  await later.goto(`chrome-extension://${browser.extensionId}/workspace.html#/contacts`);
  await later.bringToFront();
  await expect.poll(() => later.getByTestId('contact-count').textContent()).toBe('6,000 contacts');
  expect(await later.getByTestId('import-adding').count()).toBe(0);
  await later.fill('input[name=search]', 'person5999@');
  await expect.poll(() => later.getByTestId('contact-row').locator('.name').allTextContents()).toEqual(['Person5999 Nachname82']);
});
