import { looksLikePersonName, tidyName } from './person-name';
import { cleanBlock } from './sanitize';
import {
  appFooter, attachmentLine, closingPhrase, closingRemainder, disclaimerHeading, disclaimerWords, headerFrom, headerNext,
  listFooter, quoteHeaders, replyAttribution,
} from './signature-patterns';

// Cutting a message down to the writer's signature block. Real mail puts much around it: quoted
// replies (below or, in list mail, above), disclaimers, mailing-list footers, attachment names,
// mottos, Gmail's "[image: …] <url>" and link duplicates, `*bold*` and `?` where a character was lost.

/** The writer's own lines: quotes, footers, disclaimers and formatting removed; blank lines kept as paragraph breaks. */
export function ownLines(text: string): string[] {
  const raw = (text.length > 200_000 ? text.slice(0, 200_000) : text).replace(/\r\n?/g, '\n');
  // Runs of spaces between two columns ("GmbH,      Managing Director: …") separate like "|".
  // No signature line is longer than this; cutting keeps every pattern below linear on hostile text.
  const columned = raw.split('\n').map((line) => line.slice(0, 1000).replace(/(?<=[^\s:|])[ \t\u00a0]{3,}(?=[^\s|])/g, ' | ')).join('\n');
  const lines = joinWrappedNumbers(cleanBlock(columned, 200_000).split('\n').map(withoutMarkup));
  const own: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('>')) continue;
    const twoLines = `${line} ${lines[i + 1] ?? ''}`;
    const attribution = /^(?:on|am|le|el|il|op)\s/i.test(line) && (replyAttribution.test(line) || replyAttribution.test(twoLines));
    const outlookHeader = (/^_{8,}$/.test(line) && headerFrom.test(lines[i + 1] ?? '')) ||
      (headerFrom.test(line) && lines.slice(i + 1, i + 4).some((next) => headerNext.test(next)));
    const footer = listFooter.test(line) || (/^_{5,}$/.test(line) && listFooter.test(lines[i + 1] ?? ''));
    const quoteStart = attribution || outlookHeader || quoteHeaders.some((header) => header.test(line));
    // A message forwarded with nothing written above it: the forwarded text is all there is, so
    // its header is skipped and the signature read below it.
    if (quoteStart && !footer && own.every((kept) => !kept || kept === '--')) {
      while (i + 1 < lines.length && (headerFrom.test(lines[i + 1]) || headerNext.test(lines[i + 1]) || (attribution && !lines[i + 1].trim()))) i++;
      continue;
    }
    if (quoteStart || footer) break;
    if (attachmentLine.test(line) || appFooter.test(line)) continue;
    // An attachment name wrapped over two lines.
    if (/^-\s+\S/.test(line) && attachmentLine.test(`- ${lines[i + 1] ?? ''}`)) {
      i++;
      continue;
    }
    own.push(line);
  }
  // The signature is at the end; a long message body before it is of no use.
  return withoutDisclaimers(own.slice(-120));
}

/** "Tel:    (713)" wrapped before "853-3849" (old mail clients wrap at 76 columns): the number joined again. */
function joinWrappedNumbers(lines: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1] ?? '';
    if (/\b(?:tel|phone|ph|cell|mobile|fax|pager|office|direct)\b\.?:?\s*\(\d{3}\)$/i.test(lines[i]) && /^\d{3}[-. ]\d{4}\b/.test(next)) {
      joined.push(`${lines[i]} ${next}`);
      i++;
    } else joined.push(lines[i]);
  }
  return joined;
}

