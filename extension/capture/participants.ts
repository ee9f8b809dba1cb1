import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { cleanEmail } from './sanitize';

/** A person named in a message header. */
export interface Participant {
  email: string;
  name: string;
  role: 'sender' | 'to' | 'cc';
  /**
   * A sender line shows the person's real name; recipient lists may show a localized "me" or
   * a first name only, so those names count only when nothing better is known.
   */
  fromSenderLine: boolean;
}

/**
 * One candidate per address, in the order the participants are given (the open message's
 * people first), with the best name seen for each. The signed-in user is marked `isSelf`.
 */
export function participantCandidates(participants: Participant[], self: string, source: 'gmail' | 'outlook'): Candidate[] {
  const byEmail = new Map<string, { role: Participant['role']; names: Participant[] }>();
  for (const participant of participants) {
    const email = cleanEmail(participant.email);
    if (!email) continue;
    const entry = byEmail.get(email) ?? { role: participant.role, names: [] };
    entry.names.push(participant);
    byEmail.set(email, entry);
  }
  return [...byEmail].map(([email, { role, names }]) => {
    const isSelf = email === self;
    const usable = names.filter((n) => n.name && !n.name.includes('@') && (n.fromSenderLine || !isSelf));
    const best = usable.find((n) => n.fromSenderLine)?.name ?? usable.map((n) => n.name).sort((a, b) => b.length - a.length)[0] ?? '';
    return makeCandidate({ source, role, name: best, emails: [email], isSelf });
  });
}

/** The sender's candidate with what their signature adds: phones, title, company, website, address. */
export function withSignature(sender: Candidate, signature: Candidate): Candidate {
  const headerNameIsShort = !sender.name.includes(' ') && signature.name.toLowerCase().startsWith(`${sender.name.toLowerCase()} `);
  const name = !sender.name || headerNameIsShort ? signature.name : sender.name;
  return makeCandidate({
    ...sender,
    name,
    firstName: '',
    lastName: '',
    emails: sender.emails.length ? sender.emails : signature.emails,
    phones: [...sender.phones, ...signature.phones],
    jobTitle: sender.jobTitle || signature.jobTitle,
    company: sender.company || signature.company,
    website: sender.website || signature.website,
    address: sender.address || signature.address,
    socialLinks: [...(sender.socialLinks ?? []), ...(signature.socialLinks ?? [])],
  });
}
