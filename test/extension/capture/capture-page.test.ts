import { mf2 } from 'microformats-parser';
import { describe, expect, it } from 'vitest';
import { pageCaptureSchema, type Candidate } from '../../../extension/capture/candidate';
import { capturePage, readPage } from '../../../extension/capture/index';
import { makeCandidate } from '../../../extension/capture/make-candidate';
import { mergeCandidates } from '../../../extension/capture/merge';
import { readSite } from '../../../extension/capture/site';
import { loadPage, parseHtml } from './load-page';

describe('capturePage', () => {
  it('puts the webmail people first and merges the page’s links into them', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKkLbvZgCmnbbbNqFRxpz';
    const candidates = capturePage(loadPage('gmail-message.html'), url);
    // The signature's mailto: link and the quoted mailto: link of the user merge into the header people.
    expect(candidates.map((c) => [c.source, c.emails])).toEqual([
      ['gmail', ['john.carter@northwindtraders.com']],
      ['gmail', ['lena.park@brightside-studio.com']],
    ]);
    // A webmail page is no company to save.
    expect(candidates.some((c) => c.source === 'site')).toBe(false);
  });

  it('merges a JSON-LD organisation, its repetition as an employer and the site into one', () => {
    const candidates = capturePage(loadPage('page-json-ld.html'), 'https://www.hw-maschinenbau.de/team/');
    expect(candidates.map((c) => [c.source, c.role, c.name])).toEqual([
      ['json-ld', 'organization', 'Hoffmann & Weber Maschinenbau GmbH'],
      ['json-ld', 'person', 'Dr. Katrin Hoffmann'],
      ['json-ld', 'person', 'Thomas Weber'],
    ]);
  });

  it('merges the repeated h-cards of one person, and the organisation by its domain', () => {
    const candidates = capturePage(loadPage('page-h-card.html'), 'https://priyasharma.example/notes/small-batch', { microformats: mf2 });
    const priya = candidates.filter((c) => c.name === 'Priya Sharma');
    expect(priya).toHaveLength(1);
    expect(priya[0]).toMatchObject({ source: 'h-card', role: 'person', company: 'Lumen Health', emails: ['priya@lumenhealth.example'] });
    expect(candidates.map((c) => c.name)).toEqual(['Priya Sharma', 'Lumen Health, Inc.']);
  });

  it('asks for the microformats parser when the page has h-card markup and it was not given', () => {
    expect(readPage(loadPage('page-h-card.html'), 'https://priyasharma.example/').needs).toEqual(['microformats']);
    expect(readPage(loadPage('page-h-card.html'), 'https://priyasharma.example/', { microformats: mf2 }).needs).toEqual([]);
    expect(readPage(loadPage('page-links.html'), 'https://www.nordlicht-beratung.de/').needs).toEqual([]);
  });

  it('reads a page of contact links: the site is the people’s company and holds the role addresses', () => {
    const candidates = capturePage(loadPage('page-links.html'), 'https://www.nordlicht-beratung.de/ansprechpartner/');
    expect(candidates.map((c) => [c.source, c.role, c.name, c.company])).toEqual([
      ['mailto', 'person', 'Lena Vogt', 'Nordlicht Beratung'], ['mailto', 'person', 'Jonas Weber', 'Nordlicht Beratung'],
      ['mailto', 'organization', 'Nordlicht Beratung', 'Nordlicht Beratung'], ['mailto', 'person', 'Mia Hansen', 'Nordlicht Beratung'], ['tel', 'person', '', ''],
    ]);
    expect(candidates[2]).toMatchObject({ emails: ['info@nordlicht-beratung.de', 'presse@nordlicht-beratung.de'], website: 'https://www.nordlicht-beratung.de' });
    // The vCard link joined Lena's card by name.
    expect(candidates[0].note).toBe('vCard: https://www.nordlicht-beratung.de/team/lena-vogt.vcf');
  });

  it('reads the user’s selection as a candidate', () => {
    const doc = parseHtml('<p id="s">Greg Simmons<br>Regional Sales Manager at Atlas Industrial Supply<br>Cell (713) 555-0175</p>');
    doc.getSelection()!.selectAllChildren(doc.getElementById('s')!);
    expect(capturePage(doc, 'about:blank')).toMatchObject([{ source: 'selection', name: 'Greg Simmons', phones: ['+17135550175'] }]);
  });

  it('reports the page, its title and no email for an ordinary page', () => {
    const capture = readPage(loadPage('page-links.html'), 'https://www.nordlicht-beratung.de/ansprechpartner/');
    expect(capture).toMatchObject({ url: 'https://www.nordlicht-beratung.de/ansprechpartner/', title: 'Ansprechpartner – Nordlicht Beratung', email: null, self: '' });
  });
});

