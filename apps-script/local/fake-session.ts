import { randomUUID } from 'node:crypto';
import { countCalls, type FakeContext } from './fake-context.ts';

/**
 * Session. A web app deployed to run as its owner for anyone does not learn who the
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
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeSession, 'Session', contextOf);
