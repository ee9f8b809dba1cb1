import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/harness/chromium';
import type { BenchFigure } from './types';
import { seedInPage, SIZES, templates } from './workspace-data';

// The workspace with a large team's data, in Debian's Chromium on the built extension: 100,000
// contacts and 500,000 interactions in IndexedDB. Time to the first rows, search per keystroke,
// a contact page with 1,000 interactions, a CSV import of 100,000 rows, and the JavaScript the
// page loads.

const root = join(import.meta.dirname, '..');
const RELEASE = join(root, '.output/chrome-mv3');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The page's scripts and module preloads, gzipped: what it loads before its first render. */
function firstLoadBytes(dir: string, html: string): { bytes: number; files: string[] } {
  const page = readFileSync(join(dir, html), 'utf8');
  const files = [...page.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!);
  return { bytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file.replace(/^\//, '')))).length, 0), files };
}
const chunkBytes = (dir: string, prefix: string) => {
  const files = execFileSync('ls', [join(dir, 'chunks')], { encoding: 'utf8' }).split('\n').filter((f) => f.startsWith(prefix));
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, 'chunks', f))).length, 0);
};

/**
 * Notes, in every page, when the first named row is drawn: the frame after it enters the page.
 * Asking the page afterwards instead added the test driver's own round trips (60–80 ms here).
 */
const FIRST_ROW_CLOCK = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-testid=contact-row] .name')) return;
  observer.disconnect();
  requestAnimationFrame(() => (window.firstRowAt = performance.now()));
}).observe(document, { subtree: true, childList: true });`;

async function firstRows(page: Page, url: string, timeout = 30_000): Promise<number> {
  await page.goto('about:blank'); // a fresh document each time: performance.now() counts from its navigation
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstRowAt?: number }).firstRowAt !== undefined, undefined, { timeout });
  return page.evaluate(() => (window as unknown as { firstRowAt: number }).firstRowAt);
}

/** Types each query one key at a time; each keystroke's time from the input event until the list on screen answers it. */
async function keystrokes(page: Page, queries: string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const input = document.querySelector('input[name=search]') as HTMLInputElement;
    const count = () => document.querySelector('[data-testid=contact-count]')!;
    const times: number[] = [];
    for (const query of list) {
      for (let i = 1; i <= query.length; i++) {
        const text = query.slice(0, i);
        const started = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const done = () => count().getAttribute('data-search') === text;
          if (done()) return resolve();
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(count(), { attributes: true });
        });
        times.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 40));
      }
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
    }
    return times;
  }, queries);
}

/** From following a link to the contact page until their history is on screen. */
async function openContact(page: Page, id: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    await page.evaluate(() => (location.hash = '#/contacts'));
    await page.waitForSelector('[data-testid=contact-row] .name');
    times.push(await page.evaluate(async (contactId) => {
      const started = performance.now();
      location.hash = `#/contact/${contactId}`;
      await new Promise<void>((resolve) => {
        const ready = () => (document.querySelectorAll('[data-testid=timeline] > li').length >= 200 ? resolve() : requestAnimationFrame(ready));
        ready();
      });
      return performance.now() - started;
    }, id));
  }
  return times;
}

function outlookCsv(rows: number): string {
  const lines = ['"First Name","Last Name","E-mail Address","Mobile Phone","Company","Job Title","Business City","Notes"'];
  for (let i = 0; i < rows; i++) lines.push(`"Person${i}","Nachname${i % 997}","person${i}@firma${i % 3001}.test","+49 151 ${String(10_000_000 + i)}","Firma ${i % 3001} GmbH","Einkauf","Köln","Zeile ${i}"`);
  return lines.join('\r\n');
}

async function importCsv(browser: ExtensionBrowser, file: string) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/workspace.html#/import`);
  // A person imports in the tab in front; a tab behind is drawn about once a second.
  await page.bringToFront();
  let started = Date.now();
  await page.setInputFiles('input[name=importFile]', file);
  await page.waitForSelector('table.mapping');
  const read = Date.now() - started;
  started = Date.now();
  await page.getByRole('button', { name: /^Check/ }).click();
  await page.waitForSelector('[data-testid=import-report]', { timeout: 120_000 });
  const check = Date.now() - started;
  started = Date.now();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.waitForSelector('[data-testid=import-result]', { timeout: 120_000 });
  const write = Date.now() - started;
  const result = await page.textContent('[data-testid=import-result]');
  started = Date.now();
  await page.waitForSelector('[data-testid=import-result][data-state=added]', { timeout: 600_000 });
  const added = Date.now() - started;
  await page.goto(`chrome-extension://${browser.extensionId}/workspace.html#/contacts`);
  await page.waitForSelector('[data-testid=contact-row] .name');
  // The count comes with the list's first answer, just after its first rows.
  await page.waitForSelector('[data-testid=contact-count][data-search=""]');
  const listed = await page.textContent('[data-testid=contact-count]');
  await page.close();
  return { read, check, write, added, result: result ?? '', listed: listed ?? '' };
}

