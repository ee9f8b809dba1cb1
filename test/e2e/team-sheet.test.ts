import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSheet, type LocalSheet } from '../../apps-script/local/server';
import { formatWorkbookJson } from '../../apps-script/local/workbook-json';
import { findBrowser } from '../../scripts/find-browser';
import { ANN, BO, NOW, seededTeam } from '../apps-script/seeded-team';
import { ROOT, SCREENSHOTS } from './harness/rapport';

// The team's sheet as people see it, in Chromium: the Team members and Settings sidebars (their
// buttons calling the bundle through google.script.run), a digest in English and in German, a
// Done link clicked, and the Dashboard tab with its charts. Screenshots land in test-results/team-sheet/.
const shots = join(SCREENSHOTS, 'team-sheet');
let sheet: LocalSheet;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const { team } = seededTeam();
  const dataFile = join(mkdtempSync(join(tmpdir(), 'rapport-team-')), 'workbook.json');
  writeFileSync(dataFile, formatWorkbookJson(team.google.toJSON()));
  const now = new Date(NOW);
  sheet = await startLocalSheet({ port: 0, dataFile, member: ANN, bundlePath: join(ROOT, 'dist/apps-script/Code.js'), now: () => now, log: () => {} });
  const found = findBrowser();
  if (!found.found) throw new Error(found.reason);
  browser = await chromium.launch({ executablePath: found.path, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await sheet?.close();
});

const run = async (name: string, ...args: unknown[]) => {
  const response = await fetch(`${sheet.url}/api/run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ function: name, args }) });
  return (await response.json()) as { ok: boolean; result: unknown };
};

async function sidebarPage(opener: string): Promise<Page> {
  expect((await run(opener)).ok).toBe(true);
  const page = await browser.newPage({ viewport: { width: 300, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(`${sheet.url}/sidebar`);
  return page;
}

describe('the team’s sheet in Chromium (local sheet, built bundle)', () => {
  it('adds, lists and revokes members from the Team members sidebar', async () => {
    const page = await sidebarPage('openMembers');
    await expect.poll(() => page.locator('.card .who').allTextContents()).toEqual([ANN, BO, 'cy@team.test']);
    await page.getByLabel('Their email address').fill('dee@team.test');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.locator('#token').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('#setup-link').textContent()).toMatch(new RegExp(`^${sheet.execUrl}#rapport-token=[0-9a-f]{64}$`));
    await expect.poll(() => page.locator('.card .who').allTextContents()).toContain('dee@team.test');
    await page.screenshot({ path: join(shots, 'team-members-sidebar.png'), fullPage: true });

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('[data-revoke="dee@team.test"]').click();
    await expect.poll(() => page.locator('.card .who').allTextContents()).toEqual([ANN, BO, 'cy@team.test']);
    await page.close();
  });

  it('saves the Settings sidebar into the Settings tab, naming what it cannot use', async () => {
    const page = await sidebarPage('openSettings');
    await page.getByLabel('Daily digest at').selectOption('7');
    await page.getByLabel('By tag (one per line: tag = days)').fill('vip = 30');
    await page.getByLabel('Time zone').fill('Berlin');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved; 1 value(s) could not be used (see below)');
    expect(await page.locator('[data-problem="reminderTimeZone"]').textContent()).toMatch(/not a time zone name/);
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#save-status').textContent()).toBe('Saved');
    const settings = new Map(sheet.google.toJSON().sheets.Settings!.map((row) => [row[0], row[1]]));
    expect([settings.get('reminders.hour'), settings.get('reminders.timeZone'), settings.get('keepInTouch.tag.vip')]).toEqual([7, 'Europe/Berlin', 30]);
    await page.screenshot({ path: join(shots, 'settings-sidebar.png'), fullPage: true });
    await page.close();
  });

  it('renders the digests in English and German, and a Done link acts once', async () => {
    expect((await run('sendReminders')).ok).toBe(true);
    const mails = sheet.google.sentMail;
    const page = await browser.newPage({ viewport: { width: 680, height: 900 }, deviceScaleFactor: 2 });
    for (const [to, name] of [[ANN, 'digest-en'], [BO, 'digest-de']] as const) {
      const mail = mails.find((m) => m.to === to)!;
      await page.setContent(mail.htmlBody!);
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    }
    expect(await page.locator('h2').allTextContents()).toEqual(['Überfällige Wiedervorlagen (2)', 'In Kontakt bleiben (1)']);
    await page.setContent(mails.find((m) => m.to === ANN)!.htmlBody!);
    const done = await page.getByRole('link', { name: 'Done' }).first().getAttribute('href');
    expect(done!.startsWith(`${sheet.execUrl}?a=`)).toBe(true);
    await page.goto(done!);
    expect(await page.locator('h1').textContent()).toBe('✓ Done: Send the revised offer');
    await page.screenshot({ path: join(shots, 'done-link.png') });
    await page.goto(done!);
    expect(await page.locator('h1').textContent()).toBe('This link was already used. Each Done or Snooze link works once.');
    const followUps = sheet.google.toJSON().sheets.FollowUps!;
    const [header, ...rows] = followUps;
    expect(rows.find((row) => row[header!.indexOf('Title')] === 'Send the revised offer')![header!.indexOf('Status')]).toBe('done');
    await page.close();
  });

  it('shows the Dashboard tab with its charts, and the tabs with their dropdowns', async () => {
    expect((await run('rebuildDashboard')).ok).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${sheet.url}/?sheet=Dashboard`);
    const charts = page.locator('#charts svg');
    expect(await charts.evaluateAll((svgs) => svgs.map((svg) => [svg.getAttribute('aria-label'), svg.getAttribute('data-chart-type'), svg.querySelectorAll('rect, path, polyline').length > 3]))).toEqual([
      ['Revenue by month', 'COLUMN', true],
      ['Pipeline by stage', 'BAR', true],
      ['Interactions per week by channel', 'COLUMN', true],
      ['Customers by RFM segment', 'BAR', true],
      ['Revenue share by value class (ABC)', 'PIE', true],
    ]);
    expect(await page.getByLabel('B8', { exact: true }).inputValue()).toBe('5,250.00 EUR');
    await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: false });
    await page.goto(`${sheet.url}/?sheet=FollowUps`);
    const status = page.locator('select[aria-label^="F"]').first();
    expect(await status.locator('option').allTextContents()).toEqual(expect.arrayContaining(['open', 'done', 'snoozed']));
    await page.screenshot({ path: join(shots, 'follow-ups-tab.png') });
    await page.close();
  });
});
