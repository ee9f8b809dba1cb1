import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mf2 } from 'microformats-parser';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../extension/capture/index';
import { readMicrodata } from '../../../extension/capture/microdata';
import { readRdfa } from '../../../extension/capture/rdfa';
import { parseHtml } from './load-page';

// Real public pages (sources in test/fixtures/pages/README.md): each person or organisation,
// however many readers find it, comes out as one card with its name and address.
const page = (name: string) => parseHtml(readFileSync(join(import.meta.dirname, '../../fixtures/pages', name), 'utf8'));
const tools = { microformats: mf2 };
const people = (cards: ReturnType<typeof capturePage>) => cards.filter((c) => c.role !== 'organization');

describe('schema.org’s Person example (Jane Doe)', () => {
  it('reads the microdata form', () => {
    expect(readMicrodata(page('schema-org-person-microdata.html'), 'https://www.xyz.edu/jane', 'US')).toEqual([
      expect.objectContaining({
        source: 'microdata', role: 'person', name: 'Jane Doe', jobTitle: 'Professor', emails: ['jane-doe@xyz.edu'], phones: ['+14251234567'],
        website: 'http://www.janedoe.com', address: '20341 Whitworth Institute Suite 123 405 N. Whitworth, Seattle, WA 98052',
      }),
    ]);
  });

  it('reads the RDFa form', () => {
    expect(readRdfa(page('schema-org-person-rdfa.html'), 'https://www.xyz.edu/jane', 'US')).toEqual([
      expect.objectContaining({ source: 'rdfa', role: 'person', name: 'Jane Doe', jobTitle: 'Professor', emails: ['jane-doe@xyz.edu'], phones: ['+14251234567'] }),
    ]);
  });

  it('gives one card for the person written four ways on one page (JSON-LD, microdata, RDFa, a mailto: link)', () => {
    const cards = capturePage(page('schema-org-person-all.html'), 'https://www.xyz.edu/jane', tools);
    expect(people(cards)).toEqual([
      expect.objectContaining({ name: 'Jane Doe', emails: ['jane-doe@xyz.edu'], jobTitle: 'Professor', phones: ['+14251234567'], website: 'http://www.janedoe.com' }),
    ]);
  });
});

describe('schema.org’s LocalBusiness example (a shop)', () => {
  it('merges the shop in microdata, in RDFa and the site’s own card into one company card with its address', () => {
    const cards = capturePage(page('schema-org-local-business.html'), 'https://www.beachwalk-beachwear.example/', tools);
    expect(cards).toEqual([
      expect.objectContaining({
        role: 'organization', name: 'Beachwalk Beachwear & Giftware', phones: ['+18506484200'],
        address: '3102 Highway 98, Mexico Beach, FL', website: 'https://www.beachwalk-beachwear.example',
      }),
    ]);
  });
});

describe('the W3C RDFa primer’s FOAF example', () => {
  it('reads the author with name, mbox and phone as one card', () => {
    const cards = capturePage(page('rdfa-primer-foaf.html'), 'http://example.com/alice/posts/trouble_with_bob', tools);
    expect(people(cards).filter((c) => c.emails.length)).toEqual([
      expect.objectContaining({ source: 'rdfa', name: 'Alice Birpemswick', emails: ['alice@example.com'], phones: ['+16175557332'] }),
    ]);
    // Her blog is no company.
    expect(cards.some((c) => c.role === 'organization')).toBe(false);
  });
});

describe('an IndieWeb post with the author’s h-card and a footer mailto: link', () => {
  it('joins the footer address to the author: one card with name and email', () => {
    const cards = capturePage(page('indieweb-h-entry.html'), 'http://example.com/2013/06/microformats', tools);
    expect(cards).toEqual([expect.objectContaining({ source: 'h-card', name: 'W. Developer', emails: ['w.developer@example.com'], website: 'http://example.com' })]);
  });
});
