import type { mf2 } from 'microformats-parser';
import type { Candidate } from './candidate';
import { hasContactData, makeCandidate } from './make-candidate';
import { toE164 } from './phone';
import { cleanWebsite } from './sanitize';
import { socialHost } from './signature-patterns';

// Microformats h-card (and the older hCard, class "vcard") read by microformats-parser, the
// parser that passes the community test suite. Only the h-card elements are serialised and
// parsed, not the whole page, so a 5 MB page costs what its cards cost. The parser (with its
// HTML parser, ~200 KB) is injected only into pages that have such markup: it comes as an
// argument, and `hasHCardMarkup` says when it is needed.

export type MicroformatsParser = typeof mf2;
/** Where the injected microformats script leaves the parser for the page reader. */
export const microformatsGlobal = 'rapportMicroformats';

type ParsedDocument = ReturnType<typeof mf2>;
type Item = ParsedDocument['items'][number];
type Property = Item['properties'][string][number];

const rootSelector = '.h-card, .vcard';

export function hasHCardMarkup(doc: Document): boolean {
  return doc.querySelector(rootSelector) !== null;
}

export function readHCards(doc: Document, url: string, region: string, parse: MicroformatsParser): Candidate[] {
  const roots = [...doc.querySelectorAll(rootSelector)].filter((e) => !e.parentElement?.closest(rootSelector)).slice(0, 200);
  if (roots.length === 0) return [];
  const base = doc.querySelector('base[href]')?.outerHTML ?? '';
  let html = base;
  for (const root of roots) {
    if (html.length > 1_000_000) break;
    html += root.outerHTML;
  }
  let parsed: ParsedDocument;
  try {
    parsed = parse(html, { baseUrl: /^https?:/i.test(url) ? url : 'http://localhost/' });
  } catch {
    return [];
  }
  const candidates: Candidate[] = [];
  for (const item of parsed.items) collect(item, false, candidates, region, 0);
  return candidates.filter(hasContactData).slice(0, 200);
}

/** The card itself, then its nested cards: `p-org h-card` values and child cards. */
function collect(item: Item, asOrganization: boolean, out: Candidate[], region: string, depth: number): void {
  if (depth > 6 || out.length >= 200) return;
  if (item.type?.some((t) => t === 'h-card')) out.push(toCandidate(item, asOrganization, region));
  for (const [property, values] of Object.entries(item.properties)) {
    for (const value of values) {
      if (isItem(value)) collect(value, property === 'org', out, region, depth + 1);
    }
  }
  for (const child of item.children ?? []) collect(child, false, out, region, depth + 1);
}

function toCandidate(item: Item, asOrganization: boolean, region: string): Candidate {
  const p = item.properties;
  const name = first(p['name']);
  const org = first(p['org']);
  const isOrganization = asOrganization || Boolean(item.type?.includes('h-org')) || (!name && Boolean(org)) || (Boolean(name) && name === org);
  const urls = (p['url'] ?? []).map(textOf).map((u) => cleanWebsite(u)).filter(Boolean);
  const isSocial = (u: string) => socialHost.test(new URL(u).hostname);
  const address = first(p['adr']) ||
    [first(p['street-address']), [first(p['postal-code']), first(p['locality'])].filter(Boolean).join(' '), first(p['region']), first(p['country-name'])]
      .filter(Boolean).join(', ');
  return makeCandidate({
    source: 'h-card',
    role: isOrganization ? 'organization' : 'person',
    name: name || (isOrganization ? org : ''),
    firstName: first(p['given-name']),
    lastName: first(p['family-name']),
    emails: (p['email'] ?? []).map(textOf),
    phones: (p['tel'] ?? []).map((t) => toE164(textOf(t).replace(/^tel:/i, ''), region, true)),
    jobTitle: first(p['job-title']) || first(p['role']),
    company: isOrganization ? name || org : org,
    website: urls.find((u) => !isSocial(u)) ?? '',
    socialLinks: urls.filter(isSocial),
    address,
  });
}

const isItem = (value: Property): value is Item => typeof value === 'object' && 'properties' in value;

/** A property value as text: strings as they are, embedded cards by their name, e-* by their text. */
function textOf(value: Property): string {
  if (typeof value === 'string') return value;
  if (isItem(value)) return typeof value.value === 'string' ? value.value : first(value.properties['name']);
  return value.value ?? '';
}

const first = (values: Property[] | undefined): string => (values ?? []).map(textOf).find((v) => v.trim()) ?? '';
