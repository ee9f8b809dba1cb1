import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup, TOKEN } from './harness/rapport';

const gmailPage = readFileSync(join(ROOT, 'test/fixtures/e2e/gmail-message.html'), 'utf8');

let rapport: Awaited<ReturnType<typeof startRapport>>;

beforeAll(async () => {
  rapport = await startRapport();
  await rapport.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: gmailPage }));
  expect(await rapport.configure()).toContain('Connected as');
});

afterAll(async () => {
  await rapport?.stop();
});

describe('closed loop: scores computed in the sheet show in the popup', () => {
  it('shows the value class and segment of a customer after the sheet recalculates', async () => {
    const gmail = await rapport.browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGvLbTnPqRwzZxcVbnM');
    const tabId = await tabIdOf(rapport.browser, 'https://mail.google.com/*');
    let popup = await rapport.openPopup(tabId);
    const card = () => popup.getByTestId('candidate').filter({ hasText: 'bea.lindqvist@northwind.test' });
    await card().getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Contact saved.');
    await syncFromPopup(popup);
    const beaId = String(rapport.rows('Contacts')[0]?.id);

    // Purchases arrive from elsewhere (another device of the team), then the sheet scores.
    const purchase = (day: string, amount: number) => {
      const at = `${day}T10:00:00.000Z`;
      return { id: newId(), createdAt: at, updatedAt: at, updatedBy: 'x', contactId: beaId, type: 'purchase', occurredAt: at, amount, subject: 'Order' };
    };
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    const answer = await fetch(rapport.sheet.execUrl, {
      method: 'POST',
      body: JSON.stringify({ token: TOKEN, clientId: 'shop', since: 0, changes: { contacts: [], companies: [], interactions: [purchase(daysAgo(200), 1200), purchase(daysAgo(90), 800), purchase(daysAgo(10), 950)], deals: [], followUps: [] } }),
    });
    expect(((await answer.json()) as { ok: boolean }).ok).toBe(true);
    const run = await fetch(`${rapport.sheet.url}/api/run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ function: 'recalculateScores' }) });
    expect(run.ok).toBe(true);
    expect(rapport.rows('Contacts')[0]).toMatchObject({ 'Value class': 'A' });

    await syncFromPopup(popup);
    await popup.close();
    popup = await rapport.openPopup(tabId);
    const facts = card().getByTestId('facts');
    await expect.poll(() => facts.textContent()).toContain('Class A');
    expect(await facts.getByTestId('fact-rfm').getAttribute('data-value')).toBe(String(rapport.rows('Contacts')[0]?.['RFM segment']));
    // Three purchases make Bea a customer, whatever stage was left behind.
    expect(await card().getByTestId('status').textContent()).toBe('Known · customer');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-scored.png'), fullPage: true });
  });
});
