import { describe, expect, it } from 'vitest';
import { readContactLinks } from '../../../extension/capture/contact-links';
import { loadPage, parseHtml } from './load-page';

const url = 'https://www.nordlicht-beratung.de/ansprechpartner/';

describe('mailto, tel and vCard links', () => {
  const candidates = () => readContactLinks(loadPage('page-links.html'), url, 'DE');

  it('names a mailto person from the card they are listed in, and joins the card’s phone', () => {
    expect(candidates()[0]).toMatchObject({
      source: 'mailto', role: 'person', name: 'Lena Vogt', emails: ['lena.vogt@nordlicht-beratung.de'], phones: ['+491712345678'],
    });
    // The query string (?subject=…) is not part of the address; national numbers use the page's region.
    expect(candidates()[1]).toMatchObject({ name: 'Jonas Weber', emails: ['jonas.weber@nordlicht-beratung.de'], phones: ['+494033445566'] });
  });

  it('reads several addresses in one link as a mailbox of the organisation, and "Name <address>" links', () => {
    expect(candidates()[2]).toMatchObject({ name: '', role: 'organization', emails: ['info@nordlicht-beratung.de', 'presse@nordlicht-beratung.de'] });
    expect(candidates()[3]).toMatchObject({ name: 'Mia Hansen', emails: ['mia.hansen@nordlicht-beratung.de'] });
  });

  it('keeps a phone outside any card as its own candidate', () => {
    expect(candidates()[4]).toMatchObject({ source: 'tel', name: '', phones: ['+494033445500'], emails: [] });
  });

  it('records a vCard link as a note, named after its file, without fetching it', () => {
    expect(candidates()[5]).toMatchObject({ source: 'vcard', name: 'Lena Vogt', note: 'vCard: https://www.nordlicht-beratung.de/team/lena-vogt.vcf' });
    expect(candidates()).toHaveLength(6);
  });

  it('takes a person’s name from the link text only when it reads like a name', () => {
    const doc = parseHtml('<a href="mailto:a@x.de">Schreiben Sie uns</a> <a href="mailto:b@x.de">Bea Schulz</a> <a href="tel:+4930123456">Anrufen</a> <a href="mailto:">leer</a>');
    expect(readContactLinks(doc, 'https://x.de/', 'DE').map((c) => [c.name, c.emails, c.phones])).toEqual([
      ['', ['a@x.de'], []], ['Bea Schulz', ['b@x.de'], []], ['', [], ['+4930123456']],
    ]);
  });
});
