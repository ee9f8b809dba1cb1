import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from './harness/chromium';
import { ROOT, SCREENSHOTS, startRapport, syncFromPopup } from './harness/rapport';
import { servePages } from './harness/static-server';

// A company's team page of 30 people, marked up as such pages are: the company in JSON-LD, each
// person in schema.org microdata with a mailto: link, the general address in the footer.
const names = [
  'Anna Keller', 'Ben Okafor', 'Carla Jiménez', 'David Novak', 'Elif Yilmaz', 'Felix Brandt', 'Grace Liu', 'Hannes Berg',
  'Ines Duarte', 'Jonas Lindgren', 'Kira Petrova', 'Lukas Meier', 'Maya Cohen', 'Noah Fischer', 'Olivia Grant', 'Paul Schreiber',
  'Quinn Murphy', 'Rosa Marino', 'Samir Haddad', 'Tara Walsh', 'Uwe Krämer', 'Vera Sokolova', 'Wim de Vries', 'Xenia Lang',
  'Yusuf Demir', 'Zoe Hartmann', 'Aaron Weiss', 'Bianca Rossi', 'Cem Aksoy', 'Dana Frank',
];
const titles = ['Data Scientist', 'Account Manager', 'Software Engineer', 'Head of Sales', 'Product Manager', 'Consultant'];
const address = (name: string) => `${name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.')}@kestrel-analytics.example`;
const teamPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Our team – Kestrel Analytics</title>
<meta property="og:site_name" content="Kestrel Analytics GmbH">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Kestrel Analytics GmbH","url":"https://kestrel-analytics.example/","email":"info@kestrel-analytics.example","telephone":"+49 30 5550 1200"}</script>
</head><body><h1>Meet the team</h1><ul class="team">
${names.map((name, i) => `<li itemscope itemtype="https://schema.org/Person"><h3 itemprop="name">${name}</h3><p itemprop="jobTitle">${titles[i % titles.length]}</p>
<a itemprop="email" href="mailto:${address(name)}">${address(name)}</a></li>`).join('\n')}
</ul><footer>General enquiries: <a href="mailto:info@kestrel-analytics.example">info@kestrel-analytics.example</a></footer></body></html>`;

let rapport: Awaited<ReturnType<typeof startRapport>>;
let site: Awaited<ReturnType<typeof servePages>>;

beforeAll(async () => {
  rapport = await startRapport();
  site = await servePages({ '/team/': teamPage, '/notes/': readFileSync(join(ROOT, 'test/fixtures/capture/page-h-card.html'), 'utf8') });
  mkdirSync(SCREENSHOTS, { recursive: true });
  expect(await rapport.configure()).toContain('Connected as');
});

afterAll(async () => {
  await rapport?.stop();
  await site?.close();
});

describe('a team page of 30 people in Chromium', () => {
  it('lists them compactly; five selected are saved and synced with their company', async () => {
    const page = await rapport.browser.context.newPage();
    await page.goto(`${site.url}/team/`);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, `${site.url}/*`));
    await expect.poll(() => popup.getByTestId('person-row').count()).toBe(30);
    expect(await popup.getByRole('button', { name: 'Save contact' }).count()).toBe(0);
    const company = popup.getByTestId('candidate');
    expect(await company.count()).toBe(1);
    expect(await company.getByTestId('name').textContent()).toBe('Kestrel Analytics GmbH');
    expect(await company.getByTestId('company-emails').textContent()).toBe('info@kestrel-analytics.example');

    const chosen = ['Carla Jiménez', 'Grace Liu', 'Maya Cohen', 'Tara Walsh', 'Dana Frank'];
    for (const name of chosen) await popup.getByRole('checkbox', { name, exact: true }).check();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-team-page.png') });
    await popup.getByRole('button', { name: 'Save selected (5)' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent(), { timeout: 15_000 }).toBe('5 contacts saved.');
    await syncFromPopup(popup);

    const contacts = rapport.rows('Contacts');
    expect(contacts).toHaveLength(5);
    expect(contacts.map((row) => `${row['First name']} ${row['Last name']}`).sort()).toEqual([...chosen].sort());
    for (const row of contacts) expect(row).toMatchObject({ Company: 'Kestrel Analytics GmbH', Source: 'microdata' });
    expect(contacts.find((row) => row['First name'] === 'Carla')).toMatchObject({ Emails: 'carla.jimenez@kestrel-analytics.example', 'Job title': 'Software Engineer' });
    await popup.close();
    await page.close();
  });

  it('loads the microformats parser into a page with h-cards only, and reads them', async () => {
    const page = await rapport.browser.context.newPage();
    await page.goto(`${site.url}/notes/`);
    const popup = await rapport.openPopup(await tabIdOf(rapport.browser, `${site.url}/notes/*`));
    const priya = popup.getByTestId('candidate').filter({ hasText: 'priya@lumenhealth.example' });
    await expect.poll(() => priya.getByTestId('job').textContent()).toBe('Growth Lead · Lumen Health');
    await popup.close();
    await page.close();
  });
});
