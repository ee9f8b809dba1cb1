import type { OpenEmail } from './candidate';
import { inlineText, textWithLines } from './dom-text';
import { senderRegion, type WebmailReading } from './gmail';
import { participantCandidates, withSignature, type Participant } from './participants';
import { cleanEmail, cleanLine, limits } from './sanitize';
import { parseSignature } from './signature';
import { hostOf, pathOf, safeDecode } from './url';
import { isDayFirstLanguage, parseWebmailDate } from './webmail-date';

// Outlook on the web's reading pane (see WEBMAIL-MARKUP.md). Labels are localized ("Von",
// "Betreff"), so the reader relies on ids, data-testid and data-lpc attributes, and finds
// addresses by pattern. Messages may be listed newest first: they are ordered by date.

const outlookHosts = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']);

export function isOutlookUrl(url: string): boolean {
  return outlookHosts.has(hostOf(url));
}

const dateSelector = '[data-testid="SentReceivedSavedTime"]';
const bodySelector = 'div[role="document"]';
const personSelector = '[data-lpc-hover-target-id]';
const recipientWellSelector = '[data-testid="RecipientWell"]';
// OWA prefixes ids from the message HTML with x_; both forms occur.
const quoteStartSelector = '#x_divRplyFwdMsg, #divRplyFwdMsg, #x_appendonsend, #appendonsend, hr[tabindex="-1"]';

/** The open message of the reading pane, or null when no message is open. */
export function readOutlook(doc: Document, url: string): WebmailReading | null {
  if (!isOutlookUrl(url)) return null;
  const pane = readingPane(doc);
  if (!pane) return null;
  const self = readOutlookSelf(doc);
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  const dayFirst = isDayFirstLanguage(lang);
  const messages = messageRoots(pane).map((root) => readMessage(root, self, dayFirst));
  if (messages.length === 0) return null;

  // The open message is the newest one whose body is shown; DOM order only when a date is unreadable.
  const byDate = messages.every((m) => m.sentAt) ? [...messages].sort((a, b) => a.sentAt.localeCompare(b.sentAt)) : messages;
  const open = byDate.filter((m) => m.body).at(-1) ?? byDate.at(-1)!;
  const others = byDate.filter((m) => m !== open).reverse();
  const participants = [open, ...others].flatMap((m) => [...(m.sender ? [m.sender] : []), ...m.recipients]);
  let candidates = participantCandidates(participants, self.email, 'outlook');

  const from = cleanEmail(open.sender?.email);
  // Each shown message's signature enriches its sender; the open message's counts first.
  for (const message of [open, ...others].filter((m) => m.body && m.sender).slice(0, 20)) {
    const sender = cleanEmail(message.sender?.email);
    if (!sender || sender === self.email) continue;
    const signature = parseSignature(signatureText(message.body!), { defaultRegion: senderRegion(sender, lang), senderEmail: sender });
    candidates = candidates.map((c) => (c.emails[0] === sender ? withSignature(c, signature) : c));
  }

  const conversationId = readConversationId(doc, url);
  const email: OpenEmail = {
    provider: 'outlook',
    subject: cleanLine(readSubject(pane), limits.subject),
    sentAt: open.sentAt,
    dateText: cleanLine(open.dateText, limits.dateText),
    messageId: cleanLine(from || open.dateText ? `outlook:${conversationId}:${open.sentAt || open.dateText}:${from}` : '', limits.id),
    threadId: cleanLine(conversationId, limits.id),
    from,
    to: open.recipients.filter((r) => r.role === 'to').map((r) => cleanEmail(r.email)).filter(Boolean),
    cc: open.recipients.filter((r) => r.role === 'cc').map((r) => cleanEmail(r.email)).filter(Boolean),
    direction: from && from === self.email ? 'outbound' : 'inbound',
    snippet: open.body ? cleanLine(textWithLines(open.body, { maxChars: 2000, stopAt: isQuoteStart }), limits.snippet) : '',
  };
  return { email, candidates, self: self.email };
}

function readingPane(doc: Document): Element | null {
  return doc.querySelector('#ReadingPaneContainerId') ??
    doc.querySelector('#ConversationReadingPaneContainer, #ItemReadingPaneContainer') ??
    doc.querySelector('[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"], [data-app-section="ItemContainer"]') ??
    [...doc.querySelectorAll('main')].find((main) => main.querySelector(`${bodySelector}, ${dateSelector}`)) ??
    null;
}

/** One element per message: the largest ancestor of its date (or body) that holds no other message. */
function messageRoots(pane: Element): Element[] {
  let anchors = [...pane.querySelectorAll(dateSelector)];
  let selector = dateSelector;
  if (anchors.length === 0) {
    anchors = [...pane.querySelectorAll(bodySelector)];
    selector = bodySelector;
  }
  return anchors.slice(0, 300).map((anchor) => {
    let root = anchor;
    while (root.parentElement && root.parentElement !== pane && root.parentElement.querySelectorAll(selector).length === 1) {
      root = root.parentElement;
    }
    return root;
  });
}

