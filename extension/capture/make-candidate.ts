import type { Candidate } from './candidate';
import { splitName, tidyName } from './person-name';
import { cleanEmail, cleanLine, cleanWebsite, limits, uniqueList } from './sanitize';

/** What a reader found, before cleaning. Phones must already be E.164 (see phone.ts). */
export interface RawCandidate {
  source: Candidate['source'];
  role?: Candidate['role'];
  name?: string;
  firstName?: string;
  lastName?: string;
  emails?: string[];
  phones?: string[];
  jobTitle?: string;
  company?: string;
  website?: string;
  address?: string;
  isSelf?: boolean;
  socialLinks?: string[];
  note?: string;
}

const cleanPhone = (phone: string) => (/^\+\d{5,16}$/.test(phone) ? phone : '');

/** The one way a reader makes a candidate: every field cleaned and bounded, names split. */
export function makeCandidate(raw: RawCandidate): Candidate {
  const cleanedName = cleanLine(raw.name, limits.name);
  const name = cleanedName.includes('@') ? '' : tidyName(cleanedName);
  // An organisation's name has no first and last name.
  const split = raw.role === 'organization' ? { firstName: '', lastName: '' } : splitName(name);
  const candidate: Candidate = {
    name,
    firstName: cleanLine(raw.firstName, limits.name) || split.firstName,
    lastName: cleanLine(raw.lastName, limits.name) || split.lastName,
    emails: uniqueList(raw.emails ?? [], cleanEmail),
    phones: uniqueList(raw.phones ?? [], cleanPhone),
    jobTitle: cleanLine(raw.jobTitle, limits.jobTitle),
    company: cleanLine(raw.company, limits.company),
    website: cleanWebsite(raw.website),
    address: cleanLine(raw.address, limits.address),
    source: raw.source,
    role: raw.role ?? 'person',
    isSelf: raw.isSelf ?? false,
  };
  const socialLinks = uniqueList(raw.socialLinks ?? [], (link) => cleanWebsite(link));
  if (socialLinks.length) candidate.socialLinks = socialLinks;
  const note = cleanLine(raw.note, limits.note);
  if (note) candidate.note = note;
  return candidate;
}

/** Whether the candidate holds anything a user could save. */
export function hasContactData(candidate: Candidate): boolean {
  return Boolean(candidate.name || candidate.emails.length || candidate.phones.length || candidate.company || candidate.website);
}
