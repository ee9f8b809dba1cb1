import type { Candidate } from './candidate';
import { inlineText } from './dom-text';
import { makeCandidate, type RawCandidate } from './make-candidate';
import { looksLikePersonName } from './person-name';
import { toE164 } from './phone';
import { cleanEmail, cleanLine, limits } from './sanitize';
import { safeDecode } from './url';

// mailto: and tel: links. A phone link in the same small block as exactly one mailto link
// (a staff card) joins that person.

const maxLinks = 5000;
export const genericMailbox = /^(?:info|kontakt|contact|hello|hallo|office|mail|post|sales|vertrieb|support|service|help|presse|press|media|team|admin|buchhaltung|accounts|billing|jobs|karriere|careers|noreply|no-reply)@/i;
const maxCandidates = 200;

export function readMailtoAndTelLinks(doc: Document, region: string): Candidate[] {
  const anchors = [...doc.querySelectorAll('a[href]')].slice(0, maxLinks);
  const byMailto = new Map<Element, RawCandidate>();
  const found: RawCandidate[] = [];

  for (const anchor of anchors) {
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (!/^mailto:/i.test(href)) continue;
    const emails = mailtoAddresses(href);
    if (emails.length === 0) continue;
    const name = personNameOf(anchor) || nameInCard(anchor);
    // info@, kontakt@…: the organisation's mailbox, not a person.
    const role = !name && emails.every((e) => genericMailbox.test(e)) ? 'organization' : 'person';
    const raw: RawCandidate = { source: 'mailto', name, emails, role };
    byMailto.set(anchor, raw);
    found.push(raw);
    if (found.length >= maxCandidates) break;
  }

  let telLinks = 0;
  for (const anchor of anchors) {
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (!/^(?:tel|callto):/i.test(href) || ++telLinks > maxCandidates) continue;
    const phone = toE164(safeDecode(href.replace(/^(?:tel|callto):(?:\/\/)?/i, '')).replace(/;.*$/, ''), region, true);
    if (!phone) continue;
    const card = cardOwner(anchor, byMailto);
    if (card) card.phones = [...(card.phones ?? []), phone];
    else if (found.length < maxCandidates) found.push({ source: 'tel', name: personNameOf(anchor), phones: [phone] });
  }

  return found.map(makeCandidate);
}

/** Addresses of a mailto: link, without its ?subject=…&cc=… part. */
function mailtoAddresses(href: string): string[] {
  const target = safeDecode(href.replace(/^mailto:/i, '').split('?')[0]);
  // Some sites write "Name <address>" although mailto: takes the bare address.
  return target.split(/[,;]/).map((part) => cleanEmail(/<([^<>]+)>/.exec(part)?.[1] ?? part)).filter(Boolean).slice(0, limits.listItems);
}

/** The link's text (or title) when it reads like a person's name, not "Email us" or the address itself. */
export function personNameOf(anchor: Element): string {
  for (const text of [inlineText(anchor, 400), anchor.getAttribute('title') ?? '']) {
    const name = cleanLine(text, limits.name).replace(/^(?:e-?mail|mail|call|anrufen|schreiben)\s+(?:an\s+)?/i, '');
    if (looksLikePersonName(name)) return name;
  }
  return '';
}

/** The name shown in the link's card (a staff list entry): its heading or bold text, when that reads like a name. */
function nameInCard(anchor: Element): string {
  let block = anchor.parentElement;
  for (let level = 0; block && level < 3; level++, block = block.parentElement) {
    if ([...block.querySelectorAll('a[href]')].filter((a) => /^\s*mailto:/i.test(a.getAttribute('href') ?? '')).length > 1) return '';
    for (const label of block.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b, [itemprop="name"], .name')) {
      const name = cleanLine(inlineText(label, 400), limits.name);
      if (looksLikePersonName(name)) return name;
    }
  }
  return '';
}

/** The mailto candidate of the small block (up to three levels up) holding this link and exactly one mailto link. */
function cardOwner(anchor: Element, byMailto: Map<Element, RawCandidate>): RawCandidate | undefined {
  let block = anchor.parentElement;
  for (let level = 0; block && level < 3; level++, block = block.parentElement) {
    const mailtos = [...block.querySelectorAll('a[href]')].filter((a) => byMailto.has(a));
    if (mailtos.length === 1) return byMailto.get(mailtos[0]);
    if (mailtos.length > 1) return undefined;
  }
  return undefined;
}
