import type { Candidate, OpenEmail, PageCapture } from './candidate';
import { textWithLines } from './dom-text';
import { readGmail, type WebmailReading } from './gmail';
import { hasHCardMarkup, readHCards, type MicroformatsParser } from './h-card';
import { readJsonLd } from './json-ld';
import { readMailtoAndTelLinks } from './mailto';
import { mergeCandidates } from './merge';
import { readMicrodata } from './microdata';
import { settleOrganisations } from './organisations';
import { readOutlook } from './outlook';
import { readRdfa } from './rdfa';
import { regionForPage } from './phone';
import { cleanLine } from './sanitize';
import { readSelection } from './selection';
import { readSite } from './site';
import { hostOf } from './url';
import { readVcardLinks } from './vcard-link';

export { parseSignature } from './signature';
export { readSelection } from './selection';

// Every reader is a pure function of (Document, URL): this runs inside the page through an
// injected script and in tests over happy-dom. A page can be hostile or broken; one reader
// failing must not cost the others, and nothing here throws.

/** What the page reader may use when the page needs it (see h-card.ts). */
export interface ReaderTools {
  microformats?: MicroformatsParser;
}

/** Every person or organisation found on the page, the webmail's people first, one card each. */
export function capturePage(doc: Document, url: string, tools: ReaderTools = {}): Candidate[] {
  return readPage(doc, url, tools).candidates;
}

/** The open webmail message, or null when the page is not one. */
export function readOpenEmail(doc: Document, url: string): OpenEmail | null {
  return attempt(() => readWebmail(doc, url), null)?.email ?? null;
}

/** What one click on the toolbar reads from the page. */
export function readPage(doc: Document, url: string, tools: ReaderTools = {}): PageCapture {
  const webmail = attempt(() => readWebmail(doc, url), null);
  const lang = attempt(() => doc.documentElement?.getAttribute('lang') ?? '', '');
  const region = regionForPage(lang, hostOf(url));
  const found: Candidate[] = [
    ...(webmail?.candidates ?? []),
    ...attempt(() => selectionCandidates(doc, region), []),
    ...attempt(() => readJsonLd(doc, region), []),
    ...attempt(() => readMicrodata(doc, url, region), []),
    ...attempt(() => readRdfa(doc, url, region), []),
    ...(tools.microformats ? attempt(() => readHCards(doc, url, region, tools.microformats!), []) : []),
    ...attempt(() => readMailtoAndTelLinks(doc, region), []),
    ...attempt(() => readVcardLinks(doc, url), []),
    // The site itself is no contact on a webmail page.
    ...(webmail ? [] : attempt(() => readSite(doc, url), [])),
  ];
  return {
    url: cleanLine(url, 4000),
    title: attempt(() => cleanLine(doc.title, 500), ''),
    // One card per person or organisation; company cards only for real organisations (webmail pages have their own rules).
    candidates: attempt(() => (webmail ? mergeCandidates(found) : settleOrganisations(mergeCandidates(found), url)), []),
    email: webmail?.email ?? null,
    self: webmail?.self ?? '',
    needs: !tools.microformats && attempt(() => hasHCardMarkup(doc), false) ? ['microformats'] : [],
  };
}

function readWebmail(doc: Document, url: string): WebmailReading | null {
  return readGmail(doc, url) ?? readOutlook(doc, url);
}

function selectionCandidates(doc: Document, region: string): Candidate[] {
  // The selected nodes rather than Selection.toString(), whose line breaks differ between DOMs.
  const selection = doc.getSelection?.();
  const ranges = selection ? Array.from({ length: Math.min(selection.rangeCount, 10) }, (_, i) => selection.getRangeAt(i)) : [];
  const text = ranges.map((range) => textWithLines(range.cloneContents(), { maxChars: 20_000 })).join('\n');
  const candidate = text.trim() ? readSelection(text, { defaultRegion: region }) : null;
  return candidate ? [candidate] : [];
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
