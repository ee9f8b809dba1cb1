// Everything a page supplies passes through here before it reaches a candidate: pages can be
// hostile (bidi overrides that disguise an address, megabyte-long names, control characters).
// Formula-like text (`=HYPERLINK(…)`) stays text on purpose: the sheet side neutralises formulas.

/** Field length limits, matching the Contact record's limits in shared/records.ts. */
export const limits = {
  name: 200,
  jobTitle: 200,
  company: 200,
  email: 254,
  phone: 32,
  website: 500,
  address: 500,
  note: 1000,
  subject: 500,
  snippet: 200,
  dateText: 100,
  id: 200,
  listItems: 50,
} as const;

// C0/C1 controls, bidi embeddings/overrides/isolates, directional marks, BOM.
const invisible = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** One line of clean text: invisible characters removed, whitespace collapsed, trimmed, truncated. */
export function cleanLine(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Cut a generous slice first so a 5 MB string is not regex-scanned in full.
  const head = value.length > max * 4 + 64 ? value.slice(0, max * 4 + 64) : value;
  return truncate(head.replace(invisible, '').replace(/\s+/g, ' ').trim(), max);
}

/** Multi-line text (a signature, a selection): line breaks kept, each line cleaned, blank runs collapsed. */
export function cleanBlock(value: unknown, max = 20_000): string {
  if (typeof value !== 'string') return '';
  const head = value.length > max ? value.slice(0, max) : value;
  return head
    .replace(/\r\n?/g, '\n')
    .replace(invisible, '')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const emailPattern = /^[^\s@<>(),;:"\[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** The address lower-cased, or '' when it is not an address. Gmail's dots are kept: they are part of the address for every other provider. */
export function cleanEmail(value: unknown): string {
  const text = cleanLine(value, limits.email + 20).replace(/^mailto:/i, '').replace(/^<|>$/g, '').trim();
  return text.length <= limits.email && emailPattern.test(text) ? text.toLowerCase() : '';
}

/** A list of unique, non-empty cleaned values, at most `limits.listItems` long. */
export function uniqueList(values: Iterable<string>, clean: (value: string) => string): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const cleaned = clean(value);
    if (cleaned) seen.add(cleaned);
    if (seen.size >= limits.listItems) break;
  }
  return [...seen];
}

/** An http(s) address made absolute, or '' for anything else (javascript:, data:, junk). */
export function cleanWebsite(value: unknown, base?: string): string {
  let text = cleanLine(value, limits.website * 2).replace(/[.,;:)\]]+$/, '');
  if (!text) return '';
  if (/^www\./i.test(text) || (!/^[a-z][a-z0-9+.-]*:/i.test(text) && !base && /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(text))) {
    text = `https://${text}`;
  }
  try {
    const url = base ? new URL(text, base) : new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    const shown = url.href;
    // A bare origin is shown without its trailing slash, as people write it.
    const trimmed = url.pathname === '/' && !url.search && !url.hash ? shown.slice(0, -1) : shown;
    return trimmed.length <= limits.website ? trimmed : '';
  } catch {
    return '';
  }
}
