import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup } from './harness/rapport';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');

let rapport: Awaited<ReturnType<typeof startRapport>>;

beforeAll(async () => {
  rapport = await startRapport();
  // Gmail itself cannot be reached here: serve the fixture under Gmail's real URL.
  await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await rapport?.stop();
});

describe('walking skeleton: Gmail → popup → IndexedDB → local sheet → back', () => {
  it('refuses a wrong token in the options page', async () => {
    expect(await rapport.configure(undefined, 'wrong-token-0123456789')).toContain('Not saved');
  });

  it('saves the sender, logs the email, syncs to the sheet, and shows a teammate’s edit', async () => {
    expect(await rapport.configure()).toContain('Connected as');

    const gmail = await rapport.browser.context.newPage();
    await gmail.goto(GMAIL_URL);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, 'https://mail.google.com/*'));
    const card = popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await expect.poll(() => card.getByTestId('status').textContent()).toBe('New');

    await card.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Contact saved.');
    await card.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Email logged.');
    await syncFromPopup(popup);

    const [bea] = rapport.rows('Contacts');
    expect(bea).toMatchObject({ 'First name': 'Bea', 'Last name': 'Lindqvist', Emails: 'bea.lindqvist@northwind.test' });
    const [logged] = rapport.rows('Interactions');
    expect(logged).toMatchObject({ Subject: 'Pricing for 40 seats', Type: 'email', Direction: 'inbound', 'Contact ID': bea?.id });

    // A teammate edits the sheet while it runs.
    await rapport.editCell('Contacts', 2, rapport.header('Contacts').indexOf('Job title') + 1, 'Head of Partnerships');

    await syncFromPopup(popup);
    await popup.reload();
    const known = popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await expect.poll(() => known.getByTestId('job').textContent()).toContain('Head of Partnerships');
    expect(await known.getByTestId('status').textContent()).toBe('Known · lead');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-gmail.png'), fullPage: true });
    expect(rapport.rows('Contacts')[0]).toMatchObject({ 'Job title': 'Head of Partnerships', 'Updated by': 'sheet' });
  });
});