/** `*Name*` → Name, Gmail's `[image: logo]` and `<mailto:…>` link copies gone, `Tel:?` → `Tel:`, rules of `*`/`=`/`_` → "--". */
function withoutMarkup(line: string): string {
  if (/^[*=_~#-]{3,}$/.test(line.replace(/\s/g, ''))) return '--';
  if (/^\?+$/.test(line)) return '';
  return line
    .replace(/\[image:[^\]]*\]/gi, ' ')
    // "[logo]<http://www.startapp.com/>": a linked image's target is kept, not dropped as a link copy.
    .replace(/\[[^\]]*\]<(https?:[^<>\s]+)>/gi, ' $1 ')
    .replace(/<(?:mailto:|tel:|\+|%2B)[^<>]*>/gi, ' ')
    .replace(/(?<=\S)<https?:[^<>]*>/gi, ' ')
    .replace(/<<[^<>]*>>/g, ' ')
    .replace(/<(https?:[^<>\s]+)>/gi, ' $1 ')
    .replace(/(?<![\p{L}\d])\*+([^*\n]+?)\*+(?![\p{L}\d])/gu, '$1')
    .replace(/:\?+/g, ':')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops paragraphs that are legal disclaimers or print notices; a rule line ends a paragraph too. */
function withoutDisclaimers(lines: string[]): string[] {
  const kept: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ');
    const words = joined.split(/\s+/).length;
    const isDisclaimer = (joined.length > 160 && disclaimerWords.test(joined) && isProse(joined)) ||
      (disclaimerWords.test(joined) && /\b(?:e-?mail|message|nachricht|information)/i.test(joined) && words > 8 && isProse(joined));
    if (!isDisclaimer) kept.push(...paragraph.filter((line) => line.length <= 200 || !isProse(line)));
    paragraph = [];
  };
  for (const line of lines) {
    if (!line || line === '--') {
      flush();
      kept.push(line);
    } else if (!disclaimerHeading.test(line)) {
      paragraph.push(line);
    }
  }
  flush();
  return kept;
}

/** A sentence of the message (or a motto, or a disclaimer), as opposed to a line of a signature. */
export function isProse(line: string): boolean {
  // A long line is a sentence, unless it is one long link.
  if (line.length > 300) return /\s/.test(line);
  // A line that starts in lower case continues a sentence ("i. A." and "e.K." excepted).
  if (/^\p{Ll}/u.test(line) && !/@|www\.|https?:|\d{3}|^(?:i\.\s?[av]\.|ppa\.|e\.\s?[kv]\.)|^[\w.-]+\.[a-z]{2,}(?:\/\S*)?$/i.test(line)) return true;
  const words = line.replace(/\S*@\S*|\S*https?:\S*/g, '').split(/\s+/).filter(Boolean);
  const lowercaseWords = words.filter((w) => /^\p{Ll}{2,}/u.test(w) && !/^(?:and|und|of|for|the|de|der|des|für|at|in|&|y|e|et|von|van|du)$/.test(w)).length;
  if (lowercaseWords >= 4 && words.length >= 6) return true;
  return lowercaseWords >= 2 && (/[.!?]$/.test(line) || words.length >= 8) && !/\d{3}/.test(line);
}

export interface SignatureBlock {
  lines: string[];
  /** the name on the closing line ("Regards, Nathan", "LG Sarah", "-Frank") */
  signOffName: string;
  /** the block follows a closing phrase or a "--" delimiter */
  anchored: boolean;
  /** the block follows a closing phrase: its first line is the writer's name, if a name */
  afterClosing?: boolean;
}

/**
 * The writer's signature: the lines after the last closing phrase or "--" delimiter that is
 * followed by signature content, else the last run of signature-like lines.
 */
