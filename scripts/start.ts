import { setupLink } from '../shared/setup-link';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalSheet } from '../apps-script/local/server';
import { findBrowser, howToGetBrowser, onPath, thisMachine } from './find-browser';
import { isFree, portInUseMessage } from './port-in-use';

// `npm start`: build, start the local sheet, and open Chromium with the extension loaded and
// pointed at it — or, without a display, say how to load it by hand.
const root = resolve(import.meta.dirname, '..');
const stateDir = join(root, '.rapport');
mkdirSync(stateDir, { recursive: true });

const port = Number(process.env.PORT ?? 8787);
if (!(await isFree(port))) {
  // npm start runs the local sheet itself: a second one (npm run sheet:local) is not needed.
  console.error(await portInUseMessage(port, (free, rapport) => `PORT=${free} npm start${rapport ? ' (or stop the other sheet: both keep their data in .rapport/workbook.json)' : ''}`));
  process.exit(1);
}

execSync('npm run build', { cwd: root, stdio: 'inherit' });

const tokenFile = join(stateDir, 'token');
const token = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : randomBytes(16).toString('hex');
writeFileSync(tokenFile, token);
const sheet = await startLocalSheet({ port, dataFile: join(stateDir, 'workbook.json'), token, bundlePath: join(root, 'dist/apps-script/Code.js') });
const execUrl = sheet.execUrl;
const extensionDir = join(root, '.output/chrome-mv3');

console.log(`\nLocal sheet: ${sheet.url} (grid of every tab; edit cells like a teammate)`);
console.log(`Sync URL:    ${execUrl}`);
console.log(`Token:       ${token}`);
console.log(`Set-up link: ${setupLink(execUrl, token)} (paste it into Rapport's welcome page or options)\n`);

const browser = findBrowser();
if (process.env.DISPLAY && browser.found) {
  const context = await chromium.launchPersistentContext(join(stateDir, 'chromium-profile'), {
    executablePath: browser.path,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, '--no-first-run', '--disable-sync'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  // A profile from an earlier run is connected already: connect it to this sheet again.
  await options.locator('input[name=syncUrl], [data-testid=connected]').first().waitFor();
  if (await options.getByTestId('change-connection').count()) await options.getByTestId('change-connection').click();
  await options.fill('input[name=syncUrl]', execUrl);
  await options.fill('input[name=syncToken]', token);
  await options.click('button[type=submit]');
  console.log(`Rapport options: ${await options.getByTestId('connection').textContent()}`);
  const sheetTab = await context.newPage();
  await sheetTab.goto(sheet.url);
  console.log('Chromium is open with Rapport loaded and connected to the local sheet. Ctrl-C stops both.');
  context.on('close', () => void sheet.close().then(() => process.exit(0)));
} else {
  if (!process.env.DISPLAY) console.log('No display here, so no browser was opened. To try Rapport:');
  else if (!browser.found) console.log(`${howToGetBrowser(thisMachine(), browser.reason, 'npm start')}\nMeanwhile, to try Rapport:`);
  console.log(`  1. In Chrome or Chromium open chrome://extensions, turn on Developer mode, "Load unpacked" → ${extensionDir}`);
  console.log(`  2. Paste the set-up link above into Rapport's welcome page (or the sync URL and token into its options).`);
  if (!process.env.DISPLAY && onPath('xvfb-run', process.env)) {
    console.log('Or open Chromium with Rapport loaded on a virtual display: xvfb-run npm start');
  }
  console.log('The local sheet keeps running; Ctrl-C stops it.');
}
process.on('SIGINT', () => void sheet.close().then(() => process.exit(0)));
