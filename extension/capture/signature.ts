import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { looksLikePersonName, tidyName } from './person-name';
import { fallbackRegion, regionFromDomain, toE164 } from './phone';
import { cleanBlock, cleanEmail, cleanWebsite } from './sanitize';
import {
  appFooter, closingPhrase, closingRemainder, companyWord, countryLine, disclaimerWords, faxLabel, hasTitleWord,
  headerFrom, headerNext, imprintLine, legalForm, onBehalfPrefix, phoneLabel, phoneRun, postalLine, quoteHeaders,
  replyAttribution, socialHost, streetLine,
} from './signature-patterns';

export interface SignatureOptions {
  /**
   * Region for phone numbers written in national form when the signature gives no hint of its
   * country. Hints, strongest first: a country-code domain in an address or link (.de, .co.uk),
   * German or British wording ("Mobil:", "GmbH", "Ltd", a UK postcode), then this option,
   * then 'US'.
   */
  defaultRegion?: string;
}

/**
 * Reads a person from a signature: name, job title, company, phones (E.164, fax excluded),
 * emails, website and address. The text may be a whole message body: quoted replies,
 * disclaimers and the message itself are skipped. Never throws; returns an empty candidate
 * when nothing is found.
 */
export function parseSignature(text: string, options: SignatureOptions = {}): Candidate {
  try {
    return makeCandidate({ source: 'signature', ...readSignature(text, options) });
  } catch {
    return makeCandidate({ source: 'signature' });
  }
}

interface SignatureFields {
  name: string;
  jobTitle: string;
  company: string;
  emails: string[];
  phones: string[];
  website: string;
  address: string;
  socialLinks: string[];
}

type Kind = 'name' | 'title' | 'company' | 'address' | 'contact' | 'other';

function readSignature(text: string, options: SignatureOptions): SignatureFields {
  const ownLines = withoutDisclaimers(withoutQuotedText(typeof text === 'string' ? text : ''));
  const block = signatureBlock(ownLines);
  const fields: SignatureFields = { name: '', jobTitle: '', company: '', emails: [], phones: [], website: '', address: '', socialLinks: [] };
  const region = regionOf(ownLines.join('\n'), options.defaultRegion);

  const addressParts: string[] = [];
  let addressDone = false;
  const state: ReadingState = { previousKind: '', nameAt: -1, position: 0, singleWordNameAllowed: block.afterClosing };
  if (block.nameHint) {
    fields.name = block.nameHint;
    state.nameAt = state.position++;
    state.previousKind = 'name';
  }

  for (const line of block.lines) {
    if (!line) {
      if (addressParts.length) addressDone = true;
      continue;
    }
    for (const segment of segmentsOf(line)) {
      const rest = takeContactData(segment, fields, region);
      const { kind, address } = classify(rest, fields, state);
      if (address && !addressDone) addressParts.push(address);
      else if (addressParts.length && kind !== 'contact') addressDone = true;
      if (kind !== 'other') state.previousKind = kind;
      if (kind === 'name') state.nameAt = state.position;
      state.position++;
      state.singleWordNameAllowed = false;
    }
  }
  placeUnplaced(fields, state.unplaced);
  fields.address = addressParts.join(', ');
  return fields;
}

interface ReadingState {
  previousKind: Kind | '';
  /** position of the segment that gave the name */
  nameAt: number;
  /** segments read so far */
  position: number;
  /** a lone first name ("Cheers,\nDave") counts only right after a closing phrase */
  singleWordNameAllowed: boolean;
  /** the first segment with no cue that follows the name or the title */
  unplaced?: { text: string; afterName: boolean };
  /** the company so far was recognised by its words, not by a legal form */
  companyGuessed?: boolean;
}

// ——— Cutting the text down to the writer's own signature ———

function withoutQuotedText(text: string): string[] {
  const lines = cleanBlock(text.length > 200_000 ? text.slice(0, 200_000) : text, 200_000).split('\n');
  const own: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('>')) continue;
    const twoLines = `${line} ${lines[i + 1] ?? ''}`;
    const attribution = /^(?:on|am|le|el|il|op)\s/i.test(line) && (replyAttribution.test(line) || replyAttribution.test(twoLines));
    const outlookHeader = (/^_{8,}$/.test(line) && headerFrom.test(lines[i + 1] ?? '')) ||
      (headerFrom.test(line) && lines.slice(i + 1, i + 4).some((next) => headerNext.test(next)));
    if (attribution || outlookHeader || quoteHeaders.some((header) => header.test(line))) break;
    own.push(line);
  }
  // The signature is at the end; a long message body before it is of no use.
  return own.slice(-80);
}

