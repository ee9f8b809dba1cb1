import { countCalls, type FakeContext } from './fake-context.ts';

/**
 * LockService. One holder per lock: the execution that took it, or "another process" a test
 * simulates with `hold(kind, forMs)`. As on Google, `tryLock(timeout)` and `waitLock(timeout)`
 * wait up to their timeout for the other holder to let go — here in simulated time, which counts
 * against the execution's time limit — then answer false or throw Google's timeout. The locks an
 * execution still holds are released when it ends.
 */
const CTX = Symbol('context');

export type LockKind = 'script' | 'document' | 'user';
const ANOTHER_PROCESS = -1;

export class LockTable {
  readonly #holders = new Map<LockKind, number>();
  /** when another process lets go of a lock it holds (ms of waiting from now), Infinity for never */
  readonly #releaseAfter = new Map<LockKind, number>();

  constructor(context: FakeContext) {
    context.endOfExecution.push((executionId) => {
      for (const [kind, holder] of this.#holders) if (holder === executionId) this.#holders.delete(kind);
    });
  }

  /** Simulates another execution holding the lock for `forMs` of waiting, or until `release(kind)`. */
  hold(kind: LockKind, forMs = Infinity): void {
    this.#holders.set(kind, ANOTHER_PROCESS);
    this.#releaseAfter.set(kind, forMs);
  }

  release(kind: LockKind): void {
    this.#holders.delete(kind);
    this.#releaseAfter.delete(kind);
  }

  /** @internal how long a waiter waits for another process's hold, if it lets go in time */
  waitFor(kind: LockKind, executionId: number): number {
    const holder = this.#holders.get(kind);
    if (holder === undefined || holder === executionId) return 0;
    return holder === ANOTHER_PROCESS ? (this.#releaseAfter.get(kind) ?? Infinity) : Infinity;
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

  tryLock(timeoutInMillis: number): boolean {
    this.#acquired = this.#acquire(timeoutInMillis);
    return this.#acquired;
  }

  waitLock(timeoutInMillis: number): void {
    this.#acquired = this.#acquire(timeoutInMillis);
    if (!this.#acquired) this[CTX].fail('Lock timeout: another process was holding the lock for too long.');
  }

  #acquire(timeoutInMillis: number): boolean {
    const context = this[CTX];
    const wait = this.#table.waitFor(this.#kind, context.execution.id);
    if (wait > Math.max(0, timeoutInMillis)) {
      context.wait(Math.max(0, timeoutInMillis));
      return false;
    }
    if (wait > 0) {
      context.wait(wait);
      this.#table.release(this.#kind);
    }
    return this.#table.take(this.#kind, context.execution.id);
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
