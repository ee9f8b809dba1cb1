import { mf2 } from 'microformats-parser';
import { describe, expect, it } from 'vitest';
import { pageCaptureSchema } from '../../../extension/capture/candidate';
import { capturePage, readOpenEmail, readPage } from '../../../extension/capture/index';
import { inflateGmailThread } from '../../fixtures/capture/inflate-gmail-thread';
import { fixtureHtml, parseHtml } from './load-page';

// Pages can be hostile or broken. Every reader must return normally, with bounded fields.
const fiveMegabytes = 5 * 1024 * 1024;
// Parsing 5 MB in happy-dom alone takes seconds on a busy machine; this is no timing test.
const bigPage = { timeout: 60_000 };

function hostilePage(): string {
  const longName = `Eve ${'X'.repeat(10_000)}`;
  const row = (i: number) =>
    `<tr><td><a href="mailto:user${i}@example.com">\u202Eresu ${i}\u202C</a></td><td>${'lorem ipsum '.repeat(40)}</td>` +
    `<td><script>document.title="${'<'.repeat(20)}"</script><img src=x onerror="alert(${i})"></td></tr>`;
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; size < fiveMegabytes; i++) {
    const r = row(i);
    rows.push(r);
    size += r.length;
  }
  return `<!DOCTYPE html><html><head><title>\u202Emoc.live@eve\u202C</title>
    <script type="application/ld+json">{"@type":"Person","name":"=HYPERLINK(\\"http://evil.example\\",\\"click\\")","email":"formula@evil.example","telephone":"${'9'.repeat(10_000)}"}</script>
    <script type="application/ld+json">{"@type":"Person","name":"${longName}","email":"long@evil.example"}</script>
    <script type="application/ld+json">${'['.repeat(5000)}${']'.repeat(5000)}</script>
    </head><body>
    <div class="h-card"><span class="p-name">\u2066Mallory\u2069 \u202Eyrollam\u202C</span><a class="u-email" href="mailto:mallory@evil.example">m</a></div>
    <a href="mailto:${'a'.repeat(300)}@evil.example">too long</a>
    <a href="tel:${'1'.repeat(500)}">call</a>
    ${'<div>'.repeat(3000)}deep${'</div>'.repeat(3000)}
    <table>${rows.join('')}</table></body></html>`;
}

describe('a hostile 5 MB page', () => {
  const html = hostilePage();
  const doc = parseHtml(html);
  const url = 'https://evil.example/people';

  it('returns normally with every field bounded and stripped of direction overrides', bigPage, () => {
    expect(html.length).toBeGreaterThan(fiveMegabytes);
    const capture = readPage(doc, url);
    expect(pageCaptureSchema.parse(capture)).toEqual(capture);
    expect(capture.candidates.length).toBeGreaterThan(0);
    expect(capture.candidates.length).toBeLessThanOrEqual(200);
    for (const candidate of capture.candidates) {
      expect(candidate.name.length).toBeLessThanOrEqual(200);
      expect(candidate.jobTitle.length + candidate.company.length).toBeLessThanOrEqual(400);
      expect(candidate.phones.every((p) => /^\+\d{5,16}$/.test(p))).toBe(true);
      expect(JSON.stringify(candidate)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
    expect(capture.title).toBe('moc.live@eve');
  });

  it('keeps a formula-like name as text and truncates a 10,000-character name', () => {
    const candidates = capturePage(doc, url, { microformats: mf2 });
    expect(candidates.find((c) => c.emails.includes('formula@evil.example'))).toMatchObject({
      name: '=HYPERLINK("http://evil.example","click")', phones: [],
    });
    const long = candidates.find((c) => c.emails.includes('long@evil.example'));
    expect(long?.name).toHaveLength(200);
    expect(candidates.find((c) => c.emails.includes('mallory@evil.example'))?.name).toBe('Mallory yrollam');
  });

  it('is no open email', () => {
    expect(readOpenEmail(doc, url)).toBeNull();
  });
});

describe('a Gmail thread inflated to 5 MB', () => {
  it('still reads the open message and its people', bigPage, () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxsnqZrPQwHmvKsVxCgRbLtw';
    const html = inflateGmailThread(fixtureHtml('gmail-thread-de.html'), fiveMegabytes);
    expect(new TextEncoder().encode(html).length).toBeGreaterThanOrEqual(fiveMegabytes);
    const capture = readPage(parseHtml(html), url);
    expect(capture.email).toMatchObject({ messageId: 'msg-f:1806341999988887777', from: 'anna.berger@berger-consulting.de' });
    expect(capture.candidates.map((c) => c.emails[0])).toEqual([
      'anna.berger@berger-consulting.de', 'lena.park@brightside-studio.de', 'tom.richter@richter-it.de', 'carla.nunes@nunes-partner.de',
    ]);
    expect(capture.candidates[0].phones).toEqual(['+491712345678']);
  });
});

describe('pages with nothing to find', () => {
  it.each([
    ['an empty document', '', 'https://example.com/'],
    ['a page of prose', '<p>Nothing here but words about the weather, which was fine.</p>', 'https://example.com/blog'],
    ['a broken document', '<div><span>unclosed <a href="mailto:">x<table><td>', 'about:blank'],
    ['Gmail without a message', '<div role="main"></div>', 'https://mail.google.com/mail/u/0/#inbox'],
    ['Outlook without a pane', '<div role="listbox"></div>', 'https://outlook.office.com/mail/'],
  ])('%s gives an empty list', (_, html, url) => {
    expect(capturePage(parseHtml(html), url)).toEqual([]);
    expect(readOpenEmail(parseHtml(html), url)).toBeNull();
  });

  it('returns normally for a URL that is no URL', () => {
    expect(readPage(parseHtml('<a href="mailto:ann@example.com">Ann Lee</a>'), '::not a url::').candidates).toMatchObject([{ name: 'Ann Lee' }]);
  });
});
