import type { Candidate } from './candidate';
import { makeCandidate } from './make-candidate';
import { looksLikePersonName, tidyName } from './person-name';
import { cleanEmail, cleanWebsite } from './sanitize';
import { phoneRegionOf, phoneInRegion } from './signature-region';
import {
  companyUpToLegalForm, companyWord, countryLine, faxAfter, faxLabel, hasTitleWord, imprintLabel, isDepartment, legalForm,
  onBehalfPrefix, phoneLabel, phoneRun, postalLine, registryMention, socialHost, streetLine,
} from './signature-patterns';
import { isProse, ownLines, signatureBlock, type SignatureBlock } from './signature-text';
import { isFreeMail } from './url';

export interface SignatureOptions {
  /**
   * Region for phone numbers written in national form when neither the number, the sender's
   * domain nor the signature says which country they belong to. Then 'US'.
   */
  defaultRegion?: string;
  /** The sender's address: its domain names the company's site and, for .de or .co.uk, the phone region. */
  senderEmail?: string;
}

/**
 * Reads a person from a signature: name, job title, company, phones (E.164, fax excluded),
 * emails, website and address. The text may be a whole message body: the signature block is
 * found before quotes, disclaimers and list footers, imprint text is left out. Never throws;
 * returns an empty candidate when nothing is found.
 */
