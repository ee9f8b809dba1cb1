import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup } from './harness/rapport';

// A salesperson's day in the popup, in Chromium at the popup's real size (360 × 600), against the
// local sheet: save, log and follow up without scrolling, a known contact's history of every
// channel, Today with Done and Snooze, the badge, a notification, and a look-alike that waits.
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const OUTLOOK_URL = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkADAwATM0MDAAMS0xMgAtOTgzYi0wMAItMDAKABAA9n5Jq1wqQkSiWUR8oCDj3g=')}`;
const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const outlookPage = readFileSync(join(ROOT, 'test/fixtures/capture/outlook-conversation.html'), 'utf8');
const BEA = 'bea.lindqvist@northwind.test';

let rapport: Awaited<ReturnType<typeof startRapport>>;
let gmailTab: number;
let outlookTab: number;

beforeAll(async () => {
  rapport = await startRapport();
  await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  await rapport.browser.context.route('https://outlook.office.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: outlookPage }));
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await rapport.configure()).toContain('Connected as');
  await (await rapport.browser.context.newPage()).goto(GMAIL_URL);
  gmailTab = await tabIdOf(rapport.browser, 'https://mail.google.com/*');
  await (await rapport.browser.context.newPage()).goto(OUTLOOK_URL);
  outlookTab = await tabIdOf(rapport.browser, 'https://outlook.office.com/*');
});

afterAll(async () => {
  await rapport?.stop();
});

/** Whether the element is wholly inside the popup's 600 px without scrolling. */
async function inView(locator: Locator) {
  const box = await locator.boundingBox();
  return Boolean(box && box.y >= 0 && box.y + box.height <= 600 && box.x >= 0 && box.x + box.width <= 360);
}

const scrolled = (popup: Page) => popup.evaluate(() => [document.scrollingElement?.scrollTop ?? 0, document.querySelector('.content')?.scrollTop ?? 0]);
const focused = (popup: Page) => popup.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

