import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { personNameOf } from './mailto';
import { looksLikePersonName } from './person-name';
import { cleanWebsite } from './sanitize';
import { safeDecode } from './url';

// Links to .vcf files: recorded as a note with the link's address. Capture reads only what
// the page shows; it never fetches.

export function readVcardLinks(doc: Document, url: string): Candidate[] {
  const found: Candidate[] = [];
  for (const anchor of [...doc.querySelectorAll('a[href]')].slice(0, 5000)) {
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (!/\.vcf(?:[?#]|$)/i.test(href)) continue;
    const link = cleanWebsite(href, /^https?:/i.test(url) ? url : undefined);
    if (!link) continue;
    // "anna-schmidt.vcf" names Anna Schmidt when the link text ("vCard herunterladen") does not.
    const fileName = safeDecode(href.split(/[?#]/)[0].split('/').at(-1) ?? '').replace(/\.vcf$/i, '');
    const fromFile = fileName.replace(/[-_.]+/g, ' ').replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
    const name = personNameOf(anchor) || (looksLikePersonName(fromFile) ? fromFile : '');
    found.push(makeCandidate({ source: 'vcard', name, note: `vCard: ${link}` }));
    if (found.length >= 50) break;
  }
  return found;
}
