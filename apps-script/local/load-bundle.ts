import vm from 'node:vm';
import type { ExecutionKind, Realm } from './fake-context.ts';
import type { FakeGoogle } from './fake-google.ts';

/**
 * Runs a built Apps Script bundle (an esbuild IIFE plus top-level `function doPost(){…}`
 * forwarders) unchanged in a `node:vm` context whose globals are the fake Google services.
 * Only the language's own globals (JSON, Math, Date…) and `console` exist besides them — no
 * `setTimeout`, `fetch` or `URL`, as in Apps Script. `new Date()` reads the fake clock.
 */
export interface LoadedBundle {
  /** Runs a global function as Google would: doGet/doPost as web-app requests, trigger handlers as triggers, else from the editor. */
  call(name: string, ...args: unknown[]): unknown;
  /** Runs a global function as a given kind of execution (e.g. 'editor' for a menu item). */
  callAs(kind: ExecutionKind, name: string, ...args: unknown[]): unknown;
  /** the bundle's top-level function declarations */
  functions: string[];
}

export interface LoadBundleOptions {
  /** shown in stack traces */
  filename?: string;
  console?: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

const WEB_APP_FUNCTIONS = new Set(['doGet', 'doPost']);

export function loadBundle(code: string, google: FakeGoogle, options: LoadBundleOptions = {}): LoadedBundle {
  const context = vm.createContext({ console: options.console ?? console }, { name: 'Apps Script' });
  const realm = vm.runInContext('({ Array, Object, Date, Error })', context) as Realm;
  const clock = () => google.context.now().getTime();
  (vm.runInContext(CLOCK_DATE, context) as (now: () => number) => void)(clock);
  google.context.realm = realm;
  for (const [name, service] of Object.entries(google.globals)) context[name] = service;

  const before = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]);
  new vm.Script(code, { filename: options.filename ?? 'Code.js' }).runInContext(context);
  const after = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[];
  const functions = after.filter((name) => !before.has(name) && typeof context[name] === 'function');

  const callAs = (kind: ExecutionKind, name: string, ...args: unknown[]) => {
    const fn: unknown = context[name];
    if (typeof fn !== 'function') throw new Error(`The bundle has no global function "${name}" (it has: ${functions.join(', ')})`);
    return google.execute(kind, () => (fn as (...a: unknown[]) => unknown)(...google.context.out(args)));
  };
  const kindOf = (name: string): ExecutionKind => {
    if (WEB_APP_FUNCTIONS.has(name)) return 'webapp';
    if (google.triggers.some((trigger) => trigger.eventType === 'CLOCK' && trigger.handlerFunction === name)) return 'trigger';
    return 'editor';
  };
  return { call: (name, ...args) => callAs(kindOf(name), name, ...args), callAs, functions };
}

/** Replaces the realm's Date so that `new Date()` and `Date.now()` follow the fake clock. */
const CLOCK_DATE = `(function (now) {
  const RealDate = Date;
  function ClockDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => now();
  ClockDate.UTC = RealDate.UTC;
  ClockDate.parse = RealDate.parse;
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
})`;
