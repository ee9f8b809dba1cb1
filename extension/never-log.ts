import { normaliseEmail } from '../shared/emails';

/**
 * Addresses and domains Rapport never offers, saves or logs: personal contacts, colleagues,
 * internal mail. An entry is an address (anna@example.com) or a domain (example.com, which also
 * covers its subdomains). A person is left alone when any of their addresses is on the list.
 */

/** Mail providers whose domain is everyone's: for a member there, only their own address is prefilled. */
const PUBLIC_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.de', 'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de', 'posteo.de', 'mailbox.org', 'proton.me', 'protonmail.com', 'yandex.com', 'mail.ru', 'zoho.com',
]);

/** The list a member starts with: their own domain (internal mail), or their own address at a public provider. */
export function defaultNeverLog(memberEmail: string): string[] {
  const email = normaliseEmail(memberEmail);
  const domain = email.split('@')[1] ?? '';
  if (!domain || !email.includes('@')) return [];
  return PUBLIC_MAIL.has(domain) ? [email] : [domain];
}

/** The entries of the options' text box: one per line or separated by commas, "@" before a domain allowed. */
export function parseNeverLog(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((entry) => normaliseEmail(entry).replace(/^@/, '')).filter((entry) => /^[^@\s]+(@[^@\s]+)?$/.test(entry) && entry.includes('.')))];
}

export function isNeverLogged(email: string, list: readonly string[]): boolean {
  const address = normaliseEmail(email);
  const domain = address.split('@')[1] ?? '';
  return list.some((entry) => (entry.includes('@') ? entry === address : domain === entry || domain.endsWith(`.${entry}`)));
}

export const anyNeverLogged = (emails: readonly string[], list: readonly string[]) => list.length > 0 && emails.some((email) => isNeverLogged(email, list));