interface OutlookMessage {
  sender: Participant | null;
  recipients: Participant[];
  dateText: string;
  sentAt: string;
  body: Element | null;
}

interface OutlookSelf {
  email: string;
  name: string;
}

function readMessage(root: Element, self: OutlookSelf, dayFirst: boolean): OutlookMessage {
  const body = root.querySelector(bodySelector);
  const inHeader = (element: Element) => !element.closest(recipientWellSelector) && !(body && body.contains(element));
  const senderElement = [...root.querySelectorAll(personSelector)].find(inHeader);
  const senderText = senderElement ? personText(senderElement) : firstAddressIn(textWithLines(root, { maxChars: 4000, skip: (e) => e === body }));
  const sender = senderText ? toParticipant(senderText, 'sender', true, self) : null;

  const recipients: Participant[] = [];
  for (const well of root.querySelectorAll(recipientWellSelector)) {
    const role = isCcWell(well) ? 'cc' : 'to';
    const people = well.querySelectorAll(personSelector);
    const texts = people.length ? [...people].map(personText) : inlineText(well).replace(/^[^:]{1,12}:\s*/, '').split(/[;,]\s*/);
    for (const text of texts.slice(0, 200)) {
      const participant = toParticipant(text, role, false, self);
      if (participant) recipients.push(participant);
    }
  }
  const dateElement = root.querySelector(dateSelector);
  const dateText = dateElement?.getAttribute('title') || inlineText(dateElement, 200);
  return { sender, recipients, dateText, sentAt: parseWebmailDate(dateText, { dayFirst }).iso, body };
}

/** "Name <address>", an address, or a name alone (the signed-in user is shown by name only). */
function personText(element: Element): string {
  const text = inlineText(element, 600);
  if (text) return text;
  // aria-label "Opens card for Ann" is localized: keep what follows the last "for"/"für"-like word.
  return (element.getAttribute('aria-label') ?? '').replace(/^.*\s(?:for|für|pour|para|per|voor)\s+/i, '');
}

function toParticipant(text: string, role: Participant['role'], fromSenderLine: boolean, self: OutlookSelf): Participant | null {
  const bracketed = /^(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>/.exec(text);
  const bare = firstAddressIn(text);
  let email = bracketed?.[2] ?? bare;
  let name = bracketed ? bracketed[1] : bare ? text.replace(bare, '') : text;
  name = name.replace(/^["'\s]+|["'\s;,]+$/g, '');
  if (!email && self.email && self.name && name.toLowerCase() === self.name.toLowerCase()) email = self.email;
  if (!email) return null;
  return { email, name, role, fromSenderLine: fromSenderLine || Boolean(bracketed) };
}

function firstAddressIn(text: string): string {
  return /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[a-z]{2,}/i.exec(text)?.[0] ?? '';
}

function isCcWell(well: Element): boolean {
  const label = `${well.getAttribute('aria-label') ?? ''} ${inlineText(well, 40)} ${inlineText(well.previousElementSibling, 40)}`;
  return /(?:^|\s)(?:b?cc|kopie|copie|copia|cópia)\b/i.test(label.trim());
}

function readSubject(pane: Element): string {
  const headings = [...pane.querySelectorAll('[role="heading"]')];
  const subject = headings.find((h) => !h.closest(dateSelector) && !h.querySelector(personSelector) && !h.closest(recipientWellSelector));
  return inlineText(subject ?? headings[0], 2000);
}

function readConversationId(doc: Document, url: string): string {
  const selected = doc.querySelector('[role="option"][aria-selected="true"][data-convid]')?.getAttribute('data-convid');
  if (selected) return selected;
  const fromPath = /\/(?:id|readconv|read)\/([^/?#]+)/.exec(pathOf(url))?.[1];
  return fromPath ? safeDecode(fromPath) : '';
}

const isQuoteStart = (element: Element) => element.matches(quoteStartSelector);

/** `#x_Signature`/`#Signature` when the sender's client marked it, else the body up to the quoted reply. */
function signatureText(body: Element): string {
  const marked = body.querySelector('#x_Signature, #Signature');
  const quoteStart = body.querySelector(quoteStartSelector);
  const markedIsOwn = marked && !(quoteStart && quoteStart.compareDocumentPosition(marked) & 4);
  if (marked && markedIsOwn) return textWithLines(marked, { maxChars: 20_000 });
  return textWithLines(body, { stopAt: isQuoteStart, skip: (e) => e.tagName === 'BLOCKQUOTE' });
}

/** The signed-in user, from the account manager (it may render only once opened). */
export function readOutlookSelf(doc: Document): OutlookSelf {
  return {
    email: cleanEmail(firstAddressIn(inlineText(doc.querySelector('#mectrl_currentAccount_secondary'), 400))),
    name: cleanLine(inlineText(doc.querySelector('#mectrl_currentAccount_primary'), 400), limits.name),
  };
}

