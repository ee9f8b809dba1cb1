import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { inflateGmailThread } from '../test/fixtures/capture/inflate-gmail-thread';
import { E2E_EXTENSION_DIR, launchWithExtension, tabIdOf, type ExtensionBrowser } from '../test/e2e/harness/chromium';
import type { BenchFigure } from './types';

// What a salesperson feels when clicking the toolbar: how much JavaScript the popup loads before
// its first render, how long until the first person shows, and how long reading a huge Gmail
// thread takes inside the page. Measured in Debian's Chromium on the built extension.

const root = join(import.meta.dirname, '..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const BIG_THREAD = 'https://mail.google.com/mail/u/0/#inbox/big';
const MESSAGE = 'https://mail.google.com/mail/u/1/#inbox/message';

/** The popup's scripts and module preloads, gzipped: what it loads before the first render. */
function popupFirstRenderBytes(dir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file.replace(/^\//, '')))).length, 0);
  return { bytes, files };
}

async function timeToFirstCandidate(browser: ExtensionBrowser, popup: Page, tabId: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 9; run++) {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid=candidate]');
    times.push(await popup.evaluate(() => performance.now()));
  }
  return median(times);
}

/** The page reader injected on every click, and the microformats parser injected only into pages with h-card markup. */
function readerBytes(dir: string) {
  const size = (file: string) => {
    const code = readFileSync(join(dir, file));
    return { raw: code.length, gzipped: gzipSync(code).length };
  };
  return { reader: size('capture.js'), microformats: size('microformats.js') };
}

const kilobytes = (bytes: number) => Math.round(bytes / 102.4) / 10;

export default async function popupBenchmark(): Promise<BenchFigure[]> {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: 'ignore' });
  const release = popupFirstRenderBytes(join(root, '.output/chrome-mv3'));
  const injected = readerBytes(join(root, '.output/chrome-mv3'));

  const thread = inflateGmailThread(readFileSync(join(root, 'test/fixtures/capture/gmail-thread-de.html'), 'utf8'), 5 * 1024 * 1024);
  const message = readFileSync(join(root, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
  const captureScript = readFileSync(join(E2E_EXTENSION_DIR, 'capture.js'), 'utf8');
  const browser = await launchWithExtension();
  try {
    await browser.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: route.request().url().includes('/u/0/') ? thread : message }));
    const big = await browser.context.newPage();
    await big.goto(BIG_THREAD);
    const small = await browser.context.newPage();
    await small.goto(MESSAGE);

    // The reader exactly as injected (capture.js), run in the page: parse + read + return.
    const extraction: number[] = [];
    for (let run = 0; run < 11; run++) {
      extraction.push(await big.evaluate((code) => {
        const started = performance.now();
        const result = (0, eval)(code) as { candidates: unknown[] };
        if (!result.candidates.length) throw new Error('no candidates');
        return performance.now() - started;
      }, captureScript));
    }

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    const onMessage = await timeToFirstCandidate(browser, popup, await tabIdOf(browser, 'https://mail.google.com/mail/u/1/*'));
    const onBigThread = await timeToFirstCandidate(browser, popup, await tabIdOf(browser, 'https://mail.google.com/mail/u/0/*'));
    return [
      { name: 'page reader injected on every click (capture.js), raw', value: kilobytes(injected.reader.raw), unit: 'KB', target: { op: '<', value: 250 }, note: `${kilobytes(injected.reader.gzipped)} KB gzipped` },
      { name: 'page reader, gzipped', value: kilobytes(injected.reader.gzipped), unit: 'KB' },
      { name: 'microformats parser, injected only with h-card markup, raw', value: kilobytes(injected.microformats.raw), unit: 'KB', note: `${kilobytes(injected.microformats.gzipped)} KB gzipped` },
      { name: 'extraction on a 5 MB Gmail thread in Chromium (median of 11)', value: Math.round(median(extraction) * 10) / 10, unit: 'ms', target: { op: '<', value: 50 } },
      { name: 'popup JavaScript before first render, gzipped', value: kilobytes(release.bytes), unit: 'KB', target: { op: '<', value: 60 }, note: release.files.join(' ') },
      { name: 'popup open → first candidate, Gmail message (median of 9)', value: Math.round(onMessage), unit: 'ms', target: { op: '<', value: 150 } },
      { name: 'popup open → first candidate, 5 MB Gmail thread (median of 9)', value: Math.round(onBigThread), unit: 'ms', target: { op: '<', value: 150 } },
    ];
  } finally {
    await browser.close();
  }
}