function withoutDisclaimers(lines: string[]): string[] {
  const kept: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ');
    const isDisclaimer = (joined.length > 160 && disclaimerWords.test(joined)) || paragraph.some((line) => line.length > 200) ||
      (disclaimerWords.test(joined) && /\b(?:e-?mail|message|nachricht|information)/i.test(joined) && joined.split(/\s+/).length > 8);
    if (!isDisclaimer) kept.push(...paragraph);
    paragraph = [];
  };
  for (const line of lines) {
    if (!line) {
      flush();
      kept.push('');
    } else if (!appFooter.test(line) && !imprintLine.test(line)) {
      paragraph.push(line);
    }
  }
  flush();
  return kept;
}

/** The lines after the last closing phrase or "--" delimiter, or the trailing block of short lines. */
function signatureBlock(lines: string[]): { lines: string[]; nameHint: string; afterClosing: boolean } {
  let closingAt = -1;
  let nameHint = '';
  let delimiterAt = -1;
  lines.forEach((line, i) => {
    if (/^(?:--|—|–|__)\s*$/.test(line)) delimiterAt = i;
    const closing = closingPhrase.exec(line);
    if (!closing || line.length > 70) return;
    const remainder = line.slice(closing[0].length);
    const afterComma = remainder.match(/^\s*[,!]\s*(.+)$/);
    if (closingRemainder.test(remainder) || closingPhrase.test(remainder.replace(/^\s*\/\s*/, ''))) {
      closingAt = i;
      nameHint = '';
    } else if (afterComma && looksLikePersonName(afterComma[1], true)) {
      closingAt = i;
      nameHint = tidyName(afterComma[1]);
    } else if (closingWithoutComma.test(closing[0]) && looksLikePersonName(remainder, true)) {
      // "LG Sarah", "Gruß Uwe"
      closingAt = i;
      nameHint = tidyName(remainder);
    }
  });
  let start: number;
  if (closingAt >= 0) start = closingAt + 1;
  else if (delimiterAt >= 0) start = delimiterAt + 1;
  else start = trailingBlockStart(lines);
  const block = lines.slice(start).map((line) => (/^(?:--|—|–|__)\s*$/.test(line) ? '' : line.replace(/^[-–—]\s*(?=\p{L})/u, '')));
  return { lines: block, nameHint, afterClosing: closingAt >= 0 || delimiterAt >= 0 };
}

const closingWithoutComma = /^(?:lg|vg|mfg|bg|hg|gruß|gruss|grüße|grüsse)$/i;

/** A sentence of the message, as opposed to a line of a signature. */
function isProse(line: string): boolean {
  if (segmentsOf(line).length > 1 || /@|\d{3}/.test(line)) return false;
  const words = line.split(/\s+/);
  const lowercaseWords = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return lowercaseWords >= 3 && (/[.!?:,]$/.test(line) || words.length >= 7);
}

function trailingBlockStart(lines: string[]): number {
  let start = lines.length;
  while (start > 0 && !isProse(lines[start - 1]) && lines.length - start < 15) start--;
  return start;
}

// ——— Reading one segment ———

const separators = /\s+[|•·∙◦]\s+|\s*\|\s*|\s+[–—]\s+|\t+|\s{3,}/;
// " / " and " - " separate words ("Nick Foster / Account Manager") but also appear inside
// phone numbers ("040 / 35 01 77-0"): split there only next to a word.
const weakSeparator = /(?<=\p{L}\.?)\s[/-]\s|\s[/-]\s(?=\p{L})/u;

function segmentsOf(line: string): string[] {
  const withoutBehalf = line.replace(onBehalfPrefix, '').replace(/^[\p{So}\p{Sk}\s]+/u, '');
  return withoutBehalf
    .split(separators)
    .flatMap((piece) => (/^[^:]{0,14}:/.test(piece) ? [piece] : piece.split(weakSeparator)))
    .map((s) => s.trim())
    .filter(Boolean);
}

const emailRun = /(?:mailto:)?[^\s@<>(),;:"'[\]|]+@[^\s@<>(),;:"'[\]|]+\.[a-z]{2,}/gi;
const urlRun = /(?:https?:\/\/|www\.)[^\s<>"|,;]+|\b(?:[a-z0-9-]+\.)+(?:com|de|net|org|io|co\.uk|uk|at|ch|eu|info|biz|us|fr|nl|it|es|app|dev|ai|tech|be|dk|se|no|pl|ie|ca|au|co)(?:\/[^\s<>"|,;]*)?(?=$|[\s,;|])/gi;
const labelWord = /^\(?(?:tel|tele|telefon|telephone|phone|ph|p|t|m|mob|mobil|mobile|mobiltelefon|handy|cell|c|direct|direkt|durchwahl|dw|d|office|o|work|zentrale|main|hotline|whatsapp|büro|fon|tél|call|fax|telefax|fx|f|e-?mail|mail|e|web|website|w|internet|homepage|url|xing|linkedin|twitter|x|instagram|ext|and|und|or|oder)\.?\)?$/i;
const fieldLabel = /^(?:e-?mail|mail|email|e|web|website|w|internet|homepage|url|xing|linkedin|twitter|x|instagram)\s*[:.]\s*/i;

