import { chromium } from 'playwright-core';
import { seedInPage, SIZES, templates } from './bench/workspace-data';
const dir = '/work/wt-workspace/.output/chrome-mv3';
const context = await chromium.launchPersistentContext('/tmp/rapport-perf-profile', { executablePath: '/usr/bin/chromium', headless: true, args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu'] });
await context.addInitScript('globalThis.__name = (f) => f');
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.text()));
await page.goto(`chrome-extension://${id}/options.html`);
const dbs = await page.evaluate(() => indexedDB.databases());
if (!dbs.some((d) => d.name === 'rapport')) {
  const t = Date.now();
  console.log('seeding', await page.evaluate(seedInPage, { sizes: SIZES, templates }), Date.now() - t);
}
await page.setViewportSize({ width: 1400, height: 900 });
for (let i = 0; i < 3; i++) {
  await page.goto('about:blank');
  const t = Date.now();
  await page.goto(`chrome-extension://${id}/workspace.html#/contacts`);
  await page.waitForSelector('[data-testid=contact-row] .name', { timeout: 600000 });
  console.log('first rows', await page.evaluate(() => performance.now()), Date.now() - t);
}
const mode = process.argv[2] ?? 'search';
if (mode === 'search') {
  const times = await page.evaluate(async (list) => {
    const input = document.querySelector('input[name=search]') as HTMLInputElement;
    const count = () => document.querySelector('[data-testid=contact-count]')!;
    const out: string[] = [];
    for (const query of list) {
      for (let i = 1; i <= query.length; i++) {
        const text = query.slice(0, i);
        const started = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const done = () => count().getAttribute('data-search') === text;
          if (done()) return resolve();
          const o = new MutationObserver(() => { if (done()) { o.disconnect(); resolve(); } });
          o.observe(count(), { attributes: true });
        });
        out.push(`${text}:${Math.round(performance.now() - started)}:${count().textContent}`);
        await new Promise((r) => setTimeout(r, 40));
      }
    }
    return out;
  }, ['schmidt', 'anna mül', '0151 1000']);
  console.log(times.join('  '));
}
const busy = '01900001-0000-7000-8000-000000000000';
for (let i = 0; i < 3; i++) {
  await page.evaluate(() => (location.hash = '#/contacts'));
  await page.waitForSelector('[data-testid=contact-row] .name');
  console.log('contact', await page.evaluate(async (contactId) => {
    const started = performance.now();
    location.hash = `#/contact/${contactId}`;
    await new Promise<void>((resolve) => {
      const ready = () => (document.querySelectorAll('[data-testid=timeline] > li').length >= 200 ? resolve() : requestAnimationFrame(ready));
      ready();
    });
    return performance.now() - started;
  }, busy));
}
await context.close();
