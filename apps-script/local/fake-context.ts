import { types } from 'node:util';
import { zoneWallClock, type WallClock } from '../../shared/calendar.ts';
import type { Typing } from './cell-text.ts';

/**
 * State every fake service shares: the call counter, the change counter, the clock, the running
 * execution (who holds which lock, whether a UI exists) and the JavaScript realm of the bundle.
 *
 * The bundle runs in its own `node:vm` realm, whose `Date`, `Array` and `Error` differ from ours:
 * `value instanceof Date` in the bundle would be false for a Date we made. So every array, plain
 * object, Date and Error handed to the bundle is rebuilt in its realm (`out`, `fail`), the way
 * Google's values are native to the script's V8.
 */
export interface Realm {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** Where the running code was started from; decides e.g. whether `getUi()` works. */
export type ExecutionKind = 'editor' | 'webapp' | 'trigger';

export interface CallCounts {
  /** calls per "Class.method", e.g. `byMethod['Range.setValues']` */
  byMethod: Record<string, number>;
  total: number;
  /** cells the script read (getValues and the like) and wrote (values, not formats) */
  cellsRead: number;
  cellsWritten: number;
}

/** The classes whose calls go to the spreadsheet — what the benchmark reports. */
export const SPREADSHEET_CLASSES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Sheets', 'Group', 'EmbeddedChart'] as const;

/** Google stops a script execution after 6 minutes (30 for some Workspace accounts; 6 is the rule to plan for). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

const hostRealm: Realm = { Array, Object, Date, Error };

export class FakeContext {
  readonly calls: CallCounts = { byMethod: {}, total: 0, cellsRead: 0, cellsWritten: 0 };
  /** milliseconds spent inside the fake services since the last reset (the emulator's own cost) */
  serviceMs = 0;
  inService = false;
  mutations = 0;
  realm: Realm = hostRealm;
  execution: { kind: ExecutionKind; id: number; startedAt: number; waitedMs: number } = { kind: 'editor', id: 0, startedAt: 0, waitedMs: 0 };
  /** how long an execution may run (real time spent plus simulated waits) before Google stops it */
  executionLimitMs = EXECUTION_LIMIT_MS;
  /** the spreadsheet's clock: dates in cells are days and times in the spreadsheet's zone */
  readonly sheetClock: WallClock;
  readonly typing: Typing;
  /** run before a counted call: what a person (or another process) does between two of the script's calls */
  readonly beforeCall: Array<{ method: string; action: () => void; calls: number }> = [];
  #counting = true;
  #nextExecutionId = 1;

  constructor(
    readonly now: () => Date,
    readonly user: string,
    /** the script's time zone (appsscript.json): JavaScript's Date runs in it */
    readonly timeZone: string,
    /** File → Settings → Time zone of the spreadsheet */
    readonly spreadsheetTimeZone: string,
  ) {
    this.sheetClock = zoneWallClock(spreadsheetTimeZone);
    this.typing = { clock: this.sheetClock, now };
  }

  count(method: string): void {
    if (!this.#counting) return;
    this.calls.byMethod[method] = (this.calls.byMethod[method] ?? 0) + 1;
    this.calls.total++;
    for (const hook of this.beforeCall) if (hook.method === method) hook.calls--;
    for (const hook of this.beforeCall.filter((h) => h.calls === 0)) {
      this.beforeCall.splice(this.beforeCall.indexOf(hook), 1);
      this.uncounted(hook.action);
    }
    if (this.execution.startedAt > 0 && this.elapsedMs() > this.executionLimitMs) {
      this.execution.startedAt = 0;
      this.fail('Exceeded maximum execution time');
    }
  }

  /** Time this execution has taken: real time, plus the time it spent waiting for locks or sleeping. */
  elapsedMs(): number {
    return performance.now() - this.execution.startedAt + this.execution.waitedMs;
  }

  /** The execution waits (a lock, Utilities.sleep): counts against its time limit without taking real time. */
  wait(ms: number): void {
    this.execution.waitedMs += ms;
  }

  countCells(kind: 'read' | 'written', cells: number): void {
    if (!this.#counting) return;
    if (kind === 'read') this.calls.cellsRead += cells;
    else this.calls.cellsWritten += cells;
  }

  resetCalls(): void {
    for (const key of Object.keys(this.calls.byMethod)) delete this.calls.byMethod[key];
    this.calls.total = 0;
    this.calls.cellsRead = 0;
    this.calls.cellsWritten = 0;
    this.serviceMs = 0;
  }

  spreadsheetCalls(): number {
    let sum = 0;
    for (const [method, n] of Object.entries(this.calls.byMethod)) {
      if ((SPREADSHEET_CLASSES as readonly string[]).includes(method.slice(0, method.indexOf('.')))) sum += n;
    }
    return sum;
  }

  /** Runs `work` without counting calls: edits a person makes, or the harness's own set-up. */
  uncounted<T>(work: () => T): T {
    const before = this.#counting;
    this.#counting = false;
    try {
      return work();
    } finally {
      this.#counting = before;
    }
  }

  changed(): void {
    this.mutations++;
  }

  /** Starts a new script execution; `onEnd` hooks (lock release) run when it finishes. */
  beginExecution(kind: ExecutionKind): void {
    this.execution = { kind, id: this.#nextExecutionId++, startedAt: performance.now(), waitedMs: 0 };
  }

  readonly endOfExecution: Array<(executionId: number) => void> = [];

  /** Ends the running execution; `resume` is the one it interrupted (a trigger fired while a script ran). */
  endExecution(resume?: FakeContext['execution']): void {
    for (const hook of this.endOfExecution) hook(this.execution.id);
    this.execution = resume ?? { kind: 'editor', id: this.#nextExecutionId++, startedAt: 0, waitedMs: 0 };
  }

  /** An Apps Script exception, native to the bundle's realm: `e instanceof Error` holds there. */
  fail(message: string): never {
    const error = new this.realm.Error(message);
    error.name = 'Exception';
    throw error;
  }

  /** A copy of `value` whose arrays, plain objects and Dates belong to the bundle's realm. */
  out<T>(value: T): T {
    return toRealm(value, this.realm) as T;
  }
}

function toRealm(value: unknown, realm: Realm): unknown {
  if (Array.isArray(value)) {
    // A plain loop: getValues hands the bundle millions of cells on a big sheet.
    const copy = new realm.Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      copy[i] = item !== null && typeof item === 'object' ? toRealm(item, realm) : item;
    }
    return copy;
  }
  if (types.isDate(value)) return new realm.Date(value.getTime());
  if (isPlainObject(value)) {
    const copy = new realm.Object() as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) copy[key] = toRealm(item, realm);
    return copy;
  }
  return value;
}

/** A plain `{}` from any realm (class instances such as our fake services are left alone). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Wraps every public method of a fake class so each call is counted as "Name.method".
 * Private helpers are `#private` and therefore not on the prototype, so they are not counted.
 */
export function countCalls(cls: { prototype: object }, name: string, context: (self: object) => FakeContext): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const method = proto[key];
    if (key === 'constructor' || typeof method !== 'function') continue;
    const label = `${name}.${key}`;
    proto[key] = function (this: object, ...args: unknown[]) {
      const ctx = context(this);
      ctx.count(label);
      // Time spent inside the fake services (not nested calls twice): the emulator's share of a run.
      if (ctx.inService) return (method as (...a: unknown[]) => unknown).apply(this, args);
      ctx.inService = true;
      const started = performance.now();
      try {
        return (method as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        ctx.serviceMs += performance.now() - started;
        ctx.inService = false;
      }
    };
  }
}
