import { randomUUID } from 'node:crypto';
import { countCalls, type FakeContext } from './fake-context.ts';

/**
 * Session and Logger. A web app deployed to run as its owner for anyone does not learn who the
 * visitor is, so during `doGet`/`doPost` the active user's email is '' (the effective user is
 * still the owner), as with Google.
 */
const CTX = Symbol('context');

export class FakeUser {
  readonly #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }
}

export class FakeSession {
  readonly [CTX]: FakeContext;
  readonly #userKey = randomUUID();

  constructor(context: FakeContext) {
    this[CTX] = context;
  }

  getActiveUser(): FakeUser {
    return new FakeUser(this[CTX].execution.kind === 'webapp' ? '' : this[CTX].user);
  }

  getEffectiveUser(): FakeUser {
    return new FakeUser(this[CTX].user);
  }

  getScriptTimeZone(): string {
    return this[CTX].timeZone;
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    return this.#userKey;
  }
}

export class FakeLogger {
  readonly [CTX]: FakeContext;
  readonly #lines: string[];

  constructor(context: FakeContext, lines: string[]) {
    this[CTX] = context;
    this.#lines = lines;
  }

  /** log(data) or log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    let text = typeof data === 'string' ? data : stringify(data);
    for (const value of values) text = text.replace(/%s|%d/, stringify(value));
    this.#lines.push(text);
    return this;
  }

  getLog(): string {
    return this.#lines.join('\n');
  }

  clear(): void {
    this.#lines.length = 0;
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeSession, 'Session', contextOf);
countCalls(FakeLogger, 'Logger', contextOf);
