import { countCalls, type FakeContext } from './fake-context.ts';

/** ContentService (what doGet/doPost return) and a minimal HtmlService. */
const CTX = Symbol('context');

export const MIME_TYPE = {
  ATOM: 'ATOM',
  CSV: 'CSV',
  ICAL: 'ICAL',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  RSS: 'RSS',
  TEXT: 'TEXT',
  VCARD: 'VCARD',
  XML: 'XML',
} as const;
export type MimeType = keyof typeof MIME_TYPE;

/** The Content-Type Google serves for each ContentService.MimeType. */
export const CONTENT_TYPES: Record<MimeType, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class FakeContentService {
  readonly [CTX]: FakeContext;
  readonly MimeType = MIME_TYPE;

  constructor(context: FakeContext) {
    this[CTX] = context;
  }

  createTextOutput(content?: string): FakeTextOutput {
    const output = new FakeTextOutput(this[CTX]);
    if (content !== undefined) output.setContent(content);
    return output;
  }
}

export class FakeTextOutput {
  readonly [CTX]: FakeContext;
  #content = '';
  #mimeType: MimeType = 'TEXT';
  #fileName: string | null = null;

  constructor(context: FakeContext) {
    this[CTX] = context;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): FakeTextOutput {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): FakeTextOutput {
    this.#content += String(addedContent);
    return this;
  }

  clear(): FakeTextOutput {
    this.#content = '';
    return this;
  }

  getMimeType(): MimeType {
    return this.#mimeType;
  }

  setMimeType(mimeType: MimeType): FakeTextOutput {
    if (!(String(mimeType) in MIME_TYPE)) this[CTX].fail(`Invalid argument: mimeType`);
    this.#mimeType = mimeType;
    return this;
  }
}

export class FakeHtmlService {
  readonly [CTX]: FakeContext;

  constructor(context: FakeContext) {
    this[CTX] = context;
  }

  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(this[CTX], String(html));
  }
}

export class FakeHtmlOutput {
  readonly [CTX]: FakeContext;
  #content: string;
  #title = '';
  #width = 0;
  #height = 0;

  constructor(context: FakeContext, content: string) {
    this[CTX] = context;
    this.#content = content;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.#content = String(content);
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.#content += String(addedContent);
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.#title = String(title);
    return this;
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeContentService, 'ContentService', contextOf);
countCalls(FakeTextOutput, 'TextOutput', contextOf);
countCalls(FakeHtmlService, 'HtmlService', contextOf);
countCalls(FakeHtmlOutput, 'HtmlOutput', contextOf);
