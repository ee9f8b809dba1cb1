import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { limits } from './sanitize';
import { legalForm } from './signature-patterns';
import { domainOf, isFreeMail } from './url';

/**
 * One card per person or organisation, whichever readers found them: candidates sharing an
 * address (compared lower-case; Gmail's dots are kept) are merged, then those sharing a phone
 * number when at least one has no address (two colleagues behind one switchboard stay apart),
 * then people of the same full name, organisations of the same domain or name ("Lumen Health"
 * and "Lumen Health, Inc."), a card with neither address nor phone into one of the same name (the
 * site named after its owner), and last a nameless address into the one person it names
 * ("k.hoffmann@…" → Katrin Hoffmann) or whose site it is (the author's footer mailto: link).
 * Order and source are the first one's; each field keeps the richest value.
 */
export function mergeCandidates(candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (const candidate of candidates) {
    const target = merged.find((m) => sameAddress(m, candidate)) ??
      merged.find((m) => (m.emails.length === 0 || candidate.emails.length === 0) && m.phones.some((p) => candidate.phones.includes(p))) ??
      merged.find((m) => sameIdentity(m, candidate));
    if (target) merged[merged.indexOf(target)] = combine(target, candidate);
    else merged.push(candidate);
  }
  return joinNamelessAddresses(merged).slice(0, 200);
}

const sameAddress = (a: Candidate, b: Candidate) => {
  const emails = new Set(b.emails.map((e) => e.toLowerCase()));
  return a.emails.some((e) => emails.has(e.toLowerCase()));
};

/** "Dr. Katrin Hoffmann" = "Katrin Hoffmann"; "Lumen Health, Inc." = "Lumen Health". */
function nameKey(candidate: Candidate): string {
  const folded = candidate.name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (candidate.role === 'organization') return folded.replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim().replace(/\s(?:inc|llc|ltd|gmbh|ag|co|corp|limited|plc|kg|ug|e v|e k|sa|bv|nv|ab|oy)$/, '').trim();
  return folded.replace(/\b(?:dr|prof|mr|mrs|ms|herr|frau)\.?\s+/g, '').replace(/\s+/g, ' ').trim();
}

/** Same organisation by domain or name; same person by full name unless their addresses tell them apart; a bare card by name. */
function sameIdentity(a: Candidate, b: Candidate): boolean {
  const bare = (c: Candidate) => c.emails.length === 0 && c.phones.length === 0;
  const sameName = a.name !== '' && nameKey(a) === nameKey(b);
  if (a.role === 'organization' && b.role === 'organization') {
    const domain = (c: Candidate) => domainOf(c.website, c.emails.filter((e) => !isFreeMail(e)));
    return sameName || (domain(a) !== '' && domain(a) === domain(b));
  }
  if (sameName && (bare(a) || bare(b))) return true;
  // Two cards of one full name: one person, unless both carry addresses and none in common.
  const fullName = sameName && a.name.trim().includes(' ') && a.role !== 'organization' && b.role !== 'organization';
  return fullName && (a.emails.length === 0 || b.emails.length === 0);
}


/** A nameless person card whose address names exactly one person on the page, or sits at that person's own site, joins that person. */
function joinNamelessAddresses(cards: Candidate[]): Candidate[] {
  let result = cards;
  for (const nameless of cards.filter((c) => !c.name && c.role === 'person' && c.emails.length)) {
    // A person who already has an address at that domain has another account there, not this one.
    const domains = nameless.emails.map((e) => e.split('@')[1]);
    const owners = result.filter((c) => c !== nameless && c.name && c.role === 'person' && !c.emails.some((e) => domains.includes(e.split('@')[1])) &&
      nameless.emails.some((e) => addressBelongsTo(e, c)));
    if (owners.length !== 1) continue;
    result = result.filter((c) => c !== nameless).map((c) => (c === owners[0] ? combine(c, nameless) : c));
  }
  return result;
}

/** "k.hoffmann@", "katrin@", "khoffmann@" name Katrin Hoffmann; "hi@priyasharma.example" is at her site. */
function addressBelongsTo(email: string, person: Candidate): boolean {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const words = nameKey(person).split(' ').filter((w) => w.length >= 2);
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (person.website && domainOf(person.website) === domain && !isFreeMail(email)) return true;
  const parts = local.split(/[._-]+/);
  if (words.length < 2) return false;
  return (last.length >= 3 && (parts.includes(last) || local === `${first[0]}${last}` || local === `${first}${last}`)) ||
    (first.length >= 3 && local === first && domain !== '' && !isFreeMail(email));
}

export function combine(first: Candidate, second: Candidate): Candidate {
  const name = first.role === 'organization' && second.role === 'organization' ? richer(first.name, second.name) : richerName(first.name, second.name);
  // A site or company card merged into a person gives its website, not its name as employer.
  const secondCompany = second.role === 'organization' && first.role !== 'organization' ? '' : second.company;
  const role = first.role === 'organization' && second.role === 'person' && second.name ? 'person' : first.role;
  return makeCandidate({
    ...first,
    role,
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
}

/** The first value, unless the second says the same and more ("Acme" → "Acme GmbH"). */
function richer(first: string, second: string): string {
  if (!first) return second;
  const loose = (s: string) => s.toLowerCase().replace(/[,.]/g, '');
  if (second.length > first.length && loose(second).includes(loose(first))) return second;
  return legalForm.test(second) && !legalForm.test(first) && loose(second).startsWith(loose(first).split(' ')[0]) ? second : first;
}

/** The name with more words ("Dave" → "Dave Mitchell"), else the first. */
function richerName(first: string, second: string): string {
  if (!first) return second;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  return words(second) > words(first) ? second : first;
}
