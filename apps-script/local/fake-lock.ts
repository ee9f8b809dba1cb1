import { countCalls, type FakeContext } from './fake-context.ts';

/**
 * LockService. One holder per lock: the execution that took it, or "another process" a test
 * simulates with `hold(kind)`. Nothing here waits: if another holder has the lock, `waitLock`
 * throws Google's timeout at once and `tryLock` answers false. Like Google, the locks an
 * execution still holds are released when it ends.
 */
const CTX = Symbol('context');

export type LockKind = 'script' | 'document' | 'user';
const ANOTHER_PROCESS = -1;

export class LockTable {
  readonly #holders = new Map<LockKind, number>();

  constructor(context: FakeContext) {
    context.endOfExecution.push((executionId) => {
      for (const [kind, holder] of this.#holders) if (holder === executionId) this.#holders.delete(kind);
    });
  }

  /** Simulates another execution holding the lock until `release(kind)`. */
  hold(kind: LockKind): void {
    this.#holders.set(kind, ANOTHER_PROCESS);
  }

  release(kind: LockKind): void {
    this.#holders.delete(kind);
  }

  holder(kind: LockKind): number | undefined {
    return this.#holders.get(kind);
  }

  /** @internal */
  take(kind: LockKind, executionId: number): boolean {
    const holder = this.#holders.get(kind);
    if (holder !== undefined && holder !== executionId) return false;
    this.#holders.set(kind, executionId);
    return true;
  }
}

export class FakeLockService {
  readonly [CTX]: FakeContext;
  readonly #table: LockTable;

  constructor(context: FakeContext, table: LockTable) {
    this[CTX] = context;
    this.#table = table;
  }

  getScriptLock(): FakeLock {
    return new FakeLock(this[CTX], this.#table, 'script');
  }

  getDocumentLock(): FakeLock {
    return new FakeLock(this[CTX], this.#table, 'document');
  }

  getUserLock(): FakeLock {
    return new FakeLock(this[CTX], this.#table, 'user');
  }
}

export class FakeLock {
  readonly [CTX]: FakeContext;
  readonly #table: LockTable;
  readonly #kind: LockKind;
  #acquired = false;

  constructor(context: FakeContext, table: LockTable, kind: LockKind) {
    this[CTX] = context;
    this.#table = table;
    this.#kind = kind;
  }

  tryLock(_timeoutInMillis: number): boolean {
    this.#acquired = this.#table.take(this.#kind, this[CTX].execution.id);
    return this.#acquired;
  }

  waitLock(_timeoutInMillis: number): void {
    this.#acquired = this.#table.take(this.#kind, this[CTX].execution.id);
    if (!this.#acquired) this[CTX].fail('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    if (this.#table.holder(this.#kind) === this[CTX].execution.id) this.#table.release(this.#kind);
    this.#acquired = false;
  }

  hasLock(): boolean {
    return this.#acquired && this.#table.holder(this.#kind) === this[CTX].execution.id;
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeLockService, 'LockService', contextOf);
countCalls(FakeLock, 'Lock', contextOf);