/** Takes emails, links and phone numbers out of the segment into `fields`; returns what is left. */
function takeContactData(segment: string, fields: SignatureFields, region: string): string {
  let rest = segment.replace(emailRun, (match) => {
    const email = cleanEmail(match);
    if (email && !fields.emails.includes(email)) fields.emails.push(email);
    return email ? ' ' : match;
  });
  rest = rest.replace(urlRun, (match) => {
    const url = cleanWebsite(match);
    if (!url) return match;
    const host = new URL(url).hostname;
    if (socialHost.test(host)) fields.socialLinks.push(url);
    else if (!fields.website) fields.website = url;
    return ' ';
  });
  rest = rest.replace(phoneRun, (match, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 25), offset);
    if (faxLabel.test(before)) return ' ';
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(match.trim())) return match;
    const labelled = phoneLabel.test(before);
    const digits = match.replace(/\D/g, '').length;
    if (digits < (labelled ? 6 : 7)) return match;
    const phone = toE164(match, region, labelled);
    if (!phone) return match;
    if (!fields.phones.includes(phone)) fields.phones.push(phone);
    return ' ';
  });
  if (rest === segment) return segment.trim();
  // What remains of a contact segment is its labels ("Tel.:", "E:", "Fax") and punctuation.
  const leftover = rest.split(/[\s/,;:|]+/).filter((word) => word && !labelWord.test(word) && !/^[\p{P}\p{S}\d]*$/u.test(word));
  return leftover.length ? rest.replace(fieldLabel, '').replace(/\s+/g, ' ').replace(/^[\s:,;/-]+|[\s:,;/-]+$/g, '') : '';
}

// ——— Deciding what a segment is ———

