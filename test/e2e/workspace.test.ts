import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { launchWithExtension, tabIdOf, type ExtensionBrowser } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncNow } from './harness/rapport';

// The workspace in Chromium on the built extension, against the local sheet, with a teammate in
// a profile of their own: import (CSV with bad rows and duplicates, real vCards), search, filters,
// keyboard, the contact timeline, the deals board, merge, exports, backup and restore, a person's
// data export and erasure through the sheet to the teammate, the never-log list; screenshots in
// English and German.

const FIXTURES = join(ROOT, 'test/fixtures');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM';
const BEA = 'bea.lindqvist@northwind.test';

let rapport: Awaited<ReturnType<typeof startRapport>>;
let bob: Awaited<ReturnType<Awaited<ReturnType<typeof startRapport>>['addTeammate']>>;
let page: Page;
let backupFile = '';
let german: ExtensionBrowser | undefined;

async function workspace(browser: ExtensionBrowser, hash = '#/contacts') {
  const opened = await browser.context.newPage();
  await opened.setViewportSize({ width: 1400, height: 900 });
  await opened.goto(`chrome-extension://${browser.extensionId}/workspace.html${hash}`);
  return opened;
}

const go = async (hash: string) => {
  await page.evaluate((h) => (location.hash = h), hash);
};

/** Chooses a file on the import page, checks it (CSV), and imports with the duplicates choice; gives back the result line. */
async function importFile(file: string, duplicates: 'Skip them' | 'Add their details to the contact you have' | 'Import them as new contacts' = 'Skip them') {
  await go('#/import');
  await page.setInputFiles('input[name=importFile]', file);
  if (file.endsWith('.csv')) await page.getByRole('button', { name: /^Check/ }).click();
  await page.getByTestId('import-report').waitFor();
  if (await page.getByRole('radio', { name: duplicates }).count()) await page.getByRole('radio', { name: duplicates }).check();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  return importResult();
}

/** What the import said, once its contacts are in the list. */
async function importResult() {
  const result = page.locator('[data-testid=import-result][data-state=added]');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

/** Syncs from the workspace and waits until that sync has succeeded. */
const sync = (on: Page) => syncNow(on);

async function search(text: string) {
  await go('#/contacts');
  await page.fill('input[name=search]', text);
  await expect.poll(() => page.getByTestId('contact-count').getAttribute('data-search')).toBe(text);
}
const rowNames = () => page.getByTestId('contact-row').locator('.name').allTextContents();

async function openContact(text: string) {
  await search(text);
  await page.press('input[name=search]', 'Enter');
  await page.getByTestId('contact-name').waitFor();
}

async function downloaded(click: () => Promise<void>, on = page): Promise<string> {
  const [download] = await Promise.all([on.waitForEvent('download'), click()]);
  return readFileSync((await download.path())!, 'utf8');
}

beforeAll(async () => {
  rapport = await startRapport();
  bob = await rapport.addTeammate('bob@team.test');
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await rapport.configure()).toContain('Connected as you@rapport.local');
  expect(await bob.configure()).toContain('Connected as bob@team.test');
  page = await workspace(rapport.browser);
});

afterAll(async () => {
  await german?.close();
  await rapport?.stop();
});

