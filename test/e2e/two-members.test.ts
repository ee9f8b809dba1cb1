import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf, type ExtensionBrowser } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup } from './harness/rapport';

// Two members of one team, each with their own Chromium profile, and a teammate in the sheet:
// edits of different fields made at the same time all survive, and a deletion reaches everyone
// and leaves no personal data anywhere.
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');
const BEA = 'bea.lindqvist@northwind.test';

let rapport: Awaited<ReturnType<typeof startRapport>>;
let bob: Awaited<ReturnType<Awaited<ReturnType<typeof startRapport>>['addTeammate']>>;

async function gmailTab(browser: ExtensionBrowser) {
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  const page = await browser.context.newPage();
  await page.goto(GMAIL_URL);
  return tabIdOf(browser, 'https://mail.google.com/*');
}

const sync = syncFromPopup;

const beaCard = (popup: Page) => popup.getByTestId('candidate').filter({ hasText: BEA });

/** Opens the card's fields for editing. */
async function details(popup: Page) {
  await beaCard(popup).getByRole('button', { name: 'Edit', exact: true }).click();
}

beforeAll(async () => {
  rapport = await startRapport();
  bob = await rapport.addTeammate('bob@team.test');
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await rapport?.stop();
});

describe('two members and a teammate in the sheet', () => {
  it('share a contact, keep each other’s edits of different fields, and see a deletion everywhere', async () => {
    expect(await rapport.configure()).toContain('Connected as you@rapport.local');
    expect(await bob.configure()).toContain('Connected as bob@team.test');
    const annTab = await gmailTab(rapport.browser);
    const bobTab = await gmailTab(bob.browser);

    // Ann saves Bea; Bob sees her after syncing.
    let ann = await rapport.openPopup(annTab);
    await beaCard(ann).getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => beaCard(ann).getByRole('status').textContent()).toBe('Contact saved.');
    await sync(ann);
    let bobPopup = await bob.openPopup(bobTab);
    await sync(bobPopup);
    await bobPopup.reload();
    await expect.poll(() => beaCard(bobPopup).getByTestId('status').textContent()).toBe('Known · lead');

    // At the same time: a teammate fixes Bea's phone in the sheet, Ann changes her job title in the popup.
    const row = rapport.rows('Contacts').findIndex((r) => r.Emails === BEA) + 2;
    await rapport.editCell('Contacts', row, rapport.header('Contacts').indexOf('Phones') + 1, "'+49 30 9876543");
    await details(ann);
    await beaCard(ann).locator('input[name=jobTitle]').fill('Chief Procurement Officer');
    await beaCard(ann).getByRole('button', { name: 'Update job title' }).click();
    await expect.poll(() => beaCard(ann).getByRole('status').textContent()).toBe('Contact updated.');
    await sync(ann);
    await sync(bobPopup);

    const expected = { jobTitle: 'Chief Procurement Officer', phones: ['+49 30 9876543'] };
    expect(rapport.rows('Contacts')[row - 2]).toMatchObject({ 'Job title': 'Chief Procurement Officer', Phones: '+49 30 9876543' });
    expect((await rapport.stored('contacts')).find((c) => (c.emails as string[]).includes(BEA))).toMatchObject(expected);
    expect((await bob.stored('contacts')).find((c) => (c.emails as string[]).includes(BEA))).toMatchObject(expected);

    // Ann deletes Bea for everyone.
    await ann.reload();
    await expect.poll(() => beaCard(ann).getByTestId('status').textContent()).toBe('Known · lead');
    await beaCard(ann).getByRole('button', { name: 'Delete contact…' }).click();
    await ann.screenshot({ path: join(SCREENSHOTS, 'popup-delete-confirm.png'), fullPage: true });
    await beaCard(ann).getByRole('button', { name: 'Delete for everyone' }).click();
    await expect.poll(() => beaCard(ann).getByRole('status').textContent()).toBe('Contact deleted for everyone.');
    expect(await beaCard(ann).getByTestId('status').textContent()).toBe('New');
    await sync(ann);
    await sync(bobPopup);
    await bobPopup.reload();
    await expect.poll(() => beaCard(bobPopup).getByTestId('status').textContent()).toBe('New');

    // Nothing personal is left: not in the sheet, not in either browser.
    const sheetRow = rapport.rows('Contacts')[row - 2]!;
    expect(sheetRow).toMatchObject({ Deleted: true, 'First name': '', 'Last name': '', Emails: '', Phones: '', 'Job title': '', Company: '' });
    for (const member of [rapport, bob]) {
      const contacts = await member.stored('contacts');
      expect(contacts).toHaveLength(1);
      expect(contacts[0]).toMatchObject({ id: sheetRow.id, deleted: true, firstName: '', lastName: '', emails: [], phones: [], jobTitle: '', company: '' });
    }
    expect(JSON.stringify(await bob.stored('contacts'))).not.toContain('Lindqvist');
    await bobPopup.close();
    await ann.close();
  });
});