describe('readPage output', () => {
  it.each([
    ['gmail-message.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKkLbvZgCmnbbbNqFRxpz'],
    ['gmail-thread-de.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxsnqZrPQwHmvKsVxCgRbLtw'],
    ['gmail-sent.html', 'https://mail.google.com/mail/u/0/#sent/FMfcgzQbfxsnqZrPQwHmvKsVxCgRbLtx'],
    ['outlook-conversation.html', 'https://outlook.office.com/mail/inbox/id/AAQkADAw'],
    ['outlook-de.html', 'https://outlook.office.com/mail/inbox/id/AAQkADAw'],
    ['page-json-ld.html', 'https://www.hw-maschinenbau.de/team/'],
    ['page-json-ld-local-business.html', 'https://www.zahnarzt-huber.at/'],
    ['page-h-card.html', 'https://priyasharma.example/notes/small-batch'],
    ['page-links.html', 'https://www.nordlicht-beratung.de/ansprechpartner/'],
  ])('%s matches the capture contract exactly', (file, url) => {
    const capture = readPage(loadPage(file), url);
    expect(pageCaptureSchema.parse(capture)).toEqual(capture);
    expect(capture.candidates.length).toBeGreaterThan(0);
  });
});

describe('mergeCandidates', () => {
  const person = (fields: Partial<Candidate>) => makeCandidate({ source: 'mailto', ...fields });

  it('merges by email ignoring case but not Gmail dots', () => {
    const merged = mergeCandidates([
      person({ emails: ['ann.lee@gmail.com'] }),
      person({ emails: ['Ann.Lee@Gmail.com'], name: 'Ann Lee' }),
      person({ emails: ['annlee@gmail.com'] }),
    ]);
    expect(merged.map((c) => [c.name, c.emails])).toEqual([['Ann Lee', ['ann.lee@gmail.com']], ['', ['annlee@gmail.com']]]);
  });

  it('merges by phone only when one side has no address', () => {
    const merged = mergeCandidates([
      person({ emails: ['ann@x.de'], phones: ['+49301234560'] }),
      person({ emails: ['bob@x.de'], phones: ['+49301234560'] }),
      makeCandidate({ source: 'tel', phones: ['+49301234560'], name: 'Ann Lee' }),
    ]);
    expect(merged.map((c) => [c.name, c.emails])).toEqual([['Ann Lee', ['ann@x.de']], ['', ['bob@x.de']]]);
  });

  it('keeps the first source and the richest value of each field', () => {
    const [merged] = mergeCandidates([
      makeCandidate({ source: 'gmail', role: 'sender', name: 'Dave', emails: ['dave@kestrel.example'], company: 'Kestrel' }),
      makeCandidate({ source: 'json-ld', name: 'Dave Mitchell', emails: ['dave@kestrel.example'], company: 'Kestrel Analytics', jobTitle: 'CEO', phones: ['+16175550147'] }),
    ]);
    expect(merged).toMatchObject({
      source: 'gmail', role: 'sender', name: 'Dave Mitchell', firstName: 'Dave', lastName: 'Mitchell',
      company: 'Kestrel Analytics', jobTitle: 'CEO', phones: ['+16175550147'],
    });
  });
});

describe('readSite', () => {
  const site = (head: string, url: string) => readSite(parseHtml(`<html><head>${head}</head></html>`), url)[0];

  it('prefers og:site_name', () => {
    expect(site('<title>Home</title><meta property="og:site_name" content="Acme Robotics">', 'https://acme.example/')).toMatchObject({
      source: 'site', role: 'organization', name: 'Acme Robotics', company: 'Acme Robotics', website: 'https://acme.example',
    });
  });

  it('takes the title segment that matches the domain, else the domain', () => {
    expect(site('<title>Zahnarztpraxis Dr. Huber – Wien</title>', 'https://www.zahnarzt-huber.at/')?.name).toBe('Zahnarztpraxis Dr. Huber');
    expect(site('<title>How we ship hardware</title>', 'https://www.acme.example/blog')?.name).toBe('acme.example');
  });

  it('names nothing for a page without a title or a web address', () => {
    expect(site('', 'https://acme.example/')).toBeUndefined();
    expect(site('<title>Local file</title>', 'file:///tmp/x.html')).toBeUndefined();
  });
});
