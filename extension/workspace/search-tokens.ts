/**
 * The words a contact can be found by, and the words of what a person types, folded the same way:
 * lower case, accents dropped ("Müller" is found by "muller" and, as Germans spell it without
 * umlauts, by "mueller"), phone numbers as digits in international and national form. A search
 * matches when every typed word is the start of one of the contact's words.
 */

export interface Searchable {
  firstName: string;
  lastName: string;
  emails: readonly string[];
  phones: readonly string[];
  company: string;
}

const GERMAN_SPELLING: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Lower case without accents; ß becomes ss. */
export const fold = (text: string) =>
  text.toLowerCase().replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** The word as folded, and its German transliteration when it has umlauts. */
function spellings(word: string): string[] {
  const lower = word.toLowerCase();
  const folded = fold(lower);
  const german = /[äöüß]/.test(lower) ? fold(lower.replace(/[äöüß]/g, (c) => GERMAN_SPELLING[c]!)) : folded;
  return german === folded ? [folded] : [folded, german];
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => text.match(WORD) ?? [];

/** Digits of a phone number, and its national forms (0 + the number after a 1–3 digit country code). */
function phoneTokens(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 3) return [];
  const tokens = [digits];
  if (phone.trim().startsWith('+')) for (let cc = 1; cc <= 3; cc++) if (digits.length - cc >= 4) tokens.push(`0${digits.slice(cc)}`);
  return tokens;
}

/** The address, its local part and its domain; the local part's words only for a contact without a name (they repeat it otherwise). */
function emailTokens(email: string, named: boolean): string[] {
  const address = email.trim().toLowerCase();
  const [local = '', domain = ''] = address.split('@');
  return [address, local, domain, ...(named ? [] : words(local))].map(fold).filter(Boolean);
}

/** Every word a contact can be found by, each once. */
export function contactTokens(contact: Searchable): string[] {
  const tokens = new Set<string>();
  for (const text of [contact.firstName, contact.lastName, contact.company]) for (const word of words(text)) for (const s of spellings(word)) tokens.add(s);
  const named = Boolean(contact.firstName.trim() || contact.lastName.trim());
  for (const email of contact.emails) for (const token of emailTokens(email, named)) tokens.add(token);
  for (const phone of contact.phones) for (const token of phoneTokens(phone)) tokens.add(token);
  return [...tokens];
}

/**
 * What a person typed, as words to look up by prefix. A typed email address stays one word; a run
 * of digits with spaces, dashes or brackets ("0170 123-45") is one phone number.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  const phone = /^[\d\s()+./-]+$/.test(query.trim()) ? query.replace(/\D/g, '') : '';
  if (phone.length >= 2) return [phone];
  for (const part of query.trim().split(/\s+/).filter(Boolean)) {
    if (part.includes('@')) tokens.add(fold(part));
    else for (const word of words(part)) tokens.add(fold(word));
  }
  return [...tokens];
}
