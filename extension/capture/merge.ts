import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { limits } from './sanitize';

/**
 * One candidate per person: candidates sharing an address (compared lower-case; Gmail's dots
 * are kept) are merged, then those sharing a phone number when at least one has no address
 * (two colleagues behind one switchboard stay apart), then a card with neither into one of the
 * same name (an h-card repeated in header and footer, the site named after its owner) or an
 * organisation into one with the same website. Order
 * and source are the first one's; each field keeps the richest value.
 */
export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const candidate of candidates) {
    const emails = new Set(candidate.emails.map((e) => e.toLowerCase()));
    let target = merged.find((m) => m.emails.some((e) => emails.has(e.toLowerCase())));
    if (!target) {
      target = merged.find((m) => (m.emails.length === 0 || candidate.emails.length === 0) && m.phones.some((p) => candidate.phones.includes(p)));
    }
    if (!target) {
      target = merged.find((m) => sameIdentity(m, candidate));
    }
    if (target) merged[merged.indexOf(target)] = combine(target, candidate);
    else merged.push(candidate);
  }
  return merged.slice(0, 200);
}

/** One of the two has no address or phone to tell them apart, and they share a name, or are organisations with one website. */
function sameIdentity(a: Candidate, b: Candidate): boolean {
  const bare = (c: Candidate) => c.emails.length === 0 && c.phones.length === 0;
  if (!bare(a) && !bare(b)) return false;
  const sameName = a.name !== '' && a.name.toLowerCase() === b.name.toLowerCase();
  const sameSite = a.role === 'organization' && b.role === 'organization' && a.website !== '' && a.website === b.website;
  return sameName || sameSite;
}

function combine(first: Candidate, second: Candidate): Candidate {
  const name = richerName(first.name, second.name);
  // A site or company card merged into a person gives its website, not its name as employer.
  const secondCompany = second.role === 'organization' && first.role !== 'organization' ? '' : second.company;
  const combined = makeCandidate({
    ...first,
    name,
    firstName: name === first.name ? first.firstName : second.firstName,
    lastName: name === first.name ? first.lastName : second.lastName,
    emails: [...first.emails, ...second.emails],
    phones: [...first.phones, ...second.phones],
    jobTitle: richer(first.jobTitle, second.jobTitle),
    company: richer(first.company, secondCompany),
    website: first.website || second.website,
    address: richer(first.address, second.address),
    isSelf: first.isSelf || second.isSelf,
    socialLinks: [...(first.socialLinks ?? []), ...(second.socialLinks ?? [])],
    note: [first.note, second.note].filter(Boolean).join('; ').slice(0, limits.note),
  });
  return combined;
}

/** The first value, unless the second says the same and more ("Acme" → "Acme GmbH"). */
function richer(first: string, second: string): string {
  if (!first) return second;
  return second.length > first.length && second.toLowerCase().includes(first.toLowerCase()) ? second : first;
}

/** The name with more words ("Dave" → "Dave Mitchell"), else the first. */
function richerName(first: string, second: string): string {
  if (!first) return second;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  return words(second) > words(first) ? second : first;
}
