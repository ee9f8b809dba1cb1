import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../extension/capture/json-ld';
import { loadPage, parseHtml } from './load-page';

const page = (json: string) => parseHtml(`<html><head><script type="application/ld+json">${json}</script></head><body></body></html>`);

describe('JSON-LD', () => {
  it('reads an Organization from @graph with its nested contact points, and people from an array', () => {
    const candidates = readJsonLd(loadPage('page-json-ld.html'), 'DE');
    expect(candidates[0]).toMatchObject({
      source: 'json-ld', role: 'organization', name: 'Hoffmann & Weber Maschinenbau GmbH', company: 'Hoffmann & Weber Maschinenbau GmbH',
      emails: ['info@hw-maschinenbau.de', 'vertrieb@hw-maschinenbau.de'],
      phones: ['+49711987650', '+497119876530', '+497119876540'],
      website: 'https://www.hw-maschinenbau.de',
      address: 'Industriestraße 14, 70565 Stuttgart, Deutschland',
      socialLinks: ['https://www.linkedin.com/company/hw-maschinenbau', 'https://www.xing.com/pages/hw-maschinenbau'],
    });
    expect(candidates.find((c) => c.name === 'Dr. Katrin Hoffmann')).toMatchObject({
      role: 'person', firstName: 'Katrin', lastName: 'Hoffmann', jobTitle: 'Leiterin Einkauf',
      company: 'Hoffmann & Weber Maschinenbau GmbH', emails: ['k.hoffmann@hw-maschinenbau.de'], phones: ['+497119876521'],
      socialLinks: ['https://www.linkedin.com/in/katrin-hoffmann-hw'],
    });
    // givenName/familyName without name; a DefinedTerm job title; worksFor as plain text.
    expect(candidates.find((c) => c.lastName === 'Weber')).toMatchObject({
      name: 'Thomas Weber', firstName: 'Thomas', jobTitle: 'Geschäftsführer', company: 'Hoffmann & Weber Maschinenbau GmbH', phones: ['+497119876510'],
    });
  });

  it('skips a malformed block and keeps the others', () => {
    const candidates = readJsonLd(loadPage('page-json-ld.html'), 'DE');
    expect(candidates.some((c) => c.emails.includes('broken@example.com'))).toBe(false);
    expect(candidates.length).toBeGreaterThan(0);
  });

  it('reads a LocalBusiness subtype, numbers in the country of its address, and its founder but not its reviewers', () => {
    const candidates = readJsonLd(loadPage('page-json-ld-local-business.html'), 'US');
    expect(candidates.map((c) => c.name)).toEqual(['Zahnarztpraxis Dr. Huber', 'Dr. Maria Huber']);
    expect(candidates[0]).toMatchObject({
      role: 'organization', phones: ['+4315043210'], emails: ['ordination@zahnarzt-huber.at'],
      website: 'https://www.zahnarzt-huber.at', address: 'Wiedner Hauptstraße 25, 1040 Wien, Österreich',
    });
    expect(candidates[1]).toMatchObject({ role: 'person', jobTitle: 'Zahnärztin' });
  });

  it('writes a US address the American way', () => {
    const [candidate] = readJsonLd(page(JSON.stringify({
      '@type': 'Corporation', name: 'QuantaLeaf, Inc.',
      address: { '@type': 'PostalAddress', streetAddress: '500 Howard St', addressLocality: 'San Francisco', addressRegion: 'CA', postalCode: '94105', addressCountry: 'US' },
    })), 'US');
    expect(candidate.address).toBe('500 Howard St, San Francisco, CA 94105, United States');
  });

  it('reads a standalone ContactPoint and schema: prefixed types', () => {
    const candidates = readJsonLd(page(JSON.stringify([
      { '@type': 'ContactPoint', name: 'Hotline', telephone: '+1-800-555-0100', contactType: 'customer service' },
      { '@type': 'schema:Person', name: 'Ann Lee', email: 'ann@lee.example' },
    ])), 'US');
    expect(candidates).toMatchObject([
      { role: 'organization', name: 'Hotline', phones: ['+18005550100'] },
      { role: 'person', name: 'Ann Lee', emails: ['ann@lee.example'] },
    ]);
  });

  it('ignores types that are no person or organisation, and pages without JSON-LD', () => {
    expect(readJsonLd(page(JSON.stringify({ '@type': 'Product', name: 'Pump 3000', review: { '@type': 'Review', author: { '@type': 'Person', name: 'X Y' } } })), 'US')).toEqual([]);
    expect(readJsonLd(parseHtml('<p>nothing</p>'), 'US')).toEqual([]);
    expect(readJsonLd(page('<!-- {"@type":"Person","name":"Ann Lee"} -->'), 'US')).toMatchObject([{ name: 'Ann Lee' }]);
  });
});
