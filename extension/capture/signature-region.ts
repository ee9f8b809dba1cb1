import { fallbackRegion, regionFromDomain, toE164 } from './phone';

// Which country a signature's national-form numbers ("(713) 853-5010", "089 123456") belong to.
// Evidence, strongest first: the number's own form (a "+" or "00" prefix needs no region; a
// North American 3-3-4 number without a trunk "0" is American), the sender's domain, the domains
// in the signature, then the address and the language — a US ZIP code after a street is no German
// postcode — then the caller's default.

const usStates = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const usStateNames = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
const usAddress = new RegExp(`(?:\\b(?:${usStates})\\.?,?\\s+\\d{5}(?:-\\d{4})?\\b|\\b(?:${usStateNames}),?\\s+\\d{5}\\b|\\bU\\.?S\\.?A\\.?\\b|\\bUnited States\\b)`);
const germanWords = /(?<![\p{L}])(?:und|der|die|das|ich|wir|nicht|für|mit|danke|bitte|hallo|passt|gerne|anbei|grüße|grüsse|gruß|viele|beste|liebe|freundlichen|vg|lg|mfg|tel\.|telefon|mobil|handy|gmbh|straße|strasse|geschäftsführ\w*|amtsgericht)(?![\p{L}])/giu;

export function phoneRegionOf(text: string, options: { defaultRegion?: string; senderEmail?: string } = {}): string {
  const fromSender = regionFromDomain(options.senderEmail?.split('@')[1] ?? '');
  if (fromSender) return fromSender;
  for (const match of text.matchAll(/@?((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) {
    const region = regionFromDomain(match[1]);
    if (region) return region;
  }
  if (usAddress.test(text)) return 'US';
  const german = text.match(germanWords) ?? [];
  if (new Set(german.map((w) => w.toLowerCase())).size >= 2 || /\bD-\d{5}\b/.test(text)) return 'DE';
  if (/\b(?:Ltd|Limited|plc)\b|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}\b/.test(text)) return 'GB';
  if (/\b\d{5}[ \t]+\p{Lu}\p{Ll}|\p{Ll}(?:straße|strasse|str\.)\s+\d/u.test(text)) return 'DE';
  return options.defaultRegion || fallbackRegion;
}

// (415) 733-4487, 713-853-5010, 281.423.5360, 1-800-539-3580: area and exchange codes never start with 0 or 1.
const northAmerican = /^(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]*[2-9]\d{2}[\s.-]*\d{4}(?:\s*(?:ext\.?|x)\s*\d{1,5})?$/i;

/** The number in E.164 for the region, or for North America when it has that form and the region does not take it. */
export function phoneInRegion(text: string, region: string, labelled: boolean): string {
  const trimmed = text.trim();
  const international = /^(?:\+|00)/.test(trimmed);
  if (!international && northAmerican.test(trimmed) && region !== 'US' && region !== 'CA') {
    return toE164(trimmed, 'US', labelled) || toE164(trimmed, region, labelled);
  }
  return toE164(trimmed, region, labelled);
}