export function parseSignature(text: string, options: SignatureOptions = {}): Candidate {
  try {
    return makeCandidate({ source: 'signature', ...readSignature(typeof text === 'string' ? text : '', options) });
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

type Kind = 'name' | 'title' | 'company' | 'address' | 'contact' | 'department' | 'other';

interface ReadingState {
  previousKind: Kind | '';
  /** position of the segment that gave the name */
  nameAt: number;
  /** segments read so far */
  position: number;
  /** the first segment with no cue that follows the name or the title */
  unplaced?: { text: string; underName: boolean };
  /** the company so far was recognised by its words, not by a legal form */
  companyGuessed?: boolean;
  /** the name so far stood alone in its paragraph ("Project Timeline" above the real signature) */
  nameAlone?: boolean;
  /** segments on the line being read, and on the line that gave the name */
  lineSegments?: number;
  nameLineSegments?: number;
  /** paragraphs read so far, and the one that gave the name */
  paragraph: number;
  nameParagraph: number;
  /** a sign-off name came before the block ("Mark\nSenior Counsel, ENA"): titles may follow */
  signedOff: boolean;
  /** the block follows a closing phrase, so a name on its first line is the writer's */
  afterClosing?: boolean;
  /** non-empty lines of the block read so far, and the one that gave the name */
  linesRead: number;
  nameLine: number;
  /** domain labels of the sender's and the signature's addresses ("cevalogistics"), evidence for the company */
  domains: string[];
}

function readSignature(text: string, options: SignatureOptions): SignatureFields {
  const lines = ownLines(text);
  const region = phoneRegionOf(lines.join('\n'), options);
  const block = signatureBlock(lines, (candidate) => hasSignatureContent(candidate, region));
  const signOffName = block.signOffName || takeSignOffLine(block);
  const fields: SignatureFields = { name: '', jobTitle: '', company: '', emails: [], phones: [], website: '', address: '', socialLinks: [] };
  const blockText = block.lines.join(' ');
  // The hosts of the signature's own links count like its addresses' domains ("GARP 2001" at www.garp.com).
  const linkHosts = (blockText.match(/(?:https?:\/\/|www\.)[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [])
    .map((link) => link.replace(/^https?:\/\//i, '').replace(/^www\./i, '').toLowerCase())
    .filter((host) => !socialHost.test(host) && !/(?:^|\.)(?:blogspot|wordpress|medium|github|gitbooks|nabble|about)\./.test(host));
  const domains = [options.senderEmail ?? '', ...(blockText.match(/@[a-z0-9.-]+\.[a-z]{2,}/gi) ?? []), ...linkHosts.map((host) => `@${host}`)]
    .map((address) => address.split('@')[1]?.toLowerCase().split('.').filter((part) => part.length > 2 && !/^(?:com|net|org|mail|www)$/.test(part))[0] ?? '')
    .filter((label) => label.length >= 3 && !isFreeMail(label));
  const state: ReadingState = {
    previousKind: '', nameAt: -1, position: 0, domains, signedOff: signOffName !== '', paragraph: 0, nameParagraph: -1, afterClosing: block.afterClosing,
    linesRead: 0, nameLine: -1,
  };

  const addressParts: string[] = [];
  let addressDone = false;
  // Imprint text continues on the next line after "Geschäftsführer: A, B," or "Gesellschafterin:".
  let imprintGoesOn = false;
  for (const line of block.lines) {
    if (!line) {
      if (addressParts.length) addressDone = true;
      imprintGoesOn = false;
      state.paragraph++;
      continue;
    }
    if (imprintGoesOn) {
      imprintGoesOn = /[,:&]$|\b(?:und|and)$/i.test(line) || isNameList(line);
      continue;
    }
    state.linesRead++;
    if (isProse(line) || isTagline(line)) continue;
    const segments = segmentsOf(line);
    state.lineSegments = segments.length;
    for (const segment of segments) {
      if (isImprint(segment)) {
        imprintGoesOn = /[,:&]$|\b(?:und|and)$/i.test(segment);
        continue;
      }
      const rest = takeContactData(segment, fields, region);
      const { kind, address } = classify(rest.replace(/[,;]$/, '').trim(), fields, state);
      if (address && !addressDone) addressParts.push(address);
      else if (addressParts.length && kind !== 'contact') addressDone = true;
      if (kind !== 'other') state.previousKind = kind;
      if (kind === 'name' && state.nameParagraph !== state.paragraph) {
        state.nameAlone = true;
        state.nameParagraph = state.paragraph;
      } else if (state.nameParagraph === state.paragraph && kind !== 'name') state.nameAlone = false;
      if (kind === 'name') {
        state.nameAt = state.position;
        state.nameLine = state.linesRead;
        state.nameLineSegments = segments.length;
      }
      state.position++;
    }
  }
  placeUnplaced(fields, state.unplaced);
  resolveName(fields, signOffName);
  fields.address = addressParts.join(', ');
  return fields;
}

/**
 * The sign-off's name when the block has none, or its fuller form ("Frank" → "Frank Kelly" was
 * read already). A lone first name counts only when the signature is nothing but the sign-off:
 * next to a title or a company, a reader would not call "Nirmal" the person's name.
 */
function resolveName(fields: SignatureFields, signOffName: string): void {
  if (!fields.name && signOffName) fields.name = signOffName;
  const hasMore = Boolean(fields.jobTitle || fields.company || fields.phones.length || fields.emails.length || fields.website || fields.address);
  if (!fields.name.includes(' ') && hasMore) fields.name = '';
}

/** "Best,\nEmily": a lone first name on the line after the closing is the sign-off's name. */
function takeSignOffLine(block: SignatureBlock): string {
  const first = block.lines.findIndex(Boolean);
  const line = block.lines[first] ?? '';
  // Unanchored, it must lead into the block's other lines ("Mark\nSenior Counsel, ENA").
  const next = block.lines.slice(first + 1).find(Boolean) ?? '';
  if ((!block.anchored && !hasTitleWord(next)) || !/^\p{Lu}[\p{L}'’-]+$/u.test(line) || hasTitleWord(line) || companyWord.test(line) || !looksLikePersonName(line, true)) return '';
  block.lines[first] = '';
  return tidyName(line);
}

/** Whether the lines hold something a signature gives: a person's name, an address, a number, a link, a company. */
function hasSignatureContent(lines: string[], region: string): boolean {
  return lines.some((line) => {
    if (!line || line === '--' || isProse(line)) return false;
    if (/@[a-z0-9-]+\.|https?:\/\/|www\./i.test(line) || legalForm.test(line.replace(/[,;]$/, ''))) return true;
    if ([...line.matchAll(phoneRun)].some((match) => match[0].replace(/\D/g, '').length >= 7 && phoneInRegion(match[0], region, true))) return true;
    return segmentsOf(line).some((segment) => looksLikePersonName(segment.replace(/,.*$/, '')));
  });
}

// ——— Reading one segment ———

const separators = /\s+[|•·∙◦*~]\s+|\s*\|\s*|\s+\/\/\s+|\s+[–—]\s+|\t+/;
// " / " and " - " separate words ("Nick Foster / Account Manager") but also appear inside
// phone numbers ("040 / 35 01 77-0") and titles ("Manager - Human Capital"): see splitWeak.
const weakSeparator = /(?<=\p{L}\.?)\s[/-]\s|\s[/-]\s(?=\p{L})/u;

function segmentsOf(line: string): string[] {
  const withoutBehalf = line.replace(onBehalfPrefix, '').replace(/^[\p{So}\p{Sk}\s]+/u, '');
  return withoutBehalf
    .split(separators)
    .flatMap((piece) => (/^[^:]{0,14}:/.test(piece) ? [piece] : splitWeak(piece)))
    // What is left of a separator at the start: "Sidney Feiner   /  SW Developer" gives "/ SW Developer".
    .map((s) => s.trim().replace(/^[/|•·-]\s+/, ''))
    .filter(Boolean);
}

/**
 * Splits at " - " and " / " only where one side is a name, a company, contact data or an
 * address: "MIKE EASTMAN, CPC - President" and "CEVA Logistics / 10751 Deerwood Park Blvd"
 * split, "Manager - Human Capital" and "BI Architect - Matrix SCM" stay one title.
 */
function splitWeak(piece: string): string[] {
  const parts = piece.split(weakSeparator);
  if (parts.length === 1) return parts;
  const standsAlone = (part: string) => {
    const trimmed = part.trim();
    return /@|\d{3}|https?:|www\./.test(trimmed) || legalForm.test(trimmed) || isAddress(trimmed) || companyWord.test(trimmed) ||
      looksLikePersonName(trimmed.replace(/,.*$/, '')) || /^(?:tel|phone|fax|mobil\w*|e-?mail|web)\b/i.test(trimmed);
  };
  // A title first, then what qualifies it ("Manager - Human Capital", "BI Architect - Matrix SCM").
  const qualifies = (part: string) => !/@|\d{3}|https?:|www\./.test(part) && !legalForm.test(part.trim()) && !isAddress(part.trim());
  if (hasTitleWord(parts[0]) && parts.slice(1).every(qualifies)) return [piece];
  if (parts.every((part) => hasTitleWord(part) || isDepartment(part) || !standsAlone(part)) && parts.some((part) => hasTitleWord(part))) {
    return [piece];
  }
  return parts;
}

/** A line of services or a slogan: "Accounting - Financial - Energy Risk - Tax". */
function isTagline(line: string): boolean {
  const parts = line.split(/\s[-–•·]\s/);
  return parts.length >= 3 && parts.every((part) => part.split(/\s+/).length <= 3 && !/[@\d]/.test(part) && !legalForm.test(part) && !hasTitleWord(part));
}

/** Imprint text: a director's or board's label, a court registry or tax id. */
function isImprint(segment: string): boolean {
  return imprintLabel.test(segment) || registryMention.test(segment) || /\bmit sitz in\b/i.test(segment);
}

/** "Bernhard Test, Ulrich Test": names in a list continue an imprint line. */
function isNameList(line: string): boolean {
  const parts = line.split(/,\s*|\s+(?:und|and)\s+/).filter(Boolean);
  return parts.length >= 2 && parts.every((part) => looksLikePersonName(part.replace(/^(?:dr|prof)\.?\s+/i, '')) && !companyWord.test(part));
}

const emailRun = /(?:mailto:)?[^\s@<>(),;:"'[\]|]+@[^\s@<>(),;:"'[\]|]+\.[a-z]{2,}/gi;
const urlRun = /(?:https?:\/\/|www\.)[^\s<>"|,;]+|\b(?:[a-z0-9-]+\.)+(?:com|de|net|org|io|co\.uk|uk|at|ch|eu|info|biz|us|fr|nl|it|es|app|dev|ai|tech|be|dk|se|no|pl|ie|ca|au|co|edu|gov)(?:\/[^\s<>"|,;]*)?(?=$|[\s,;|])/gi;
const labelWord = /^\(?(?:tel|tele|telefon|telephone|phone|ph|p|t|m|mob|mobil|mobile|mobiltelefon|handy|cell|cellular|c|direct|direkt|dial|durchwahl|dw|d|office|o|work|zentrale|main|hotline|whatsapp|büro|fon|tél|call|voice|fax|telefax|facsimile|transmission|fx|f|pager|no|nr|number|e-?mail|mail|e|address|adresse|web|website|w|internet|homepage|home|page|url|blog|xing|linkedin|twitter|x|instagram|skype|ext|and|und|or|oder)\.?\)?:?$/i;
const fieldLabel = /^(?:e-?mail|mail|email|e|web|website|w|internet|homepage|url|xing|linkedin|twitter|x|instagram|skype)\s*[:.]\s*/i;

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
    // A home page beats a link to one document ("https://lkml.org/lkml/2019/11/29/306" cited above the footer).
    else if (!fields.website || (isDeepLink(fields.website) && !isDeepLink(url))) fields.website = url;
    return ' ';
  });
  rest = rest.replace(phoneRun, (match, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 25), offset);
    const after = whole.slice(offset + match.length, offset + match.length + 20);
    if (faxLabel.test(before) || faxAfter.test(after)) return ' ';
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(match.trim())) return match;
    const labelled = phoneLabel.test(before) || /^\s*\(?(?:phone|ph|tel|office|direct|cell|mobile|voice|work)\b/i.test(after);
    const digits = match.replace(/\D/g, '').length;
    if (digits < (labelled ? 6 : 7)) return match;
    const phone = phoneInRegion(match, region, labelled);
    if (!phone) return match;
    if (!fields.phones.includes(phone)) fields.phones.push(phone);
    return ' ';
  });
  if (rest === segment) return segment.split(/[\s/,;:|*]+/).every((word) => !word || labelWord.test(word)) ? '' : segment.trim();
  // What remains of a contact segment is its labels ("Tel.:", "E:", "Fax") and punctuation.
  const leftover = rest.split(/[\s/,;:|]+/).filter((word) => word && !labelWord.test(word) && !/^@\w+$/.test(word) && !/^[\p{P}\p{S}\d]*$/u.test(word));
  if (!leftover.length) return '';
  // "Perfect Commerce, Inc. tel:" — a label left at the end.
  return rest.replace(fieldLabel, '').replace(/\s+/g, ' ')
    .replace(/(?:\s+\(?(?:tel|phone|ph|fax|mobile|cell|e-?mail|email|web|office|direct)\.?\)?\s*:?)+\s*$/i, '')
    .replace(/^[\s:,;/-]+|[\s:,;/-]+$/g, '');
}

/** A link to a page several levels down, not a site's home page. */
function isDeepLink(url: string): boolean {
  return new URL(url).pathname.split('/').filter(Boolean).length >= 3;
}

// ——— Deciding what a segment is ———

function isAddress(text: string): boolean {
  return streetLine.some((pattern) => pattern.test(text)) || postalLine.some((pattern) => pattern.test(text)) ||
    countryLine.test(text) || /,\s*(?:[A-Z]{2}\s+\d{5}|\d{4,5}\s+\p{Lu}|\p{Lu}[\p{L}.' -]+\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})/u.test(text) ||
    /^(?:P\.?\s?O\.?\s?Box|Postfach)\s+\d+/i.test(text) || /^\p{Lu}[\p{L} .']+,\s*(?!(?:Jr|Sr)\.)\p{Lu}\p{Ll}{1,4}\.$/u.test(text) || /\b\p{Lu}[\p{L}.-]+,?\s+(?:[A-Z]{2}|\p{Lu}\p{Ll}+)\s+\d{5}(?:-\d{4})?$/u.test(text);
}

/** The company a segment's words name, when they match the sender's domain ("ENDESA" at endesa.es). */
function matchesDomain(text: string, domains: string[]): boolean {
  const compact = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  const firstWord = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).find((w) => w.length >= 4) ?? '';
  return domains.some((label) => compact.length >= 3 && (compact === label || compact.startsWith(label) || (firstWord && label.startsWith(firstWord))));
}

function classify(text: string, fields: SignatureFields, state: ReadingState): { kind: Kind; address?: string } {
  if (!text) return { kind: 'contact' };
  if (text.length > 100 || /^[\p{P}\p{S}\s]+$/u.test(text)) return { kind: 'other' };

  // "Turner Legal Ltd, 22 King Street", "TNG Technology Consulting GmbH, Betastr. 13a, 85774 Unterföhring", "Trifork Public A/S Dyssen 1".
  const withLegalForm = companyUpToLegalForm.exec(text);
  if (withLegalForm && withLegalForm[1] !== text) {
    const rest = text.slice(withLegalForm[1].length).replace(/^[\s,;]+/, '');
    if (isAddress(rest) || /^\p{Lu}[\p{L}.-]+\s+\d{1,4}[a-z]?\b/u.test(rest)) {
      setCompany(fields, state, withLegalForm[1].replace(/,$/, ''), true);
      return { kind: 'address', address: rest };
    }
    // "Siemens AG, Technology": the company, then its department.
    if (isDepartment(rest)) {
      setCompany(fields, state, withLegalForm[1].replace(/,$/, ''), true);
      return { kind: 'company' };
    }
  }
  // "QUALITEC PROFESSIONAL SERVICES, LP" is no "Chicago, IL" (but "Reno, NV" is).
  const endsInLegalForm = legalForm.test(text) && !/,\s*NV$/.test(text);
  if (isAddress(text) && !endsInLegalForm && !hasTitleWord(text.replace(/\d.*$/, ''))) return { kind: 'address', address: text };

  // "Maria Gonzalez, VP of Marketing", "Toke Eskildsen, Royal Danish Library", "MIKE EASTMAN, CPC"
  if ((!fields.name || text.toLowerCase().startsWith(`${fields.name.toLowerCase()},`)) && /,\s/.test(text)) {
    const name = nameFrom(text, fields, state);
    if (name) {
      fields.name = name;
      return { kind: 'name' };
    }
  }

  // "Head of Operations, Alpine Logistics AG", "Founder & CEO at Kestrel Analytics"
  // "Senior Counsel, ENA", "CEO, FairAir" (fairair.com): an acronym or the domain's name after the title.
  const titleAtCompany = text.match(/^(.+?)(?:,\s+|\s+(?:at|bei|@)\s+)(.+)$/);
  if (titleAtCompany && hasTitleWord(titleAtCompany[1]) && !hasTitleWord(titleAtCompany[2]) && !companyWord.test(titleAtCompany[1]) &&
    !isDepartment(titleAtCompany[2]) &&
    (legalForm.test(titleAtCompany[2]) || companyWord.test(titleAtCompany[2]) || /\s(?:at|bei|@)\s/.test(text) ||
      /^[A-Z][A-Z0-9&]{1,5}$/.test(titleAtCompany[2]) || matchesDomain(titleAtCompany[2], state.domains))) {
    if (!fields.jobTitle) fields.jobTitle = titleAtCompany[1];
    setCompany(fields, state, titleAtCompany[2], legalForm.test(titleAtCompany[2]));
    return { kind: 'title' };
  }

  // "Data Technologies Team, WSO2 Inc.": a department, then the company.
  const departmentThenCompany = /^(.+),\s+([^,]+)$/.exec(text);
  if (departmentThenCompany && isDepartment(departmentThenCompany[1]) && legalForm.test(departmentThenCompany[2])) {
    setCompany(fields, state, departmentThenCompany[2], true);
    return { kind: 'company' };
  }
  if (legalForm.test(text)) {
    setCompany(fields, state, text, true);
    return { kind: 'company' };
  }

  // A second name that is not the same person's is read as what else it may be ("California ISO", "Enron Americas").
  const name = nameFrom(text, fields, state);
  // Not the name signed right under the closing ("Mit freundlichen Grüßen / John Günther").
  const replacesLoneLine = state.nameAlone === true && state.nameParagraph !== state.paragraph && !(state.afterClosing && state.nameLine === 1);
  if (name && (acceptsName(fields.name, name) || replacesLoneLine)) {
    fields.name = name;
    return { kind: 'name' };
  }
  if (fields.name && text.toLowerCase() === fields.name.toLowerCase()) return { kind: 'name' };


  if (isDepartment(text)) return { kind: 'department' };

  // Both kinds of word ("Field Service Technician", "TriState HVAC Services"): the last word decides.
  // A title comes with a name: before one, "Project Timeline" is a line of the message.
  const lastWord = text.split(/\s+/).at(-1) ?? '';
  const titleFirst = hasTitleWord(lastWord) || !companyWord.test(lastWord) || isDepartment(lastWord) || hasTitleWord(text.split(/\s[-–]\s/)[0]);
  if (hasTitleWord(text) && (titleFirst || !companyWord.test(text))) {
    if (!fields.name && !state.signedOff) return { kind: 'other' };
    if (!fields.jobTitle) fields.jobTitle = text;
    return { kind: 'title' };
  }
  // Digits belong to an address, unless the words name the domain ("GARP 2001" at garp.com).
  if ((companyWord.test(text) && !/\d/.test(text)) || (matchesDomain(text, state.domains) && !/^\d|\d{5}/.test(text))) {
    setCompany(fields, state, text, false);
    return { kind: 'company' };
  }

  // Words with no cue right after the name or the title: decided once the whole block is read.
  const plain = text.split(/\s+/).length <= 6 && !/\d/.test(text) && /^\p{Lu}/u.test(text) && !/[:?]/.test(text);
  // A title with no cue is the line under a name that stood on its own line; in columns
  // ("Pengutronix e.K. | Marc Kleine-Budde" over "Embedded Linux | https://…") the next segment is something else.
  const afterName = state.previousKind === 'name' && state.position === state.nameAt + 1;
  const underName = afterName && state.lineSegments === 1 && state.nameLineSegments === 1;
  if (plain && fields.name && (afterName || state.previousKind === 'title' || state.previousKind === 'department') && !state.unplaced) {
    state.unplaced = { text, underName };
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
  else if (!fields.jobTitle && unplaced.underName) fields.jobTitle = unplaced.text;
}

/**
 * Whether a name read later replaces the one found: none yet; the same person written in full
 * ("Frank" → "Frank Kelly", "Alex" → "Alexander Eydeland", "Dave Ikenberry" → "Prof. David Ikenberry");
 * a lone first name by a full name.
 */
function acceptsName(current: string, next: string): boolean {
  if (!current) return true;
  const words = (s: string) => s.toLowerCase().replace(/[-.]/g, '').split(/\s+/).filter((w) => w.length > 1 && !/^(?:dr|prof|mr|mrs|ms)$/.test(w));
  const a = words(current);
  const b = words(next);
  if (b.length < a.length || a.length === 0 || b.length === 0) return false;
  if (a.length === 1) return b.length > 1 && (b[0].startsWith(a[0]) || a[0].startsWith(b[0].slice(0, 3)));
  return a.at(-1) === b.at(-1) && a[0].slice(0, 2) === b[0].slice(0, 2);
}

/** The person's name in the segment, splitting "Name, Title" and dropping "Rechtsanwältin" before a name. */
function nameFrom(text: string, fields: SignatureFields, state: ReadingState): string {
  const bare = text.replace(/<\s*>|\(\s*\)/g, '').trim();
  const [head, ...tail] = bare.split(/,\s+/);
  // "BNP Paribas Commodity Futures, Inc." is a company, not "Name, Title".
  const legalTail = tail.length === 1 && tail[0].split(/\s+/).length <= 2 && legalForm.test(tail[0]);
  if (tail.length && looksLikePersonName(head) && !companyWord.test(head) && !hasTitleWord(head) && !isNameList(bare) && !legalTail) {
    // "Raj Patel, CPA", "MIKE EASTMAN, CPC": the rest is a post-nominal, not a title.
    if (!tidyName(bare).includes(',') || (tail.length === 1 && /^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4}|Jr\.?|Sr\.?|I{2,3}|IV)$/.test(tail[0]))) return tidyName(head);
    const rest = tail.join(', ');
    if (hasTitleWord(tail[0]) && !fields.jobTitle) fields.jobTitle = tail[0];
    else if (!hasTitleWord(tail[0]) && !isDepartment(tail[0]) && /^\p{Lu}/u.test(tail[0]) && !fields.company) setCompany(fields, state, rest, legalForm.test(rest));
    const restCompany = tail.slice(1).join(', ');
    if (restCompany && (legalForm.test(restCompany) || companyWord.test(restCompany)) && !fields.company) setCompany(fields, state, restCompany, legalForm.test(restCompany));
    return tidyName(head);
  }
  if (tail.length || companyWord.test(bare) || legalForm.test(bare) || isDepartment(bare)) return '';
  if (!looksLikePersonName(bare, false)) return '';
  return hasTitleWord(bare) ? nameAfterTitle(bare) : tidyName(bare);
}

/** "Rechtsanwältin Claudia Fischer" → "Claudia Fischer"; a title alone is no name. */
function nameAfterTitle(text: string): string {
  const words = text.split(/\s+/);
  const rest = words.slice(1).join(' ');
  return hasTitleWord(words[0]) && !hasTitleWord(rest) && looksLikePersonName(rest) ? tidyName(rest) : '';
}