export function signatureBlock(lines: string[], hasContent: (lines: string[]) => boolean): SignatureBlock {
  const anchors: { at: number; name: string; closing: boolean }[] = [];
  lines.forEach((line, i) => {
    if (line === '--' || /^(?:—|–|__)$/.test(line)) anchors.push({ at: i, name: '', closing: false });
    const closing = closingLine(line);
    if (closing) anchors.push({ at: i, name: closing.name, closing: true });
  });
  // The earliest of the final anchors that still leads to content: "Best regards,\nAnn\n-- \nAcme GmbH".
  let chosen: (typeof anchors)[number] | undefined;
  for (let k = anchors.length - 1; k >= 0; k--) {
    const after = lines.slice(anchors[k].at + 1);
    // "Best,\nEmily": a closing with a first name and nothing more is a signature too.
    const firstAfter = after.find((line) => line && line !== '--') ?? '';
    const signOffOnly = anchors[k].closing && (anchors[k].name !== '' || /^\p{Lu}[\p{L}'’-]+$/u.test(firstAfter)) && !hasContent(after);
    if (!hasContent(after) && !signOffOnly && !chosen) continue;
    // An anchor above a stretch of prose belongs to an earlier part of the message; one slogan
    // line under the signed name ("Mit freundlichen Grüßen / John Günther / example.com – profitieren Sie …") does not.
    if (chosen) {
      const between = lines.slice(anchors[k].at + 1, chosen.at).filter((line) => line && line !== '--');
      const prose = between.filter(isProse);
      const sloganUnderName = prose.length === 1 && between.length >= 2 && !isProse(between[0]) && looksLikePersonName(between[0]);
      if (prose.length && !sloganUnderName) break;
    }
    chosen = anchors[k];
  }
  if (chosen) {
    // "--" then "Kind regards / Beste Grüße": a closing inside the block is no line of the signature, but its name is the sign-off's.
    const inside = anchors.filter((anchor) => anchor.closing && anchor.at > chosen.at);
    const blockLines = lines.map((line, i) => (inside.some((anchor) => anchor.at === i) ? '' : line)).slice(chosen.at + 1);
    const signOffName = chosen.name || inside.find((anchor) => anchor.name)?.name || '';
    return { lines: blockLines.map(withoutLeadingDash), signOffName, anchored: true, afterClosing: chosen.closing };
  }
  return { lines: lastRun(lines, hasContent).map(withoutLeadingDash), signOffName: '', anchored: false };
}

const withoutLeadingDash = (line: string) => (line === '--' ? '' : line.replace(/^[-–—]\s*(?=\p{L})/u, ''));

/** A closing line ("Best regards,", "Mit freundlichen Grüßen / Kind regards", "Regards, Nathan", "-Frank") and the name on it. */
function closingLine(line: string): { name: string } | null {
  if (line.length > 80) return null;
  const dashName = /^[-–—]\s*(\p{Lu}[\p{L}'-]+)$/u.exec(line);
  if (dashName) return { name: tidyName(dashName[1]) };
  // "Mit freundlichen Grüßen / Kind regards", "Venlig hilsen/Best regards Rune": one closing after another.
  let rest = line;
  let first = '';
  let count = 0;
  for (let closing = closingPhrase.exec(rest); closing && count < 4; closing = closingPhrase.exec(rest), count++) {
    first ||= closing[0];
    rest = rest.slice(closing[0].length).replace(/^\s*[/&|]\s*/, '');
  }
  if (!first) return null;
  if (closingRemainder.test(rest)) return { name: '' };
  const afterComma = rest.match(/^\s*[,!.]?\s*(.+)$/);
  // "Thanks Shawn" thanks the reader; "Regards, Nathan", "LG Sarah" and "Best regards Rune Larsen" sign.
  const signs = /^\s*[,!]/.test(rest) || closingWithoutComma.test(first) ||
    ((count > 1 || afterComma?.[1].includes(' ')) && !/^(?:thanks|thank you|danke)/i.test(first));
  // "Best Regards, Benjamin Block  / Linux on IBM Z Kernel Development": the name ends at a separator.
  const signed = afterComma?.[1].split(/\s+[/|•·]\s+/)[0].trim() ?? '';
  return signs && signed && looksLikePersonName(signed, true) ? { name: tidyName(signed) } : null;
}

const closingWithoutComma = /^(?:lg|vg|mfg|bg|hg|gruß|gruss|grüße|grüsse)$/i;

/** The last run of non-prose lines that holds signature content (blank lines inside allowed). */
function lastRun(lines: string[], hasContent: (lines: string[]) => boolean): string[] {
  let end = lines.length;
  while (end > 0) {
    while (end > 0 && (!lines[end - 1] || lines[end - 1] === '--' || isProse(lines[end - 1]))) end--;
    let start = end;
    while (start > 0 && end - start < 16) {
      const line = lines[start - 1];
      if (line === '--' || isProse(line)) break;
      if (!line && (start < 2 || !lines[start - 2] || lines[start - 2] === '--' || isProse(lines[start - 2]))) break;
      start--;
    }
    const run = lines.slice(start, end);
    if (hasContent(run)) return run;
    end = start;
  }
  return [];
}
