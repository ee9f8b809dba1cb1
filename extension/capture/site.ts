import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { cleanLine, limits } from './sanitize';
import { hostOf, isWebUrl } from './url';

// The organisation behind the page: og:site_name, else application-name, else the part of the
// title that names the site; and the domain as its website.

export function readSite(doc: Document, url: string): Candidate[] {
  if (!isWebUrl(url)) return [];
  const host = hostOf(url);
  const meta = (selector: string) => cleanLine(doc.querySelector(selector)?.getAttribute('content'), limits.company);
  const name = meta('meta[property="og:site_name"]') || meta('meta[name="application-name"]') || siteNameFromTitle(cleanLine(doc.title, 500), host);
  if (!name) return [];
  return [makeCandidate({ source: 'site', role: 'organization', name, company: name, website: `https://${host}` })];
}

/**
 * "Contact – Acme Robotics" → "Acme Robotics": the title segment whose words appear in the
 * domain; when none does, the title names the page, not the site, and the domain stands in.
 */
function siteNameFromTitle(title: string, host: string): string {
  const domain = host.replace(/^www\./, '');
  const label = domain.split('.')[0].replace(/[^a-z0-9]/g, '');
  const score = (segment: string) =>
    (segment.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]{3,}/g) ?? [])
      .filter((word) => label.includes(word))
      .reduce((sum, word) => sum + word.length, 0);
  const segments = title.split(/\s+[|–—·•:-]\s+/).map((s) => s.trim()).filter(Boolean);
  const best = segments.map((segment) => ({ segment, score: score(segment) })).sort((a, b) => b.score - a.score)[0];
  return best && best.score > 0 ? best.segment : title ? domain : '';
}
