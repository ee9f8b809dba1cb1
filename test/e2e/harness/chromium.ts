import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { findBrowser, howToGetBrowser, thisMachine } from '../../../scripts/find-browser';

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-e2e');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Chromium (the one npm test ensured) with the built extension loaded, in a fresh profile; `locale` sets the browser's language. */
export async function launchWithExtension(extensionDir = E2E_EXTENSION_DIR, options: { locale?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run npm run build:e2e first.`);
  const browser = findBrowser();
  if (!browser.found) throw new Error(howToGetBrowser(thisMachine(), browser.reason, 'npm test'));
  const profile = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.path,
    headless: true,
    // The browser's language (navigator.language in pages and in the service worker), e.g. 'de-DE'.
    ...(options.locale ? { locale: options.locale } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, as the extension sees it. */
export async function tabIdOf(browser: ExtensionBrowser, urlPattern: string): Promise<number> {
  // Runs in the service worker, where `chrome` is the extension API.
  const ids = await browser.serviceWorker.evaluate(async (pattern) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ url: pattern })).map((tab) => tab.id);
  }, urlPattern);
  const id = ids[0];
  if (typeof id !== 'number') throw new Error(`no tab matches ${urlPattern}`);
  return id;
}
