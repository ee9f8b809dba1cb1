import type { Candidate, OpenEmail } from './candidate';
import { inlineText, textWithLines } from './dom-text';
import { participantCandidates, withSignature, type Participant } from './participants';
import { regionFromDomain, regionFromLanguage } from './phone';
import { cleanEmail, cleanLine, limits } from './sanitize';
import { hashOf, hostOf, pathOf, safeDecode } from './url';
import { parseSignature } from './signature';
import { isDayFirstLanguage, parseWebmailDate } from './webmail-date';

// Gmail's reading pane (see WEBMAIL-MARKUP.md). Class names are obfuscated but have been
// stable for years; every field has a fallback and a missing one is '' rather than an error.

export interface WebmailReading {
  email: OpenEmail;
  candidates: Candidate[];
  /** the signed-in user's address, '' when the page does not show it */
  self: string;
}

export function isGmailUrl(url: string): boolean {
  return hostOf(url) === 'mail.google.com';
}

/** The open message or thread, or null when the page shows none. */
export function readGmail(doc: Document, url: string): WebmailReading | null {
  if (!isGmailUrl(url)) return null;
  // The open message is among the last: reading the last 200 keeps a huge thread cheap.
  const messages = [...doc.querySelectorAll<HTMLElement>('div.adn')].slice(-200).map(readMessage);
  if (messages.length === 0) return null;
  const self = readGmailSelf(doc, url);

  // The open message is the last expanded one: Gmail lists a thread oldest first.
  const open = messages.filter((m) => m.expanded).at(-1) ?? messages.at(-1)!;
  const others = messages.filter((m) => m !== open).reverse();
  const participants: Participant[] = [open, ...others].flatMap((m) => [...(m.sender ? [m.sender] : []), ...m.recipients]);
  let candidates = participantCandidates(participants, self, 'gmail');

  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  const sentAt = parseWebmailDate(open.dateText, { dayFirst: isDayFirstLanguage(lang) }).iso;
  const from = cleanEmail(open.sender?.email);
  // Each shown message's signature enriches its sender; the open message's counts first.
  for (const message of [open, ...others].filter((m) => m.body && m.sender).slice(0, 20)) {
    const sender = cleanEmail(message.sender?.email);
    if (!sender || sender === self) continue;
    const signature = parseSignature(signatureText(message.body!), { defaultRegion: senderRegion(sender, lang), senderEmail: sender });
    candidates = candidates.map((c) => (c.emails[0] === sender ? withSignature(c, signature) : c));
  }

  const thread = readThread(doc, url);
  const subject = cleanLine(inlineText(doc.querySelector('h2.hP')), limits.subject);
  const messageId = open.messageId || (from || open.dateText ? `gmail:${thread.id}:${sentAt || open.dateText}:${from}` : '');
  const email: OpenEmail = {
    provider: 'gmail',
    subject,
    sentAt,
    dateText: cleanLine(open.dateText, limits.dateText),
    messageId: cleanLine(messageId, limits.id),
    threadId: cleanLine(thread.id, limits.id),
    from,
    to: open.recipients.filter((r) => r.role === 'to').map((r) => cleanEmail(r.email)).filter(Boolean),
    cc: open.recipients.filter((r) => r.role === 'cc').map((r) => cleanEmail(r.email)).filter(Boolean),
    direction: from && from === self ? 'outbound' : 'inbound',
    snippet: open.body ? cleanLine(textWithLines(open.body, { maxChars: 2000, skip: isQuoted }), limits.snippet) : '',
  };
  if (thread.url) email.threadUrl = thread.url;
  return { email, candidates, self };
}

interface GmailMessage {
  expanded: boolean;
  sender: Participant | null;
  recipients: Participant[];
  dateText: string;
  messageId: string;
  body: Element | null;
}

function readMessage(message: HTMLElement): GmailMessage {
  const body = message.querySelector('div.a3s') ?? message.querySelector('div.ii.gt');
  const collapsed = message.closest('.kv, .kQ, .kx') !== null;
  const senderElement = message.querySelector('span.gD[email]') ?? message.querySelector('td.gF span[email], h3.iw span[email]');
  const sender: Participant | null = senderElement
    ? { email: senderElement.getAttribute('email') ?? '', name: nameOf(senderElement), role: 'sender', fromSenderLine: true }
    : null;
  const dateElement = message.querySelector('span.g3') ?? message.querySelector('.gK span[title]');
  return {
    expanded: !collapsed && (body !== null || message.closest('.h7') !== null),
    sender,
    recipients: readRecipients(message),
    dateText: dateElement?.getAttribute('title') || inlineText(dateElement, 200),
    messageId: messageIdOf(message, body),
    body,
  };
}

function nameOf(element: Element): string {
  return element.getAttribute('name') || inlineText(element, 400);
}

