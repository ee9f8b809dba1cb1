/**
 * Expected failures of a request, as codes: the page words them in the reader's language. `detail`
 * carries what only the cause can say (the browser's reason a page could not be read).
 */
export type ProblemCode =
  /** the request did not match its schema */
  | 'not_understood'
  /** the browser would not let Rapport read the tab (a browser page, the web store) */
  | 'unreadable_page'
  /** the page answered with nothing Rapport could read */
  | 'nothing_readable'
  /** the record was deleted meanwhile (by a teammate, or in the sheet) */
  | 'record_gone'
  /** the address is on the member's never-log list (options) */
  | 'never_logged'
  /** anything unexpected: a bug, told rather than swallowed */
  | 'failed';

export interface Problem {
  code: ProblemCode;
  detail?: string;
}

/** A handler's expected failure: the message table turns it into the answer's `ok: false`. */
export class Failure {
  constructor(readonly problem: Problem) {}
}

export const fail = (code: ProblemCode, detail?: string) => new Failure({ code, ...(detail ? { detail } : {}) });

/** Every answer is wrapped, so a failure reaches the page as a problem to show, not silence. */
export type Answer<T> = { ok: true; value: T } | { ok: false; problem: Problem };