async function openToday() {
  const popup = await rapport.browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${rapport.browser.extensionId}/popup.html?view=today`);
  return popup;
}

describe('the popup a salesperson lives in', () => {
  it('reads at 14 px, with controls that can be seen (border contrast ≥ 3:1)', async () => {
    const popup = await rapport.openPopup(gmailTab);
    await popup.getByTestId('candidate').first().waitFor();
    const sizes = await popup.evaluate(() => ({ body: getComputedStyle(document.body).fontSize, job: getComputedStyle(document.querySelector('[data-testid=job]')!).fontSize }));
    expect(sizes).toEqual({ body: '14px', job: '13px' });
    await popup.getByRole('button', { name: 'Edit', exact: true }).click();
    const contrast = await popup.evaluate(() => {
      const rgb = (text: string) => text.match(/\d+/g)!.slice(0, 3).map(Number);
      const luminance = (c: number[]) => c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const border = luminance(rgb(getComputedStyle(document.querySelector('input[name=jobTitle]')!).borderTopColor));
      return (1 + 0.05) / (border + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(3);
    await popup.close();
  });

  it('saves a new sender, logs the email and sets a follow-up for tomorrow without scrolling', async () => {
    const popup = await rapport.openPopup(gmailTab);
    const card = popup.getByTestId('candidate').filter({ hasText: BEA });
    await expect.poll(() => card.getByTestId('status').textContent()).toBe('New');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-new-contact-en.png') });
    for (const name of ['Save contact', 'Log email', 'Follow up']) expect(await inView(card.getByRole('button', { name, exact: true })), name).toBe(true);

    await card.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Contact saved.');
    await card.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Email logged.');
    await card.getByRole('button', { name: 'Follow up', exact: true }).click();
    expect(await card.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Follow up: Pricing for 40 seats');
    expect(await inView(card.getByRole('button', { name: 'Tomorrow' }))).toBe(true);
    await card.getByRole('button', { name: 'Tomorrow' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Follow-up set for /);
    expect(await scrolled(popup)).toEqual([0, 0]);

    const [bea] = (await rapport.stored('contacts')).filter((c) => (c.emails as string[]).includes(BEA));
    expect((await rapport.stored('interactions')).filter((i) => i.contactId === bea?.id)).toEqual([expect.objectContaining({ type: 'email', subject: 'Pricing for 40 seats' })]);
    const tomorrowAtNine = addDays(new Date(), 1);
    tomorrowAtNine.setHours(9, 0, 0, 0);
    expect((await rapport.stored('followUps')).filter((f) => f.contactId === bea?.id)).toEqual([expect.objectContaining({ dueAt: tomorrowAtNine.toISOString(), status: 'open', title: 'Follow up: Pricing for 40 seats' })]);
    await popup.close();
  });

  it('works from the keyboard: the actions are 3 Tabs away, and the focus stays put after each', async () => {
    const popup = await rapport.openPopup(outlookTab);
    const card = popup.getByTestId('candidate').filter({ hasText: 'marco.rossi@alpine-logistics.ch' });
    await expect.poll(() => card.getByTestId('status').textContent()).toBe('New');
    for (let tab = 0; tab < 3; tab++) await popup.keyboard.press('Tab');
    expect(await focused(popup)).toBe('Log email');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('title'))).toBe('Log this email in Marco Rossi’s history (L)');
    await popup.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Email logged.');
    expect(await focused(popup)).toBe('Log email');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.press('ArrowRight');
    expect(await focused(popup)).toBe('Follow up');
    await popup.keyboard.press('Enter');
    await expect.poll(() => focused(popup)).toBe('Tomorrow');
    await popup.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Follow-up set for /);
    await expect.poll(() => focused(popup)).toBe('Follow up');
    // Single keys: N opens the note, typed text stays text.
    await popup.keyboard.press('n');
    await popup.keyboard.type('Sends customs papers on Fridays');
    await popup.keyboard.press('Control+Enter');
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Note added.');
    const marco = (await rapport.stored('contacts')).find((c) => (c.emails as string[]).includes('marco.rossi@alpine-logistics.ch'));
    expect((await rapport.stored('interactions')).filter((i) => i.contactId === marco?.id).map((i) => i.type).sort()).toEqual(['email', 'note']);
    await popup.close();
  });

  it('shows a known contact’s history of every channel: email, call, note, purchase and a deal', async () => {
    let popup = await rapport.openPopup(gmailTab);
    const card = () => popup.getByTestId('candidate').filter({ hasText: BEA });
    await expect.poll(() => card().getByTestId('status').textContent()).toBe('Known · lead');
    await card().getByRole('button', { name: 'Call' }).click();
    await card().getByRole('spinbutton', { name: 'Minutes' }).fill('12');
    await card().getByRole('textbox', { name: 'What was said' }).fill('Wants 40 seats from January, asks for a discount');
    await card().getByRole('button', { name: 'Log it' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Call logged.');
    await card().getByRole('button', { name: 'Note' }).click();
    await card().getByRole('textbox', { name: 'Note' }).fill('Budget approved by their CFO');
    await card().getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Note added.');
    await card().getByRole('button', { name: 'Deal' }).click();
    expect(await card().getByRole('textbox', { name: 'Deal' }).inputValue()).toBe('Northwind Traders GmbH: Pricing for 40 seats');
    await card().getByRole('textbox', { name: 'Amount' }).fill('18400');
    await card().getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await card().getByRole('combobox', { name: 'Stage' }).selectOption('proposal');
    await card().getByRole('button', { name: 'Open deal' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Deal opened.');
    await syncFromPopup(popup);

    // Purchases booked elsewhere (the shop), then the sheet scores the customers.
    const beaId = String(rapport.rows('Contacts').find((r) => r.Emails === BEA)?.id);
    const purchase = (daysAgo: number, amount: number) => {
      const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      return { id: newId(), createdAt: at, updatedAt: at, updatedBy: 'shop', contactId: beaId, type: 'purchase', occurredAt: at, amount, subject: 'Order: annual licences' };
    };
    await rapport.fromElsewhere({ interactions: [purchase(400, 9000), purchase(30, 4200)] });
    await rapport.runInSheet('recalculateScores');
    await syncFromPopup(popup);
    await popup.close();

    popup = await rapport.openPopup(gmailTab);
    const timeline = card().getByTestId('timeline');
    await expect.poll(() => timeline.getByTestId('interaction').evaluateAll((entries) => entries.map((e) => (e as HTMLElement).dataset.type).sort())).toEqual(['call', 'email', 'note', 'purchase', 'purchase']);
    expect(await timeline.getByTestId('deal').textContent()).toContain('Northwind Traders GmbH: Pricing for 40 seats');
    expect(await timeline.getByRole('combobox', { name: 'Stage of Northwind Traders GmbH: Pricing for 40 seats' }).inputValue()).toBe('proposal');
    expect(await timeline.getByTestId('follow-up').textContent()).toContain('Follow up: Pricing for 40 seats');
    expect(await card().getByTestId('facts').textContent()).toContain('Class A');
    // She has bought: a customer, not a lead, whatever stage the record still holds.
    expect(await card().getByTestId('status').textContent()).toBe('Known · customer');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-known-customer-en.png') });

    // Moving the deal syncs.
    await timeline.getByRole('combobox', { name: /^Stage of/ }).selectOption('won');
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Deal moved to Won.');
    await syncFromPopup(popup);
    expect(rapport.rows('Deals')).toEqual([expect.objectContaining({ Name: 'Northwind Traders GmbH: Pricing for 40 seats', Amount: 18400, Currency: 'EUR', Stage: 'won' })]);
    expect(rapport.rows('Interactions').filter((r) => r['Contact ID'] === beaId).map((r) => r.Type).sort()).toEqual(['call', 'email', 'note', 'purchase', 'purchase']);
    expect(rapport.rows('Interactions').find((r) => r.Type === 'call')).toMatchObject({ 'Duration minutes': 12, Outcome: 'Talked', Direction: 'outbound' });
    await popup.close();
  });

  it('lists what is due today with Done and Snooze, and counts it on the toolbar badge after a sync and after Done', async () => {
    const beaId = String(rapport.rows('Contacts').find((r) => r.Emails === BEA)?.id);
    const now = new Date();
    const followUp = (title: string, dueAt: string) => ({ id: newId(), createdAt: now.toISOString(), updatedAt: now.toISOString(), updatedBy: 'you@rapport.local', contactId: beaId, title, dueAt, status: 'open', owner: 'you@rapport.local' });
    await rapport.fromElsewhere({ followUps: [followUp('Send the contract', day(addDays(now, -2))), followUp('Confirm the start date', day(now)), followUp('Plan the kick-off', day(addDays(now, 5)))] });
    const popup = await openToday();
    await syncFromPopup(popup);
    // Overdue, due today, and tomorrow's follow-up from the first test is not due yet.
    await expect.poll(() => rapport.badge()).toBe('2');
    const items = popup.getByTestId('due-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await popup.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Overdue 1', 'Due today 1']);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-today-en.png') });

    await items.filter({ hasText: 'Send the contract' }).getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toBe('Marked done.');
    await expect.poll(() => rapport.badge()).toBe('1');
    await popup.getByRole('button', { name: 'Snooze Confirm the start date' }).click();
    await popup.getByRole('button', { name: /^Next week/ }).click();
    await expect.poll(() => items.count()).toBe(0);
    await expect.poll(() => rapport.badge()).toBe('');
    await syncFromPopup(popup);
    const rows = rapport.rows('FollowUps');
    expect(rows.find((r) => r.Title === 'Send the contract')).toMatchObject({ Status: 'done' });
    expect(rows.find((r) => r.Title === 'Confirm the start date')).toMatchObject({ Status: 'snoozed' });
    await popup.close();
  });

  it('notifies when a follow-up falls due (the clock moved forward), once notifications are turned on', async () => {
    const options = await rapport.browser.context.newPage();
    await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
    await options.getByRole('checkbox', { name: 'Notify me when a follow-up is due' }).check();
    await expect.poll(() => options.getByRole('checkbox', { name: 'Notify me when a follow-up is due' }).isChecked()).toBe(true);
    await options.close();

    const popup = await rapport.openPopup(gmailTab);
    const card = popup.getByTestId('candidate').filter({ hasText: BEA });
    await card.getByRole('button', { name: 'Follow up', exact: true }).click();
    const due = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
    await card.getByRole('textbox', { name: 'Title' }).fill('Call Bea about the contract');
    await card.locator('input[name=followUpTime]').fill(`${String(due.getHours()).padStart(2, '0')}:${String(due.getMinutes()).padStart(2, '0')}`);
    await card.locator('input[name=followUpDate]').fill(day(due));
    await card.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Follow-up set for /);
    const shown = () => rapport.browser.serviceWorker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll()));
    expect(await shown()).toEqual([]);
    // The ten minutes pass, all but two seconds: the alarm set for the follow-up fires on time.
    await rapport.browser.serviceWorker.evaluate((ms) => (globalThis as unknown as { rapportTest: { advanceClock(ms: number): Promise<void> } }).rapportTest.advanceClock(ms), due.getTime() - Date.now() - 2000);
    expect(await shown()).toEqual([]);
    await expect.poll(shown, { timeout: 15_000 }).toEqual([expect.stringMatching(/^rapport-due:/)]);
    await popup.close();
  });

  it('asks before merging a look-alike: a contact with the same name and company is not touched until Merge', async () => {
    // A teammate types Marco into the sheet, with his private address.
    const header = rapport.header('Contacts');
    const row = rapport.rows('Contacts').length + 2;
    await rapport.editCell('Contacts', row, header.indexOf('First name') + 1, 'Marco');
    await rapport.editCell('Contacts', row, header.indexOf('Last name') + 1, 'Rossi');
    await rapport.editCell('Contacts', row, header.indexOf('Company') + 1, 'Alpine Logistics AG');
    await rapport.editCell('Contacts', row, header.indexOf('Emails') + 1, 'marco.rossi@gmx.example');
    // The earlier test saved Marco from Outlook: delete him so the sheet's Marco is the only one.
    let popup = await rapport.openPopup(outlookTab);
    const card = () => popup.getByTestId('candidate').filter({ hasText: 'marco.rossi@alpine-logistics.ch' });
    await card().getByRole('button', { name: 'Delete contact…' }).click();
    await card().getByRole('button', { name: 'Delete for everyone' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Contact deleted for everyone.');
    await syncFromPopup(popup);
    await popup.close();

    popup = await rapport.openPopup(outlookTab);
    await expect.poll(() => card().getByTestId('status').textContent()).toBe('Looks like Marco Rossi');
    const before = { contacts: JSON.stringify(await rapport.stored('contacts')), outbox: (await rapport.stored('outbox')).length, sheet: JSON.stringify(rapport.rows('Contacts')) };
    expect(await card().getByTestId('match-choice').textContent()).toContain('marco.rossi@gmx.example');
    expect(await card().getByRole('button', { name: 'Log email' }).count()).toBe(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-look-alike-en.png') });
    for (const key of ['l', 't', 'c', 'n']) await popup.keyboard.press(key);
    await syncFromPopup(popup);
    expect({ contacts: JSON.stringify(await rapport.stored('contacts')), outbox: (await rapport.stored('outbox')).length, sheet: JSON.stringify(rapport.rows('Contacts')) }).toEqual(before);

    await card().getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Contact updated.');
    await syncFromPopup(popup);
    const marcos = rapport.rows('Contacts').filter((r) => r['First name'] === 'Marco' && r.Deleted !== true);
    expect(marcos).toEqual([expect.objectContaining({ Emails: 'marco.rossi@gmx.example, marco.rossi@alpine-logistics.ch', 'Job title': 'Head of Operations' })]);
    await popup.close();
  });
});