/** To and Cc come merged in `span.hb`; a "cc:" text between the people switches to Cc. */
function readRecipients(message: Element): Participant[] {
  const list = message.querySelector('span.hb');
  if (!list) return [];
  const recipients: Participant[] = [];
  let role: Participant['role'] = 'to';
  const walker = list.ownerDocument.createTreeWalker(list, 0x1 | 0x4);
  for (let node = walker.nextNode(); node && recipients.length < 200; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      if (/(?:^|[\s,])(?:b?cc|kopie|copie|copia|cópia)\s*:/i.test(node.nodeValue ?? '')) role = 'cc';
    } else if ((node as Element).hasAttribute('email')) {
      const element = node as Element;
      recipients.push({ email: element.getAttribute('email') ?? '', name: nameOf(element), role, fromSenderLine: false });
    }
  }
  return recipients;
}

/** `msg-f:<decimal>`, whichever form the page gives: `#msg-f:…`, the legacy hex id, or the hex id of 2018. */
function messageIdOf(message: Element, body: Element | null): string {
  const attribute = (message.getAttribute('data-message-id') ?? '').replace(/^#/, '');
  if (/^msg-[af]:\S+$/.test(attribute)) return attribute;
  const hex = [attribute, message.getAttribute('data-legacy-message-id') ?? '', /\bm([0-9a-f]{16})\b/.exec(body?.className ?? '')?.[1] ?? '']
    .find((id) => /^[0-9a-f]{12,16}$/i.test(id));
  return hex ? `msg-f:${BigInt(`0x${hex}`)}` : '';
}

function readThread(doc: Document, url: string): { id: string; url: string } {
  const heading = doc.querySelector('h2.hP');
  const perm = (heading?.getAttribute('data-thread-perm-id') ?? '').replace(/^#/, '');
  const legacy = heading?.getAttribute('data-legacy-thread-id') ?? '';
  const validLegacy = /^[0-9a-f]{12,16}$/i.test(legacy) ? legacy : '';
  const hashId = /^#[^/]+(?:\/[^/]+)*\/([A-Za-z0-9_-]{16,})$/.exec(hashOf(url))?.[1] ?? '';
  const id = /^thread-[af]:\d+$/.test(perm) ? perm : validLegacy ? `thread-f:${BigInt(`0x${validLegacy}`)}` : hashId;
  let link = '';
  if (hashId) link = url;
  else if (validLegacy) link = `${url.split('#')[0]}#all/${validLegacy}`;
  return { id, url: cleanLine(link, limits.website) };
}

// Quoted earlier messages and Gmail's trimmed-content wrappers (defuddle's list).
const quotedSelector = '.gmail_quote, .gmail_attr, .gmail_extra, blockquote[type=cite], .adL, .h5, .adm, .ajR, .ajT, .im, .yj6qo';
const isQuoted = (element: Element) => element.matches(quotedSelector);

/** The writer's signature: `.gmail_signature` (hidden copies included), else the body without quotes. */
function signatureText(body: Element): string {
  const marked = [...body.querySelectorAll('.gmail_signature')].find((element) => !element.parentElement?.closest(quotedSelector));
  if (marked) return textWithLines(marked, { maxChars: 20_000 });
  // `.adL` stays: Gmail hides a repeated signature there.
  return textWithLines(body, { skip: (element) => element.matches('.gmail_quote, .gmail_attr, blockquote[type=cite], .yj6qo, .im, .h5') });
}

/** The region for a sender's national-form phone numbers: their domain's country, else the page language's. */
export function senderRegion(email: string, lang: string): string | undefined {
  return regionFromDomain(email.split('@')[1] ?? '') || regionFromLanguage(lang) || undefined;
}

/** The signed-in user's address: InboxSDK's mirror, the title, the account button, the URL. */
export function readGmailSelf(doc: Document, url: string): string {
  const fromHead = cleanEmail(doc.head?.getAttribute('data-inboxsdk-user-email-address'));
  if (fromHead) return fromHead;
  const titleParts = (doc.title ?? '').split(/\s+[-–]\s+/);
  if (titleParts.length >= 2 && /gmail/i.test(titleParts.at(-1) ?? '')) {
    const fromTitle = cleanEmail(titleParts.at(-2));
    if (fromTitle) return fromTitle;
  }
  for (const element of doc.querySelectorAll('[role=banner] [aria-label*="@"]')) {
    const match = /[^\s()<>"',;:]+@[^\s()<>"',;:]+\.[a-z]{2,}/i.exec(element.getAttribute('aria-label') ?? '');
    const fromBanner = cleanEmail(match?.[0]);
    if (fromBanner) return fromBanner;
  }
  const fromPath = /\/mail\/u\/([^/]+)\//.exec(pathOf(url))?.[1];
  return cleanEmail(fromPath ? safeDecode(fromPath) : '');
}
