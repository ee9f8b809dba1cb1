import type { Candidate, OpenEmail, PageCapture } from './candidate';
import { readGmailEmail, readGmailSender } from './gmail';

/** Every person or organisation found on the page. Pure: reads only `doc` and `url`. */
export function capturePage(doc: Document, url: string): Candidate[] {
  return readGmailSender(doc);
}

/** The open webmail message, or null when the page is not one. */
export function readOpenEmail(doc: Document, url: string): OpenEmail | null {
  return readGmailEmail(doc, url);
}

export function readPage(doc: Document, url: string): PageCapture {
  return { url, title: doc.title, candidates: capturePage(doc, url), email: readOpenEmail(doc, url), self: '' };
}
