import { getCountryCodeForRegionCode, parsePhoneNumber } from 'awesome-phonenumber';
import { cleanLine } from './sanitize';

/**
 * Region used for numbers written in national form ("089 123456", "(415) 555-0134") when
 * nothing on the page or in the text says which country they belong to. 'US' because North
 * American numbers are the most common national-form numbers in English text; German text is
 * recognised by its own cues (see signature.ts) and pages by their language or domain.
 */
export const fallbackRegion = 'US';

/**
 * The number in E.164 ("+498912345670"), or '' when it is not a phone number.
 * `labelled` numbers (after "Tel:", in a tel: link) only need to be possible, since the
 * label already says what they are; bare digit runs must be valid to count.
 */
export function toE164(text: string, region: string, labelled = false): string {
  const raw = cleanLine(text, 80);
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 17) return '';
  const parsed = parsePhoneNumber(raw, { regionCode: region });
  if (parsed.valid || (labelled && parsed.possible)) return parsed.number?.e164 ?? '';
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
  try {
    return getCountryCodeForRegionCode(region) > 0;
  } catch {
    return false;
  }
}

/** The region for a page's national-form numbers: its language's region, else its domain's country, else the fallback. */
export function regionForPage(lang: string, host: string): string {
  return regionFromLanguage(lang) || regionFromDomain(host) || fallbackRegion;
}
