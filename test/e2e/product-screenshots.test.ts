import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { createI18n, languageFor } from '../../extension/ui/i18n';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup, syncNow, TOKEN } from './harness/rapport';
import { startWebAppStandIn } from './harness/web-app-stand-in';

// The screens people see, in English and in German, saved to test-results/ to be looked at: a new
// contact, a known valued customer with history, Today with items, the options page connected and
// failing, and the welcome page. Each run also checks the words are the reader's language.
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const BEA = 'bea.lindqvist@northwind.test';

describe.each([['en', 'en-GB'], ['de', 'de-DE']] as const)('screens in %s', (language, locale) => {
  const words = createI18n(language, locale);
  const shot = (name: string) => join(SCREENSHOTS, `${name}-${language}.png`);
  let rapport: Awaited<ReturnType<typeof startRapport>>;
  let standIn: Awaited<ReturnType<typeof startWebAppStandIn>>;
  let tabId: number;

  beforeAll(async () => {
    rapport = await startRapport({ locale });
    standIn = await startWebAppStandIn(rapport.sheet.execUrl);
    await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await standIn?.close();
    await rapport?.stop();
  });

  const card = (popup: Page) => popup.getByTestId('candidate').filter({ hasText: BEA });
  const button = (popup: Page, key: Parameters<typeof words.t>[0]) => card(popup).getByRole('button', { name: words.t(key), exact: true });

  it('the welcome page', async () => {
    const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
    const page = rapport.browser.context.pages().find(isWelcome) ?? (await rapport.browser.context.waitForEvent('page', { predicate: isWelcome }));
    expect(await page.evaluate(() => navigator.language)).toBe(locale);
    expect(languageFor(locale)).toBe(language);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.frameLocator('iframe[title=Rapport]').getByTestId('candidate').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('h1').textContent()).toBe(words.t('welcomeTitle'));
    await page.screenshot({ path: shot('welcome'), fullPage: true });
    await page.close();
  });

  it('a new contact', async () => {
    expect(await rapport.configure(standIn.execUrl, TOKEN)).toBe(words.t('connectedSaved', { member: 'you@rapport.local' }));
    await (await rapport.browser.context.newPage()).goto(GMAIL_URL);
    tabId = await tabIdOf(rapport.browser, 'https://mail.google.com/*');
    const popup = await rapport.openPopup(tabId);
    await expect.poll(() => card(popup).getByTestId('status').textContent()).toBe(words.t('new'));
    await popup.screenshot({ path: shot('popup-new-contact') });
    await popup.close();
  });

  it('a known valued customer with history', async () => {
    let popup = await rapport.openPopup(tabId);
    await button(popup, 'saveContact').click();
    await button(popup, 'logEmail').click();
    await expect.poll(() => card(popup).getByRole('status').textContent()).toBe(words.t('emailLogged'));
    await button(popup, 'logCall').click();
    await card(popup).locator('input[name=minutes]').fill('15');
    await card(popup).locator('textarea[name=summary]').fill(language === 'de' ? 'Möchte ab Januar 40 Plätze, fragt nach Rabatt' : 'Wants 40 seats from January, asks for a discount');
    await card(popup).getByRole('button', { name: words.t('logIt'), exact: true }).click();
    await expect.poll(() => card(popup).getByRole('status').textContent()).toBe(words.t('callLogged'));
    await button(popup, 'deal').click();
    await card(popup).locator('input[name=amount]').fill('18400');
    await card(popup).locator('input[name=currency]').fill('EUR');
    await card(popup).locator('select[name=dealStage]').selectOption('proposal');
    await card(popup).getByRole('button', { name: words.t('openDeal'), exact: true }).click();
    await expect.poll(() => card(popup).getByRole('status').textContent()).toBe(words.t('dealOpened'));
    await syncFromPopupIn(popup);

    const beaId = String(rapport.rows('Contacts').find((r) => r.Emails === BEA)?.id);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const purchase = (daysAgo: number, amount: number) => ({ id: newId(), createdAt: at(daysAgo), updatedAt: at(daysAgo), updatedBy: 'shop', contactId: beaId, type: 'purchase', occurredAt: at(daysAgo), amount, subject: language === 'de' ? 'Bestellung: Jahreslizenzen' : 'Order: annual licences' });
    // Other customers bought too, so the scores rank Bea among them.
    const others = Array.from({ length: 6 }, (_, i) => ({ id: newId(), createdAt: at(1), updatedAt: at(1), updatedBy: 'shop', firstName: `Customer ${i}`, emails: [`c${i}@shop.test`] }));
    await rapport.fromElsewhere({
      contacts: others,
      interactions: [purchase(400, 9000), purchase(200, 7000), purchase(30, 4200), ...others.flatMap((c, i) => [purchase(300 - i * 20, 500 + i * 100), purchase(100 + i * 30, 400)].map((p) => ({ ...p, id: newId(), contactId: c.id })))],
    });
    await rapport.runInSheet('recalculateScores');
    const followUp = (title: string, daysFromNow: number) => ({
      id: newId(), createdAt: at(0), updatedAt: at(0), updatedBy: 'you@rapport.local', contactId: beaId, title, status: 'open', owner: 'you@rapport.local',
      dueAt: new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10),
    });
    await rapport.fromElsewhere({ followUps: language === 'de'
      ? [followUp('Vertrag schicken', -2), followUp('Starttermin bestätigen', 0), followUp('Kick-off planen', 6)]
      : [followUp('Send the contract', -2), followUp('Confirm the start date', 0), followUp('Plan the kick-off', 6)] });
    await syncFromPopupIn(popup);
    await popup.close();
    popup = await rapport.openPopup(tabId);
    await expect.poll(() => card(popup).getByTestId('status').textContent()).toBe(words.t('known', { stage: words.label('stage', 'customer') }));
    await card(popup).getByTestId('facts').waitFor();
    await popup.screenshot({ path: shot('popup-known-customer') });
    await card(popup).getByRole('button', { name: words.t('whatIsThis'), exact: true }).click();
    // The whole card, past the popup's 600 px, to look at every part of the history.
    await popup.evaluate(() => void (document.querySelector<HTMLElement>('.popup')!.style.maxHeight = 'none'));
    await popup.screenshot({ path: shot('popup-known-customer-explained'), fullPage: true });
    await popup.close();
  });

  it('Today with items', async () => {
    const popup = await rapport.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${rapport.browser.extensionId}/popup.html?view=today`);
    await expect.poll(() => popup.getByTestId('due-item').count()).toBe(2);
    expect(await popup.getByRole('tab', { selected: true }).textContent()).toMatch(new RegExp(`^${words.t('today')}`));
    await popup.screenshot({ path: shot('popup-today') });
    await popup.close();
  });

  it('the options page, connected and failing', async () => {
    const options = await rapport.browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 800 });
    await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('options-sync-state').getAttribute('data-state')).toBe('synced');
    expect(await options.locator('h1').textContent()).toContain(words.t('optionsTitle'));
    await options.screenshot({ path: shot('options-connected'), fullPage: true });
    standIn.setMode('spreadsheet-page');
    await options.getByRole('button', { name: words.t('syncNow'), exact: true }).click();
    await expect.poll(() => options.getByTestId('options-sync-state').textContent()).toBe(words.label('syncError', 'not_rapport'));
    await options.screenshot({ path: shot('options-failing'), fullPage: true });
    standIn.setMode('pass');
    await options.close();
  });

  /** Sync from the popup; the footer speaks the reader's language. */
  async function syncFromPopupIn(popup: Page) {
    if (language === 'en') return syncFromPopup(popup);
    await syncNow(popup, words.t('syncNow'));
    expect(await popup.getByTestId('sync-state').textContent()).toMatch(/^Synchronisiert /);
  }
});