function isAddress(text: string): boolean {
  return streetLine.some((pattern) => pattern.test(text)) || postalLine.some((pattern) => pattern.test(text)) ||
    countryLine.test(text) || /,\s*(?:[A-Z]{2}\s+\d{5}|\d{4,5}\s+\p{Lu}|\p{Lu}[\p{L}.' -]+\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})/u.test(text);
}

function classify(text: string, fields: SignatureFields, state: ReadingState): { kind: Kind; address?: string } {
  if (!text) return { kind: 'contact' };
  if (text.length > 100 || /^[\p{P}\p{S}\s]+$/u.test(text)) return { kind: 'other' };

  // "Turner Legal Ltd, 22 King Street, Manchester M2 4WU": company, then address.
  const companyThenAddress = text.match(/^(.+?),\s+(\d.+)$/);
  if (companyThenAddress && legalForm.test(companyThenAddress[1]) && isAddress(companyThenAddress[2])) {
    setCompany(fields, state, companyThenAddress[1], true);
    return { kind: 'address', address: companyThenAddress[2] };
  }
  if (isAddress(text) && !hasTitleWord(text.replace(/\d.*$/, ''))) return { kind: 'address', address: text };

  // "Maria Gonzalez, VP of Marketing", "Jessica Moore, Marketing Coordinator, Bluebird Events LLC"
  if ((!fields.name || text.startsWith(`${fields.name},`)) && /,\s/.test(text)) {
    const name = nameFrom(text, fields, false);
    if (name) {
      fields.name = name;
      return { kind: 'name' };
    }
  }

  // "Head of Operations, Alpine Logistics AG", "Founder & CEO at Kestrel Analytics"
  const titleAtCompany = text.match(/^(.+?)(?:,\s+|\s+(?:at|bei|@)\s+)(.+)$/);
  if (titleAtCompany && hasTitleWord(titleAtCompany[1]) && !hasTitleWord(titleAtCompany[2]) && !companyWord.test(titleAtCompany[1]) &&
    (legalForm.test(titleAtCompany[2]) || companyWord.test(titleAtCompany[2]) || /\s(?:at|bei|@)\s/.test(text))) {
    if (!fields.jobTitle) fields.jobTitle = titleAtCompany[1];
    if (!fields.company) fields.company = titleAtCompany[2];
    return { kind: 'title' };
  }

  if (legalForm.test(text)) {
    setCompany(fields, state, text, true);
    return { kind: 'company' };
  }

  if (!fields.name || isFullerName(text, fields.name)) {
    const name = nameFrom(text, fields, state.singleWordNameAllowed);
    if (name) {
      fields.name = name;
      return { kind: 'name' };
    }
  }

  // Both kinds of word ("Field Service Technician", "TriState HVAC Services"): the last word decides.
  // A title comes with a name: before one, "Project Timeline" is a line of the message.
  const lastWord = text.split(/\s+/).at(-1) ?? '';
  const titleFirst = hasTitleWord(lastWord) || !companyWord.test(lastWord);
  if (hasTitleWord(text) && (titleFirst || !companyWord.test(text))) {
    if (!fields.name) return { kind: 'other' };
    if (!fields.jobTitle) fields.jobTitle = text;
    return { kind: 'title' };
  }
  if (companyWord.test(text) && !/\d/.test(text)) {
    setCompany(fields, state, text, false);
    return { kind: 'company' };
  }
  if (hasTitleWord(text)) {
    if (!fields.name) return { kind: 'other' };
    if (!fields.jobTitle) fields.jobTitle = text;
    return { kind: 'title' };
  }

  // Words with no cue right after the name or the title: decided once the whole block is read.
  const plain = text.split(/\s+/).length <= 6 && !/\d{3,}/.test(text) && /^\p{Lu}/u.test(text);
  const afterName = state.previousKind === 'name' && state.position === state.nameAt + 1;
  if (plain && fields.name && (afterName || state.previousKind === 'title') && !state.unplaced) {
    state.unplaced = { text, afterName };
  }
  return { kind: 'other' };
}

/** A company with a legal form replaces one only guessed from its words ("Ihr Team der Stadtwerke"). */
function setCompany(fields: SignatureFields, state: ReadingState, company: string, hasLegalForm: boolean): void {
  if (fields.company && (hasLegalForm ? !state.companyGuessed : true)) return;
  fields.company = company;
  state.companyGuessed = !hasLegalForm;
}

/** An unplaced segment is the company when none was found (companies are named without cues more often than titles), else the title. */
function placeUnplaced(fields: SignatureFields, unplaced: ReadingState['unplaced']): void {
  if (!unplaced) return;
  if (!fields.company) fields.company = unplaced.text;
  else if (!fields.jobTitle && unplaced.afterName) fields.jobTitle = unplaced.text;
}

/** A later, longer form of the name already found: "Dave" then "Dave Mitchell". */
function isFullerName(text: string, name: string): boolean {
  return !name.includes(' ') && text.toLowerCase().startsWith(`${name.toLowerCase()} `);
}

/** The person's name in the segment, splitting "Name, Title" and dropping "Rechtsanwältin" before a name. */
function nameFrom(text: string, fields: SignatureFields, singleWordAllowed: boolean): string {
  const bare = text.replace(/<\s*>|\(\s*\)/g, '').trim();
  const [head, ...tail] = bare.split(/,\s+/);
  if (tail.length && looksLikePersonName(head) && !companyWord.test(head)) {
    // "Raj Patel, CPA": the rest is a post-nominal, not a title.
    if (!tidyName(bare).includes(',')) return tidyName(head);
    if (hasTitleWord(tail[0]) && !fields.jobTitle) fields.jobTitle = tail[0];
    const restCompany = tail.slice(1).join(', ');
    if (restCompany && legalForm.test(restCompany) && !fields.company) fields.company = restCompany;
    return tidyName(head);
  }
  if (tail.length || companyWord.test(bare) || legalForm.test(bare)) return '';
  if (!looksLikePersonName(bare, singleWordAllowed && !hasTitleWord(bare))) return '';
  return hasTitleWord(bare) ? nameAfterTitle(bare) : tidyName(bare);
}

/** "Rechtsanwältin Claudia Fischer" → "Claudia Fischer"; a title alone is no name. */
function nameAfterTitle(text: string): string {
  const words = text.split(/\s+/);
  const rest = words.slice(1).join(' ');
  return hasTitleWord(words[0]) && !hasTitleWord(rest) && looksLikePersonName(rest) ? tidyName(rest) : '';
}

// ——— Region for national phone numbers ———

function regionOf(text: string, defaultRegion?: string): string {
  for (const match of text.matchAll(/@?((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) {
    const region = regionFromDomain(match[1]);
    if (region) return region;
  }
  const germanWords = text.match(/(?<![\p{L}])(?:und|der|die|das|ich|wir|nicht|für|mit|danke|bitte|hallo|passt|gerne|anbei|grüße|grüsse|gruß|viele|beste|liebe|freundlichen|vg|lg|mfg|tel\.|telefon|mobil|handy|gmbh|straße|strasse)(?![\p{L}])/giu) ?? [];
  if (new Set(germanWords.map((w) => w.toLowerCase())).size >= 2 || /\b\d{5}[ \t]+\p{Lu}\p{Ll}/u.test(text)) return 'DE';
  if (/\b(?:Ltd|Limited|plc)\b|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}\b/.test(text)) return 'GB';
  return defaultRegion || fallbackRegion;
}