/** 100,000 contacts and 500,000 interactions: the first rows, search, and a contact page. */
async function listFigures(): Promise<BenchFigure[]> {
  const browser = await launchWithExtension(RELEASE);
  try {
    // tsx names the functions evaluated in pages with a helper the page does not have.
    await browser.context.addInitScript('globalThis.__name = (f) => f');
    await browser.context.addInitScript(FIRST_ROW_CLOCK);
    const seedPage = await browser.context.newPage();
    await seedPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    let started = Date.now();
    const busy = await seedPage.evaluate(seedInPage, { sizes: SIZES, templates });
    const seeded = Date.now() - started;
    await seedPage.close();

    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.setViewportSize({ width: 1400, height: 900 });
    const url = `chrome-extension://${browser.extensionId}/workspace.html#/contacts`;
    started = Date.now();
    await firstRows(page, url, 600_000);
    const upgrade = Date.now() - started;
    // The one-off upgrade writes 600,000 records; for half a minute after it the browser is busy
    // with them (first opens then take 0.9–3.5 s). A member opens the workspace on a settled database.
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const opens: number[] = [];
    for (let run = 0; run < 7; run++) opens.push(await firstRows(page, url));
    const typed = await keystrokes(page, ['schmidt', 'lindqvist', 'northwind', 'anna mül', 'bea.lindqvist', '0151 1000', 'mueller sören']);
    const contactPage = await openContact(page, busy);
    await page.close();
    return [
      { name: 'workspace: first rows of 100,000 contacts (median of 7 loads)', value: Math.round(median(opens)), unit: 'ms', target: { op: '<', value: 300 }, note: `page load to the frame that draws the first rows (timed in the page); 500,000 interactions in the database; measured 30 s after the one-off upgrade` },
      { name: 'workspace: search per keystroke (median)', value: round(median(typed)), unit: 'ms', target: { op: '<', value: 30 }, note: `${typed.length} keystrokes over 7 queries; 95th percentile ${round(percentile(typed, 0.95))} ms, slowest ${round(Math.max(...typed))} ms` },
      { name: 'workspace: contact page with 1,000 interactions (median of 7)', value: round(median(contactPage)), unit: 'ms', target: { op: '<', value: 100 }, note: 'link followed → first 200 history rows on screen' },
      { name: 'workspace: first open of an older database (upgrade builds the index)', value: Math.round(upgrade / 100) / 10, unit: 's', note: `100,000 contacts, 500,000 interactions; written in ${Math.round(seeded / 1000)} s` },
    ];
  } finally {
    await browser.close();
  }
}

/** An Outlook export of 100,000 rows into an empty profile: saved, then in the list. */
async function importFigures(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
  const file = join(dir, 'contacts.csv');
  writeFileSync(file, outlookCsv(100_000));
  const browser = await launchWithExtension(RELEASE);
  try {
    const run = await importCsv(browser, file);
    if (!/100,000 new/.test(run.result)) throw new Error(`import did not save every row: ${run.result}`);
    if (!/^100,000 contacts/.test(run.listed)) throw new Error(`the list does not show every imported contact: ${run.listed}`);
    return [
      { name: 'workspace: CSV import of 100,000 rows, file chosen → saved', value: Math.round((run.read + run.check + run.write) / 100) / 10, unit: 's', target: { op: '<', value: 10 }, note: `read and mapped ${round(run.read / 1000)} s, checked ${round(run.check / 1000)} s, saved whole in one transaction ${round(run.write / 1000)} s` },
      { name: 'workspace: the saved import added to the list and search', value: Math.round(run.added / 100) / 10, unit: 's', note: 'after saving, in parts of 2,000 (each contact with its list row, search words and outbox entry); the list fills as it goes' },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function workspaceBenchmark(): Promise<BenchFigure[]> {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  const initial = firstLoadBytes(RELEASE, 'workspace.html');
  const lazy = chunkBytes(RELEASE, 'papaparse') + chunkBytes(RELEASE, 'ical') + chunkBytes(RELEASE, 'csv-file') + chunkBytes(RELEASE, 'vcard-file') + chunkBytes(RELEASE, 'column-guesses');
  // WORKSPACE_BENCH=import measures the import alone (the large database takes minutes to seed).
  const parts = (process.env.WORKSPACE_BENCH ?? 'list,import').split(',');
  return [
    ...(parts.includes('list') ? await listFigures() : []),
    ...(parts.includes('import') ? await importFigures() : []),
    { name: 'workspace JavaScript before first render, gzipped', value: kilobytes(initial.bytes), unit: 'KB', note: `${initial.files.join(' ')}; import and export load ${kilobytes(lazy)} KB more (papaparse, ical.js) when used` },
  ];
}
