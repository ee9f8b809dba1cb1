import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup } from './harness/rapport';
import { servePages } from './harness/static-server';

const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const teamPage = readFileSync(join(ROOT, 'test/fixtures/capture/page-json-ld.html'), 'utf8');
const outlookPage = readFileSync(join(ROOT, 'test/fixtures/capture/outlook-conversation.html'), 'utf8');
const OUTLOOK_URL = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkADAwATM0MDAAMS0xMgAtOTgzYi0wMAItMDAKABAA9n5Jq1wqQkSiWUR8oCDj3g=')}`;

let rapport: Awaited<ReturnType<typeof startRapport>>;
let site: Awaited<ReturnType<typeof servePages>>;

beforeAll(async () => {
  rapport = await startRapport();
  site = await servePages({ '/team/': teamPage });
  await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  await rapport.browser.context.route('https://outlook.office.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: outlookPage }));
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await rapport.configure()).toContain('Connected as');
});

afterAll(async () => {
  await rapport?.stop();
  await site?.close();
});

const syncFrom = syncFromPopup;

describe('capture in Chromium', () => {
  it('saves the people of a company page with JSON-LD', async () => {
    const page = await rapport.browser.context.newPage();
    await page.goto(`${site.url}/team/`);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, `${site.url}/*`));
    const katrin = popup.getByTestId('candidate').filter({ hasText: 'k.hoffmann@hw-maschinenbau.de' });
    await expect.poll(() => katrin.getByTestId('status').textContent()).toBe('New');
    expect(await katrin.getByTestId('job').textContent()).toContain('Leiterin Einkauf');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-json-ld.png'), fullPage: true });
    await katrin.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => katrin.getByRole('status').textContent()).toBe('Contact saved.');
    const company = popup.getByTestId('candidate').filter({ has: popup.getByTestId('name').getByText('Hoffmann & Weber Maschinenbau GmbH', { exact: true }) });
    await company.getByRole('button', { name: 'Save company' }).click();
    await expect.poll(() => company.getByRole('status').textContent()).toBe('Company saved.');
    await syncFrom(popup);
    expect(rapport.rows('Companies')).toEqual([expect.objectContaining({ Name: 'Hoffmann & Weber Maschinenbau GmbH', Domain: 'hw-maschinenbau.de' })]);
    const saved = rapport.rows('Contacts').find((row) => String(row.Emails).includes('k.hoffmann@hw-maschinenbau.de'));
    expect(saved).toMatchObject({ 'Job title': 'Leiterin Einkauf', Company: 'Hoffmann & Weber Maschinenbau GmbH', Phones: '+497119876521' });
    await popup.close();
    await page.close();
  });

  it('matches a contact a teammate entered in the sheet instead of duplicating it, and logs an email once', async () => {
    // A teammate types Bea into the sheet by hand.
    const header = rapport.header('Contacts');
    const row = rapport.rows('Contacts').length + 2;
    await rapport.editCell('Contacts', row, header.indexOf('First name') + 1, 'Bea');
    await rapport.editCell('Contacts', row, header.indexOf('Last name') + 1, 'Lindqvist');
    await rapport.editCell('Contacts', row, header.indexOf('Emails') + 1, 'Bea.Lindqvist@northwind.test');
    await rapport.editCell('Contacts', row, header.indexOf('Stage') + 1, 'Customer');

    const gmail = await rapport.browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM');
    const tabId = await tabIdOf(rapport.browser, 'https://mail.google.com/*');
    let popup = await rapport.openPopup(tabId);
    await syncFrom(popup);
    await popup.close();
    popup = await rapport.openPopup(tabId);
    const bea = popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await expect.poll(() => bea.getByTestId('status').textContent()).toBe('Known · customer');

    // Save says what it will add to what the teammate typed.
    await bea.getByRole('button', { name: 'Update 4 fields' }).click();
    await expect.poll(() => bea.getByRole('status').textContent()).toBe('Contact updated.');
    await bea.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => bea.getByRole('status').textContent()).toBe('Email logged.');
    await bea.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => bea.getByRole('status').textContent()).toBe('This email is already logged.');
    await bea.getByRole('button', { name: 'Follow up' }).click();
    await bea.getByRole('button', { name: 'Tomorrow' }).click();
    await expect.poll(() => bea.getByRole('status').textContent()).toMatch(/^Follow-up set for \w{3}, \w{3} \d{1,2}, 09:00\s?AM\.$/);
    await syncFrom(popup);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-gmail-known.png'), fullPage: true });

    const beas = rapport.rows('Contacts').filter((r) => String(r.Emails).toLowerCase().includes('bea.lindqvist@northwind.test'));
    expect(beas).toHaveLength(1);
    // What the teammate typed stays as typed ("Customer"): the sync writes only the cells it changes.
    expect(beas[0]).toMatchObject({ 'Job title': 'Head of Procurement', Company: 'Northwind Traders GmbH', Stage: 'Customer' });
    const logged = rapport.rows('Interactions').filter((r) => r.Subject === 'Pricing for 40 seats');
    expect(logged).toHaveLength(1);
    expect(rapport.rows('FollowUps').filter((r) => r['Contact ID'] === beas[0]?.id)).toHaveLength(1);
  });

  it('saves the sender of an Outlook on the web message with its signature, and logs the email', async () => {
    const outlook = await rapport.browser.context.newPage();
    await outlook.goto(OUTLOOK_URL);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, 'https://outlook.office.com/*'));
    const marco = popup.getByTestId('candidate').filter({ hasText: 'marco.rossi@alpine-logistics.ch' });
    await expect.poll(() => marco.getByTestId('job').textContent()).toBe('Head of Operations · Alpine Logistics AG');
    expect(await popup.getByTestId('candidate').filter({ hasText: 'lena.park@brightside-studio.com' }).count()).toBe(0);
    await marco.getByRole('button', { name: 'Log email' }).click();
    await expect.poll(() => marco.getByRole('status').textContent()).toBe('Email logged.');
    await syncFrom(popup);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-outlook.png'), fullPage: true });
    const contact = rapport.rows('Contacts').find((row) => row.Emails === 'marco.rossi@alpine-logistics.ch');
    expect(contact).toMatchObject({ 'First name': 'Marco', 'Last name': 'Rossi', Source: 'outlook' });
    expect(rapport.rows('Interactions').find((row) => row['Contact ID'] === contact?.id)).toMatchObject({
      Subject: 'RE: Customs paperwork for shipment 88-1207', Type: 'email', Channel: 'outlook', Summary: '',
    });
  });
});