describe('the workspace', () => {
  it('imports CSV exports: a preview of the columns, bad rows with line and reason, duplicates, never half a row', async () => {
    await go('#/import');
    await page.setInputFiles('input[name=importFile]', join(FIXTURES, 'import/google-contacts.csv'));
    expect(await page.getByTestId('import-kind').textContent()).toBe('Looks like a Google Contacts export.');
    expect(await page.getByLabel('Rapport field: E-mail 1 - Value').inputValue()).toBe('emails');
    expect(await page.getByLabel('Rapport field: E-mail 1 - Label').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Check 3 rows' }).click();
    await expect.poll(() => page.getByTestId('bad-rows').locator('tbody tr').allTextContents()).toEqual(['3the birthday “--03-22” has no year; add one or leave the column out']);
    // Leaving the birthday out takes Jürgen in.
    await page.getByLabel('Rapport field: Birthday').selectOption('');
    await page.getByRole('button', { name: 'Check 3 rows' }).click();
    await expect.poll(() => page.getByTestId('bad-rows').count()).toBe(0);
    await page.getByRole('button', { name: 'Import 3 contacts' }).click();
    expect(await importResult()).toBe('Imported: 3 new, 0 updated, 0 skipped.');

    await go('#/import');
    await page.setInputFiles('input[name=importFile]', join(FIXTURES, 'import/with-bad-rows.csv'));
    await page.getByRole('button', { name: 'Check 8 rows' }).click();
    const report = page.getByTestId('import-report');
    expect(await report.locator('strong').textContent()).toBe('5 rows can be imported, 3 cannot, 2 look like contacts you have.');
    await expect.poll(() => page.getByTestId('bad-rows').locator('tbody tr').allTextContents()).toEqual([
      '3no name and no email address', '4“paul.becker(at)example.test” is not an email address', '5“31.02.1988” is not a date',
    ]);
    await expect.poll(() => page.getByTestId('duplicate-rows').locator('tbody tr').allTextContents()).toEqual(['6Greta Hansensame as line 2', '7Bea Lindqvistsame email as Bea Lindqvist']);
    await page.getByRole('radio', { name: 'Add their details to the contact you have' }).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-import-en.png'), fullPage: true });
    await page.getByRole('button', { name: /^Import \d/ }).click();
    expect(await importResult()).toBe('Imported: 3 new, 1 updated, 1 skipped.');

    for (const file of ['outlook.csv', 'hubspot.csv', 'linkedin-connections.csv']) expect(await importFile(join(FIXTURES, 'import', file))).toMatch(/^Imported: 2 new/);
    await search('');
    expect(await page.getByTestId('contact-count').textContent()).toBe('12 contacts');
    const stored = await rapport.stored('contacts');
    // The known Bea kept her notes; the row filled in only what was missing.
    expect(stored.find((c) => (c.emails as string[]).includes(BEA))).toMatchObject({ notes: 'Met at Hannover Messe', jobTitle: 'Head of Procurement', tags: ['Trade fair'], phones: ['+49 151 23456789'] });
    expect(stored.find((c) => c.lastName === 'Vogel')).toMatchObject({ socialLinks: ['https://www.linkedin.com/in/lena-vogel-example'], jobTitle: 'Product Owner' });
    expect(stored.find((c) => c.lastName === 'Schmidt')).toMatchObject({ stage: 'qualified' });
    expect(stored.some((c) => c.lastName === 'Becker' || c.firstName === 'Ida')).toBe(false);
  });

  it('imports vCards as iPhone, Android, Gmail and Outlook export them', async () => {
    expect(await importFile(join(FIXTURES, 'vcard/John_Doe_IPHONE.vcf'))).toBe('Imported: 1 new, 0 updated, 0 skipped.');
    // Gmail's John Doe has the iPhone one's address: a duplicate, skipped.
    await go('#/import');
    await page.setInputFiles('input[name=importFile]', join(FIXTURES, 'vcard/John_Doe_GMAIL.vcf'));
    await expect.poll(() => page.getByTestId('duplicate-rows').locator('tbody tr').allTextContents()).toEqual(['1John Richter, James Doesame email as John Richter James Doe']);
    await page.getByRole('button', { name: /^Import \d/ }).click();
    expect(await importResult()).toBe('Imported: 0 new, 0 updated, 1 skipped.');
    await go('#/import');
    await page.setInputFiles('input[name=importFile]', join(FIXTURES, 'vcard/John_Doe_ANDROID.vcf'));
    await expect.poll(() => page.getByTestId('bad-rows').locator('tbody tr').allTextContents()).toEqual(['36“ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ” is not an email address']);
    await page.getByRole('button', { name: /^Import \d/ }).click();
    expect(await importResult()).toBe('Imported: 5 new, 0 updated, 0 skipped.');
    expect(await importFile(join(FIXTURES, 'vcard/outlook-2007.vcf'))).toBe('Imported: 1 new, 0 updated, 0 skipped.');
    expect(await importFile(join(FIXTURES, 'vcard/gmail-list.vcf'))).toBe('Imported: 3 new, 0 updated, 0 skipped.');
    await search('angstadt');
    expect(await rowNames()).toEqual(['Michael Angstadt']);

    // Edited in another tab, the row here shows the new job title; its rows are read again without
    // going blank first (they did: a look at the list in between found no names).
    await page.evaluate(() => {
      const seen = window as unknown as { blanked: boolean };
      seen.blanked = false;
      new MutationObserver(() => void (document.querySelector('[data-testid=contact-row] .name') || (seen.blanked = true)))
        .observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const other = await workspace(rapport.browser, `#/contact/${await page.getByTestId('contact-row').first().getAttribute('data-id')}`);
    await other.getByLabel('Job title').fill('Chief Counter');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('contact-row').locator('.job').allTextContents()).toEqual([expect.stringContaining('Chief Counter')]);
    expect(await page.evaluate(() => (window as unknown as { blanked: boolean }).blanked)).toBe(false);
    await other.close();

    await search('henry@company');
    expect(await rowNames()).toEqual(['ÑÑÑÑ']);
    await search('');
    expect(await page.getByTestId('contact-count').textContent()).toBe('22 contacts');
  });

  it('finds anyone as you type, filters, saves a filter, and goes by keyboard', async () => {
    await search('lind');
    expect(await rowNames()).toEqual(['Bea Lindqvist']);
    await search('0151 2345');
    expect(await rowNames()).toEqual(['Bea Lindqvist']);
    await search('northwind');
    expect(await rowNames()).toEqual(['Greta Hansen', 'Bea Lindqvist']);
    await search('');
    await page.locator('select[name=tag]').click(); // the values are read when a person goes to the filters
    await expect.poll(() => page.locator('select[name=tag] option').allTextContents()).toContain('vip');
    await page.locator('select[name=tag]').selectOption('vip');
    await expect.poll(rowNames).toEqual(['Amelia Hart']);
    await page.locator('select[name=tag]').selectOption('');
    await page.locator('select[name=stage]').selectOption('qualified');
    await expect.poll(rowNames).toEqual(['Hannah Schmidt']);
    await page.getByRole('button', { name: 'Save filter…' }).click();
    await page.getByLabel('Name of this filter').fill('Qualified leads');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.getByTestId('contact-count').textContent()).toBe('22 contacts');
    await page.getByLabel('Saved filters').selectOption('Qualified leads');
    await expect.poll(rowNames).toEqual(['Hannah Schmidt']);
    await page.getByRole('button', { name: 'Clear' }).click();

    // / to search, ↓ to the list, j and k, Enter to open.
    await page.locator('body').click({ position: { x: 5, y: 890 } });
    await page.keyboard.press('/');
    await page.keyboard.type('hart');
    await expect.poll(rowNames).toEqual(['Amelia Hart']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('contact-name').textContent()).toBe('Amelia Hart');
    await go('#/contacts');
    await page.fill('input[name=search]', '');
    await expect.poll(() => page.getByTestId('contact-count').textContent()).toBe('22 contacts');
    await page.locator('.vlist').focus();
    for (const key of ['j', 'j', 'k']) await page.keyboard.press(key);
    const second = (await rowNames())[1];
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('contact-name').textContent()).toBe(second);
    await go('#/contacts');
    await page.fill('input[name=search]', '');
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-list-en.png') });
  });

  it('shows one person’s whole history on one timeline, edits them, and the sheet gets it', async () => {
    await openContact('lindqvist');
    const add = async (type: string, subject: string, when: string, amount = '') => {
      await page.locator('select[name=entryType]').selectOption({ label: type });
      await page.getByLabel('When').fill(when);
      if (amount) await page.getByLabel('Amount').fill(amount);
      await page.getByLabel('Subject').fill(subject);
      await page.getByRole('button', { name: 'Add to history' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Added to the history.');
    };
    await add('Call', 'Discussed the renewal', '2026-11-02T10:30');
    await add('Purchase', 'Order 4711', '2026-11-05T09:00', '1200');
    await add('Complaint', 'Late delivery', '2026-11-12T16:00');
    await page.getByLabel('Due on').fill('2030-01-15');
    await page.getByLabel('What to do').fill('Send the new price list');
    await page.getByRole('button', { name: 'Add follow-up' }).click();
    await page.locator('select[name=stage]').selectOption('customer');
    await page.getByLabel('Job title').fill('Chief Procurement Officer');
    await page.getByLabel('Legal basis').selectOption('contract');
    await page.getByLabel('Consent or basis recorded on').fill('2026-11-01');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved.');
    const timeline = page.getByTestId('timeline').locator('> li');
    await expect.poll(() => timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))).toEqual(['followUp', 'stage', 'complaint', 'purchase', 'call']);
    expect(await timeline.nth(1).textContent()).toContain('Stage changed to customer');
    expect(await timeline.nth(3).textContent()).toContain('1,200.00');
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-contact-en.png'), fullPage: true });
    await sync(page);
    const sheetBea = rapport.rows('Contacts').find((r) => String(r.Emails).includes(BEA))!;
    expect(sheetBea).toMatchObject({ Stage: 'customer', 'Job title': 'Chief Procurement Officer', 'Consent basis': 'contract' });
    const history = rapport.rows('Interactions').filter((r) => r['Contact ID'] === sheetBea.id).map((r) => r.Subject);
    expect(history).toEqual(expect.arrayContaining(['Discussed the renewal', 'Order 4711', 'Late delivery', 'lead → customer']));
    // The company page lists its people.
    await page.getByRole('link', { name: 'Northwind Traders GmbH' }).click();
    await expect.poll(() => page.getByTestId('company-people').locator('li a').allTextContents()).toEqual(['Greta Hansen', 'Bea Lindqvist']);
  });

  it('shows a person’s older history from the team’s archives when asked, without keeping it', async () => {
    const beaId = String(rapport.rows('Contacts').find((r) => String(r.Emails).includes(BEA))!.id);
    const at = '2021-03-04T10:00:00.000Z';
    const order = { id: newId(), createdAt: at, updatedAt: at, updatedBy: 'shop', contactId: beaId, type: 'purchase', occurredAt: at, amount: 640, subject: 'Order 1001 (2021)' };
    // The shop books an old order, and the nightly run moves it to the 2021 archive before anyone syncs it.
    await rapport.fromElsewhere({ interactions: [order] });
    await rapport.runInSheet('archiveOldHistory');
    expect(rapport.rows('Interactions').some((r) => r.Subject === order.subject)).toBe(false);
    await openContact('lindqvist');
    expect(await page.getByTestId('timeline').textContent()).not.toContain(order.subject);
    await page.getByRole('button', { name: 'Show older history from the team’s archives' }).click();
    await expect.poll(() => page.getByTestId('archived').textContent()).toBe('Older entries from the archives shown: 1.');
    const last = page.getByTestId('timeline').locator('> li').last();
    expect(await last.getAttribute('data-kind')).toBe('purchase');
    expect(await last.textContent()).toContain(order.subject);
    expect(JSON.stringify(await rapport.stored('interactions'))).not.toContain(order.subject);
  });

  it('has deals on a board: moved by keyboard and by dragging, totals per stage, synced', async () => {
    await openContact('lindqvist');
    await page.getByRole('link', { name: 'New deal' }).click();
    await page.getByLabel('Deal', { exact: true }).fill('Northwind renewal');
    await page.getByLabel('Amount').fill('12000');
    await page.locator('select[name=stage]').selectOption('proposal');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Deal saved.');
    await go('#/deal/new');
    await page.getByLabel('Deal', { exact: true }).fill('Contoso pilot');
    await page.getByLabel('Find a contact').fill('hart');
    await page.getByRole('button', { name: /Amelia Hart/ }).click();
    await page.getByLabel('Amount').fill('3000.50');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Deal saved.');
    await go('#/deals');
    const totals = (stage: string) => page.getByTestId(`totals-${stage}`).textContent();
    await expect.poll(() => totals('proposal')).toBe('Total €12,000.00Weighted €6,000.00');
    expect(await totals('prospecting')).toBe('Total €3,000.50Weighted €300.05');
    await page.getByTestId('deal-card').filter({ hasText: 'Northwind renewal' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => totals('negotiation')).toBe('Total €12,000.00Weighted €9,000.00');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Northwind renewal');
    await page.getByTestId('deal-card').filter({ hasText: 'Contoso pilot' }).dragTo(page.locator('[data-stage=qualification]'));
    await expect.poll(() => totals('qualification')).toBe('Total €3,000.50Weighted €600.10');
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace-deals-en.png') });
    await sync(page);
    expect(rapport.rows('Deals').map((r) => [r.Name, r.Stage]).sort()).toEqual([['Contoso pilot', 'qualification'], ['Northwind renewal', 'negotiation']]);
  });

  it('merges two records of one person: history kept, one survivor and a tombstone for everyone', async () => {
    const csv = join(tmpdir(), `beatrice-${Date.now()}.csv`);
    writeFileSync(csv, `First Name,Last Name,E-mail Address,Company,Job Title\nBeatrice,Lindqvist,${BEA},Northwind Traders GmbH,Head of Purchasing\n`);
    expect(await importFile(csv, 'Import them as new contacts')).toBe('Imported: 1 new, 0 updated, 0 skipped.');
    await search('beatrice');
    await page.press('input[name=search]', 'Enter');
    await page.getByLabel('Subject').fill('Note on the second record');
    await page.locator('select[name=entryType]').selectOption({ label: 'Note' });
    await page.getByRole('button', { name: 'Add to history' }).click();
    await sync(page);
    expect(rapport.rows('Contacts').filter((r) => String(r.Emails).includes(BEA))).toHaveLength(2);

    await go('#/duplicates');
    await page.getByRole('button', { name: 'Look for duplicates' }).click();
    const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Beatrice' });
    await expect.poll(() => pair.locator('.chip').allTextContents()).toEqual(['same email', 'similar name, same company']);
    await pair.getByRole('button', { name: 'Compare and merge' }).click();
    await page.getByRole('radio', { name: 'Head of Purchasing' }).check();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    expect(await page.getByTestId('merge-result').textContent()).toBe('Merged. 1 history entries moved to Bea Lindqvist.');
    await openContact('lindqvist');
    expect(await page.getByLabel('Job title').inputValue()).toBe('Head of Purchasing');
    expect(await page.getByTestId('timeline').textContent()).toContain('Note on the second record');
    await sync(page);

    const rows = rapport.rows('Contacts');
    const survivor = rows.find((r) => String(r.Emails).includes(BEA))!;
    expect(rows.filter((r) => String(r.Emails).includes(BEA))).toHaveLength(1);
    expect(survivor).toMatchObject({ 'First name': 'Bea', 'Job title': 'Head of Purchasing' });
    const tombstone = rows.find((r) => r.Deleted === true)!;
    expect(tombstone).toMatchObject({ 'First name': '', 'Last name': '', Emails: '', Company: '' });
    expect(rapport.rows('Interactions').find((r) => r.Subject === 'Note on the second record')).toMatchObject({ 'Contact ID': survivor.id });
    const bobPage = await workspace(bob.browser);
    await sync(bobPage);
    const bobs = await bob.stored('contacts');
    expect(bobs.find((c) => c.id === survivor.id)).toMatchObject({ jobTitle: 'Head of Purchasing', deleted: false });
    expect(bobs.find((c) => c.id === tombstone.id)).toMatchObject({ deleted: true, firstName: '', emails: [] });
    await bobPage.close();
  });

  it('exports CSV with formula text neutralised, vCards, and a backup that restores into an empty profile', async () => {
    await go('#/export');
    const csv = await downloaded(() => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const vcards = await downloaded(() => page.getByRole('button', { name: 'Download vCard' }).click());
    expect(vcards.match(/BEGIN:VCARD/g)).toHaveLength(22);
    await search('northwind');
    await go('#/export');
    await page.getByRole('radio', { name: 'The current list (2)' }).check();
    const list = await downloaded(() => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(list.trim().split('\r\n')).toHaveLength(3);

    const backup = await downloaded(() => page.getByRole('button', { name: 'Download full backup (JSON)' }).click());
    backupFile = join(tmpdir(), `rapport-backup-${Date.now()}.json`);
    writeFileSync(backupFile, backup);
    // Not into a profile that holds records.
    await page.setInputFiles('input[name=backupFile]', backupFile);
    await page.getByRole('button', { name: 'Restore' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('restores only into an empty profile');

    // A new browser profile, in German.
    german = await launchWithExtension(undefined, { locale: 'de-DE' });
    const fresh = await workspace(german, '#/export');
    await fresh.setInputFiles('input[name=backupFile]', backupFile);
    await expect.poll(() => fresh.getByText(/Diese Sicherung enthält 23 Kontakte/).count()).toBe(1);
    await fresh.getByRole('button', { name: 'Wiederherstellen' }).click();
    expect(await fresh.getByTestId('restore-result').textContent()).toMatch(/^\d+ Datensätze wiederhergestellt\.$/);
    await fresh.evaluate(() => (location.hash = '#/contacts'));
    await expect.poll(() => fresh.getByTestId('contact-count').textContent()).toBe('22 Kontakte');
    await fresh.close();
  });

  it('exports everything about a person, the sheet’s own columns included, then erases them everywhere', async () => {
    // The team keeps a column of its own in the sheet, which the sync does not carry.
    const header = rapport.header('Contacts');
    const row = rapport.rows('Contacts').findIndex((r) => String(r.Emails).includes(BEA)) + 2;
    rapport.sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!.insertColumnsAfter(header.length, 1);
    await rapport.editCell('Contacts', 1, header.length + 1, 'Favourite wine');
    await rapport.editCell('Contacts', row, header.length + 1, 'Riesling');
    await openContact('lindqvist');
    const name = await page.getByTestId('contact-name').textContent();
    const exported = JSON.parse(await downloaded(() => page.getByRole('button', { name: 'Export everything about this person' }).click())) as Record<string, any>;
    expect(exported.contact).toMatchObject({ firstName: 'Bea', emails: [BEA, 'bea@lindqvist.test'] });
    expect(exported.interactions.map((i: { subject: string }) => i.subject)).toEqual(expect.arrayContaining(['Discussed the renewal', 'Note on the second record']));
    expect(exported.deals.map((d: { name: string }) => d.name)).toEqual(['Northwind renewal']);
    expect(exported.followUps.map((f: { title: string }) => f.title)).toEqual(['Send the new price list']);
    // What the sheet moved to its archives is theirs too.
    expect(exported.sheet.archived.interactions.map((i: { subject: string }) => i.subject)).toEqual(['Order 1001 (2021)']);
    expect(exported.sheet.tabs.Contacts).toEqual([expect.objectContaining({ Emails: `${BEA}, bea@lindqvist.test`, 'Favourite wine': 'Riesling' })]);
    expect(exported.sheet.tabs.Interactions.length).toBeGreaterThanOrEqual(5);

    await page.getByRole('button', { name: 'Erase this person…' }).click();
    await page.getByRole('button', { name: 'Erase for everyone' }).click();
    expect(await page.getByTestId('notice').textContent()).toBe(`${name} was erased. The sheet and your teammates follow with the next sync.`);
    await search('lindqvist');
    expect(await rowNames()).toEqual([]);
    await sync(page);
    const erased = rapport.rows('Contacts')[row - 2]!;
    expect(erased).toMatchObject({ Deleted: true, 'First name': '', 'Last name': '', Emails: '', Phones: '', 'Job title': '', 'Favourite wine': 'Riesling' });
    const history = rapport.rows('Interactions').filter((r) => r['Contact ID'] === erased.id);
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((r) => r.Subject === '' && r.Summary === '')).toBe(true);
    expect(rapport.rows('Deals').find((r) => r['Contact ID'] === erased.id)).toMatchObject({ Name: '', Amount: 12000 });
    const bobPage = await workspace(bob.browser);
    await sync(bobPage);
    expect(JSON.stringify(await bob.stored('contacts'))).not.toContain('Lindqvist');
    expect(JSON.stringify(await bob.stored('interactions'))).not.toContain('Discussed the renewal');
    expect((await bob.stored('contacts')).find((c) => c.id === erased.id)).toMatchObject({ deleted: true, firstName: '', emails: [] });
    await bobPage.close();
  });

  it('never offers, saves or logs addresses on the never-log list, prefilled with the member’s own domain', async () => {
    const options = await rapport.browser.context.newPage();
    await options.goto(`chrome-extension://${rapport.browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('textarea[name=neverLog]').inputValue()).toBe('rapport.local');
    await options.fill('textarea[name=neverLog]', 'rapport.local\nnorthwind.test');
    await options.getByRole('button', { name: 'Save privacy settings' }).click();
    await options.getByTestId('privacy-saved').waitFor();
    await options.close();
    await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(join(FIXTURES, 'e2e/gmail-message.html'), 'utf8') }));
    const gmail = await rapport.browser.context.newPage();
    await gmail.goto(GMAIL_URL);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, 'https://mail.google.com/*'));
    // With nobody to offer on the page, the popup opens on Today; the page's view says so.
    await popup.getByRole('tab', { name: 'This page' }).click();
    await expect.poll(() => popup.getByText('Nobody on this page.').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.getByTestId('candidate').count()).toBe(0);
    await popup.close();
    await gmail.close();
    // Nor imported.
    const csv = join(tmpdir(), `colleague-${Date.now()}.csv`);
    writeFileSync(csv, 'Name,Email\nCara Colleague,cara@rapport.local\nNew Person,new@northwind.test\nOk Person,ok@fabrikam.test\n');
    await go('#/import');
    await page.setInputFiles('input[name=importFile]', csv);
    await page.getByRole('button', { name: /^Check/ }).click();
    await expect.poll(() => page.getByTestId('bad-rows').locator('tbody tr').allTextContents()).toEqual(['2cara@rapport.local is on your never-log list', '3new@northwind.test is on your never-log list']);
  });

  it('speaks German, with dates and amounts as Germans write them', async () => {
    const de = await workspace(german!, '#/contacts');
    await expect.poll(() => de.getByTestId('contact-count').textContent()).toBe('22 Kontakte');
    expect(await de.getByRole('navigation').textContent()).toContain('Verkaufschancen');
    await de.screenshot({ path: join(SCREENSHOTS, 'workspace-list-de.png') });
    await de.fill('input[name=search]', 'lindqvist');
    await expect.poll(() => de.getByTestId('contact-count').getAttribute('data-search')).toBe('lindqvist');
    await de.press('input[name=search]', 'Enter');
    await de.getByTestId('contact-name').waitFor();
    expect(await de.getByTestId('timeline').textContent()).toContain('Phase geändert zu Kunde');
    expect(await de.getByTestId('timeline').textContent()).toContain('1.200,00');
    await de.screenshot({ path: join(SCREENSHOTS, 'workspace-contact-de.png'), fullPage: true });
    await de.evaluate(() => (location.hash = '#/deals'));
    await expect.poll(async () => (await de.getByTestId('totals-negotiation').textContent())?.replace(/\u00a0/g, ' ')).toBe('Summe 12.000,00 €Gewichtet 9.000,00 €');
    await de.screenshot({ path: join(SCREENSHOTS, 'workspace-deals-de.png') });
    await de.evaluate(() => (location.hash = '#/import'));
    await de.setInputFiles('input[name=importFile]', join(FIXTURES, 'import/with-bad-rows.csv'));
    await de.getByRole('button', { name: '8 Zeilen prüfen' }).click();
    await expect.poll(() => de.getByTestId('bad-rows').locator('tbody tr').nth(1).textContent()).toBe('4„paul.becker(at)example.test“ ist keine E-Mail-Adresse');
    await de.screenshot({ path: join(SCREENSHOTS, 'workspace-import-de.png'), fullPage: true });
    await de.close();
  });
});
