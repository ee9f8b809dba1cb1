import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { cleanLine } from './sanitize';

// Phone numbers with libphonenumber-js and its "min" metadata (every region, only the general
// number pattern per region): the injected page reader carries it, so it must be small, and
// Rapport reads numbers from anywhere. "min" validates a number by its region's pattern and
// lengths, which is what telling a phone number from other digits needs.

/**
 * Region used for numbers written in national form ("089 123456", "(415) 555-0134") when
 * nothing on the page or in the text says which country they belong to. 'US' because North
 * American numbers are the most common national-form numbers in English text; German text is
 * recognised by its own cues (see signature-region.ts) and pages by their language or domain.
 */
export const fallbackRegion = 'US';

/**
 * The number in E.164 ("+498912345670"), or '' when it is not a phone number.
 * `labelled` numbers (after "Tel:", in a tel: link) only need to be possible, since the
 * label already says what they are; bare digit runs must be valid to count.
 */
export function toE164(text: string, region: string, labelled = false): string {
  const raw = cleanLine(text, 80);
  const digits = raw.replace(/\D/g, '').length;
  if (digits < 5 || digits > 17) return '';
  try {
    const parsed = parsePhoneNumberFromString(raw, isKnownRegion(region) ? (region as CountryCode) : undefined);
    if (parsed && (parsed.isValid() || (labelled && parsed.isPossible()))) return parsed.number;
  } catch {
    // libphonenumber-js throws on some malformed input; that is not a number.
  }
  return '';
}

// Country-code top-level domains that are mostly used as generic names, not for a country.
const genericCcTlds = new Set(['io', 'co', 'me', 'tv', 'ai', 'fm', 'ly', 'to', 'gg', 'cc', 'ws', 'sh', 'so', 'am', 'is']);

/** The region a domain's country-code TLD names ('uk' → 'GB'), or '' for generic TLDs. */
export function regionFromDomain(domain: string): string {
  const tld = domain.toLowerCase().replace(/\.$/, '').split('.').at(-1) ?? '';
  if (tld.length !== 2 || genericCcTlds.has(tld)) return '';
  const region = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return isKnownRegion(region) ? region : '';
}

/** The region of a language tag with a region subtag ('de-AT' → 'AT'; 'de' → 'DE' for the common one-country languages). */
export function regionFromLanguage(tag: string): string {
  const [language = '', region = ''] = tag.trim().split(/[-_]/);
  if (/^[a-z]{2}$/i.test(region) && isKnownRegion(region.toUpperCase())) return region.toUpperCase();
  const byLanguage: Record<string, string> = { de: 'DE', fr: 'FR', it: 'IT', nl: 'NL', pl: 'PL', sv: 'SE', da: 'DK', fi: 'FI', ja: 'JP' };
  return byLanguage[language.toLowerCase()] ?? '';
}

function isKnownRegion(region: string): boolean {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region);
}

/** The region for a page's national-form numbers: its language's region, else its domain's country, else the fallback. */
export function regionForPage(lang: string, host: string): string {
  return regionFromLanguage(lang) || regionFromDomain(host) || fallbackRegion;
}
