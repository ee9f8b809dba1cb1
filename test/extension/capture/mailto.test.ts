import { describe, expect, it } from 'vitest';
import { readMailtoAndTelLinks } from '../../../extension/capture/mailto';
import { readVcardLinks } from '../../../extension/capture/vcard-link';
import { loadPage, parseHtml } from './load-page';

const url = 'https://www.nordlicht-beratung.de/ansprechpartner/';

describe('mailto and tel links', () => {
  const candidates = () => readMailtoAndTelLinks(loadPage('page-links.html'), 'DE');

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

  it('finds nothing else on the page', () => {
    expect(candidates()).toHaveLength(5);
  });

  it('takes a person’s name from the link text only when it reads like a name', () => {
    const doc = parseHtml('<a href="mailto:a@x.de">Schreiben Sie uns</a> <a href="mailto:b@x.de">Bea Schulz</a> <a href="tel:+4930123456">Anrufen</a> <a href="mailto:">leer</a>');
    expect(readMailtoAndTelLinks(doc, 'DE').map((c) => [c.name, c.emails, c.phones])).toEqual([
      ['', ['a@x.de'], []], ['Bea Schulz', ['b@x.de'], []], ['', [], ['+4930123456']],
    ]);
  });
});

describe('vCard links', () => {
  it('records the link as a note, named after its file, without fetching it', () => {
    expect(readVcardLinks(loadPage('page-links.html'), url)).toMatchObject([
      { source: 'vcard', name: 'Lena Vogt', emails: [], phones: [], note: 'vCard: https://www.nordlicht-beratung.de/team/lena-vogt.vcf' },
    ]);
  });

  it('takes the name from the link text when it is one, and skips links that are not web addresses', () => {
    const doc = parseHtml('<a href="/k/x1.vcf?v=2">Jonas Weber</a> <a href="javascript:x.vcf">Eve Bad</a> <a href="/k/download.vcf">Kontakt</a>');
    expect(readVcardLinks(doc, 'https://x.de/team/').map((c) => [c.name, c.note])).toEqual([
      ['Jonas Weber', 'vCard: https://x.de/k/x1.vcf?v=2'],
      ['', 'vCard: https://x.de/k/download.vcf'],
    ]);
  });
});
