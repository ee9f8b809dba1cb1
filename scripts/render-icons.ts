import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser, howToGetBrowser, thisMachine } from './find-browser';

// Renders scripts/icon.svg to the PNG sizes browsers ask for (public/icon/16.png … 128.png), in
// Chromium, so the toolbar shows the same drawing at every size. Run after changing the SVG:
// npx tsx scripts/render-icons.ts
const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'scripts/icon.svg'), 'utf8');
const found = findBrowser();
if (!found.found) throw new Error(howToGetBrowser(thisMachine(), found.reason, 'npx tsx scripts/render-icons.ts'));
const browser = await chromium.launch({ executablePath: found.path, args: ['--no-sandbox'] });
try {
  for (const size of [16, 32, 48, 96, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
