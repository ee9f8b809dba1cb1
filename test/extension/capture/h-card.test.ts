import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mf2 } from 'microformats-parser';
import { readHCards } from '../../../extension/capture/h-card';
import { loadPage, parseHtml } from './load-page';

// The community's expected parser output, turned into the candidate fields the reader promises:
// name (an organisation without a name is named by its org), emails, phones, org as company
// (an organisation is its own company), the first url that is not a profile site as website.
type Item = { type: string[]; properties: Record<string, unknown[]>; children?: Item[] };
const suite = join(import.meta.dirname, '../../fixtures/h-card');
const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && 'properties' in v;
const textOf = (v: unknown): string =>
  typeof v === 'string' ? v : isItem(v) ? String((v as { value?: unknown }).value ?? v.properties.name?.[0] ?? '') : String((v as { value?: unknown }).value ?? '');

function expectedCards(item: Item, asOrganization: boolean, out: object[]): void {
  if (item.type.includes('h-card')) {
    const p = item.properties;
    const name = textOf(p.name?.[0] ?? '');
    const org = textOf(p.org?.[0] ?? '');
    const organization = asOrganization || item.type.includes('h-org') || (!name && Boolean(org));
    const card = {
      name: name || (organization ? org : ''),
      emails: (p.email ?? []).map((e) => textOf(e).replace(/^mailto:/, '')),
      phones: (p.tel ?? []).map(textOf),
      company: organization ? name || org : org,
      // A bare origin is written without its trailing slash.
      website: (p.url ?? []).map(textOf).find((u) => !/twitter\.com|linkedin\.com/.test(u))?.replace(/^(https?:\/\/[^/]+)\/$/, '$1') ?? '',
    };
    if (card.name || card.company || card.website || card.emails.length) out.push(card);
  }
  for (const [property, values] of Object.entries(item.properties)) {
    for (const value of values) if (isItem(value)) expectedCards(value, property === 'org', out);
  }
  for (const child of item.children ?? []) expectedCards(child, false, out);
}

const cases = readdirSync(suite).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));

describe('h-card, the microformats community test suite', () => {
  it('has every case with its expected output', () => {
    expect(cases.length).toBe(15);
  });

  it.each(cases)('%s: each person or organisation becomes a candidate with the expected fields', (name) => {
    const doc = parseHtml(readFileSync(join(suite, `${name}.html`), 'utf8'));
    const expected: object[] = [];
    for (const item of (JSON.parse(readFileSync(join(suite, `${name}.json`), 'utf8')) as { items: Item[] }).items) expectedCards(item, false, expected);
    const found = readHCards(doc, 'http://example.com/', 'US', mf2).map((c) => ({
      name: c.name, emails: c.emails, phones: c.phones, company: c.company, website: c.website,
    }));
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});

describe('h-card on a page', () => {
  it('reads a full card with email, phone, job title, org, address and profile link, and the older vcard class', () => {
    const cards = readHCards(loadPage('page-h-card.html'), 'https://priyasharma.example/notes/small-batch', 'US', mf2);
    const full = cards.find((c) => c.emails.length > 0 && c.role === 'person');
    expect(full).toMatchObject({
      source: 'h-card', name: 'Priya Sharma', emails: ['priya@lumenhealth.example'], phones: ['+14155550134'],
      jobTitle: 'Growth Lead', company: 'Lumen Health', website: 'https://priyasharma.example', address: 'San Francisco, CA',
      socialLinks: ['https://www.linkedin.com/in/priya-sharma-example'],
    });
    expect(cards.find((c) => c.name === 'Lumen Health, Inc.')).toMatchObject({
      role: 'organization', emails: ['hello@lumenhealth.example'], phones: ['+14155550100'], address: '500 Howard St, San Francisco, CA 94105',
    });
  });

  it('finds nothing on a page without cards', () => {
    expect(readHCards(parseHtml('<p class="h-entry">no card</p>'), 'https://example.com/', 'US', mf2)).toEqual([]);
  });
});
