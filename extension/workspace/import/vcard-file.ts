import ICAL from 'ical.js';
import { checkRow, type CheckedRow, type RawValues } from './import-fields';

/**
 * vCard files as phones and mail programs write them: 3.0 and 4.0 (iPhone, Gmail, macOS) are
 * parsed by ical.js, Mozilla's parser that Thunderbird uses; 2.1 (Android, Outlook) is first
 * brought into 3.0 form, as Thunderbird does: quoted-printable text decoded in its charset, soft
 * line breaks joined, bare type parameters (TEL;CELL) named. Photos and keys are left out.
 */

export interface VcardResult {
  rows: CheckedRow[];
  /** cards that could not be parsed at all, by their first line */
  unreadable: { line: number; detail: string }[];
}

const DROPPED = /^(?:[\w-]+\.)?(PHOTO|LOGO|SOUND|KEY|X-MS-OL-DESIGN|X-MS-CARDPICTURE)[;:]/i;
const KNOWN_PARAMS = /^(TYPE|VALUE|ENCODING|CHARSET|LANGUAGE|PREF|PID|ALTID|LABEL|GEO|TZ|SORT-AS|CALSCALE|MEDIATYPE|INDEX|LEVEL|GROUP)=/i;

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
    }
  }
  try {
    return new TextDecoder(charset || 'utf-8').decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** 3.0 escapes for a decoded 2.1 value: backslashes and line breaks (separators stay as 2.1 meant them). */
const escapeValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n');

/** One card's lines (unfolded) in 3.0 form. */
function normaliseLine(line: string, version: string): string {
  const colon = findValueColon(line);
  if (colon < 0) return line;
  const [name = '', ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  if (/^VERSION$/i.test(name)) return 'VERSION:3.0';
  const kept: string[] = [];
  const types: string[] = [];
  let encoding = '';
  let charset = '';
  for (const param of params) {
    if (/^ENCODING=/i.test(param)) encoding = param.slice(9).toUpperCase();
    else if (/^CHARSET=/i.test(param)) charset = param.slice(8);
    else if (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(param)) encoding = param.toUpperCase();
    else if (!param.includes('=')) types.push(param);
    else if (KNOWN_PARAMS.test(param)) kept.push(param);
  }
  if (encoding === 'QUOTED-PRINTABLE') value = escapeValue(decodeQuotedPrintable(value, charset));
  else if (version === '2.1') value = value.replace(/\\(?![;,nN\\])/g, '\\\\');
  if (types.length) kept.push(`TYPE=${types.join(',')}`);
  return [name, ...kept].join(';') + ':' + value;
}

/** The colon between a property's name and parameters and its value (parameter values may be quoted). */
function findValueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

interface Card {
  line: number;
  lines: string[];
}

/** Splits the file into cards, unfolding continuation lines and 2.1's quoted-printable soft breaks. */
function splitCards(text: string): Card[] {
  // Some exports end lines with \r\r\n (iOS): any run of carriage returns before a newline is one break.
  const physical = text.replace(/^\uFEFF/, '').replace(/\r+\n/g, '\n').split(/\r|\n/);
  const cards: Card[] = [];
  let card: Card | null = null;
  let version = '3.0';
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i]!;
    const start = i + 1;
    // Folded lines (a leading space or tab) belong to the line before.
    while (i + 1 < physical.length && /^[ \t]/.test(physical[i + 1]!) && !/QUOTED-PRINTABLE/i.test(line)) line += physical[++i]!.slice(1);
    // Quoted-printable soft line breaks: a line ending in '=' goes on in the next.
    if (/QUOTED-PRINTABLE/i.test(line.slice(0, Math.max(0, findValueColon(line))))) {
      while (line.endsWith('=') && i + 1 < physical.length) line = line.slice(0, -1) + physical[++i]!.replace(/^[ \t]/, '');
    }
    if (/^BEGIN:VCARD$/i.test(line.trim())) {
      card = { line: start, lines: [] };
      version = '3.0';
      continue;
    }
    if (!card) continue;
    if (/^END:VCARD$/i.test(line.trim())) {
      cards.push(card);
      card = null;
      continue;
    }
    if (/^VERSION:/i.test(line)) version = line.slice(8).trim();
    if (!line.trim() || DROPPED.test(line)) continue;
    card.lines.push(line);
  }
  return cards.map((c) => ({ line: c.line, lines: c.lines.map((l) => normaliseLine(l, versionOf(c))) }));
}

const versionOf = (card: Card) => card.lines.find((l) => /^VERSION:/i.test(l))?.slice(8).trim() ?? '3.0';

/** A value as text; escapes ical.js leaves in 3.0 text (\\; \\, and Google's \\") undone. */
const text = (value: unknown): string =>
  (Array.isArray(value) ? value.map(text).filter(Boolean).join(' ') : value == null ? '' : String(value).replace(/\\([;,"\\])/g, '$1')).trim();
/** ical.js leaves a URI's escapes (http\://) as written. */
const unescapeUri = (value: string) => value.replace(/\\([:;,])/g, '$1');

function rawValuesOf(component: ICAL.Component): RawValues {
  const all = (name: string) => component.getAllProperties(name);
  const first = (name: string) => all(name)[0];
  const raw: RawValues = {};
  const n = first('n')?.getFirstValue() as unknown;
  if (Array.isArray(n)) {
    raw.lastName = [text(n[0])];
    raw.firstName = [[text(n[1]), text(n[2])].filter(Boolean).join(' ')];
  }
  const fn = first('fn')?.getFirstValue();
  if (fn) raw.fullName = [text(fn)];
  raw.emails = all('email').map((p) => text(p.getFirstValue()).replace(/^mailto:/i, ''));
  raw.phones = all('tel').map((p) => text(p.getFirstValue()).replace(/^tel:/i, ''));
  const org = first('org')?.getFirstValue() as unknown;
  raw.company = [Array.isArray(org) ? text(org[0]) : text(org)];
  raw.jobTitle = [text(first('title')?.getFirstValue())];
  const urls = all('url').map((p) => unescapeUri(text(p.getFirstValue())));
  const social = (u: string) => /linkedin\.com|twitter\.com|x\.com\/|xing\.com|facebook\.com|instagram\.com/i.test(u);
  raw.website = urls.filter((u) => !social(u)).slice(0, 1);
  raw.socialLinks = [...urls.filter(social), ...all('x-socialprofile').map((p) => unescapeUri(text(p.getFirstValue())))];
  const adr = first('adr')?.getFirstValue() as unknown;
  if (Array.isArray(adr)) raw.address = adr.map((part) => text(part).replace(/\n/g, ', ')).filter(Boolean);
  const bday = first('bday')?.getFirstValue();
  if (bday) raw.birthday = [text(bday)];
  raw.notes = all('note').map((p) => text(p.getFirstValue()));
  raw.tags = all('categories').flatMap((p) => p.getValues().map(text));
  return raw;
}

export function readVcards(content: string): VcardResult {
  const rows: CheckedRow[] = [];
  const unreadable: VcardResult['unreadable'] = [];
  for (const card of splitCards(content)) {
    const source = ['BEGIN:VCARD', ...card.lines, 'END:VCARD'].join('\r\n');
    try {
      const parsed = ICAL.parse(source) as unknown[];
      const component = new ICAL.Component(parsed as ConstructorParameters<typeof ICAL.Component>[0]);
      rows.push(checkRow(card.line, rawValuesOf(component), 'vcard import'));
    } catch (error) {
      unreadable.push({ line: card.line, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { rows, unreadable };
}
