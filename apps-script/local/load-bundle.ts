import vm from 'node:vm';
import { instantOf, zonedTime, zoneWallClock } from '../../shared/calendar.ts';
import type { ExecutionKind, Realm } from './fake-context.ts';
import type { FakeGoogle } from './fake-google.ts';
import type { TriggerJson } from './fake-script-app.ts';

/**
 * Runs a built Apps Script bundle (an esbuild IIFE plus top-level `function doPost(){…}`
 * forwarders) unchanged in a `node:vm` context whose globals are the fake Google services.
 * Only the language's own globals (JSON, Math, Date…) and `console` exist besides them — no
 * `setTimeout`, `fetch` or `URL`, as in Apps Script. `new Date()` reads the fake clock, and Date's
 * local-time methods run in the script's time zone (appsscript.json), whatever the host's zone is.
 */
export interface LoadedBundle {
  /** Runs a global function as Google would: doGet/doPost as web-app requests, trigger handlers as triggers, else from the editor. */
  call(name: string, ...args: unknown[]): unknown;
  /** Runs a global function as a given kind of execution (e.g. 'editor' for a menu item). */
  callAs(kind: ExecutionKind, name: string, ...args: unknown[]): unknown;
  /** the bundle's top-level function declarations */
  functions: string[];
  /**
   * Fires the time-driven triggers due at the fake clock's time, as Google would in that hour
   * (each at most once per hour, a daily one in the hour it was set for, in its time zone), and
   * says how each run went. A failed run does not stop the others; Google mails its owner instead.
   */
  fireTimeTriggers(): TriggerRun[];
  /** A person clicks an item of a menu the bundle added: its function runs as from the editor; a name the bundle lacks fails as on Google. */
  clickMenu(menuCaption: string, itemCaption: string): unknown;
}

export interface TriggerRun {
  handler: string;
  ok: boolean;
  error?: string;
}

export interface LoadBundleOptions {
  /** shown in stack traces */
  filename?: string;
  console?: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

const WEB_APP_FUNCTIONS = new Set(['doGet', 'doPost']);
const LOCAL_BUILT_INS =
  'const { Math, JSON, Object, Array, String, Number, Boolean, Date, Map, Set, WeakMap, Error, TypeError, RangeError, RegExp, Symbol, Reflect, Intl, parseInt, parseFloat, isNaN, isFinite } = globalThis;';

export function loadBundle(code: string, google: FakeGoogle, options: LoadBundleOptions = {}): LoadedBundle {
  const context = vm.createContext({ console: options.console ?? console }, { name: 'Apps Script' });
  const realm = vm.runInContext('({ Array, Object, Date, Error })', context) as Realm;
  const clock = () => google.context.now().getTime();
  (vm.runInContext(CLOCK_DATE, context) as (now: () => number, zone: ScriptZone) => void)(clock, scriptZone(google.context.timeZone));
  google.context.realm = realm;
  for (const [name, service] of Object.entries(google.globals)) context[name] = service;

  const before = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context) as string[]);
  // Built-ins bound as the script's own constants: in node:vm every global lookup goes through the
  // context's interceptors, a cost Apps Script's V8 does not have. Same line, so line numbers hold.
  new vm.Script(LOCAL_BUILT_INS + code, { filename: options.filename ?? 'Code.js' }).runInContext(context);
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
  const fired = new Set<string>();
  const fireTimeTriggers = (): TriggerRun[] => {
    const now = google.context.now();
    const runs: TriggerRun[] = [];
    for (const trigger of [...google.triggers]) {
      if (trigger.eventType !== 'CLOCK' || !trigger.schedule) continue;
      const slot = dueSlot(trigger.schedule, now, google.context.timeZone);
      if (slot === null || fired.has(`${trigger.id}@${slot}`)) continue;
      fired.add(`${trigger.id}@${slot}`);
      const zone = trigger.schedule.inTimezone ?? google.context.timeZone;
      const wall = zoneWallClock(zone)(now);
      const event = { authMode: 'FULL', triggerUid: trigger.id, year: wall.year, month: wall.month, 'day-of-month': wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, timezone: zone };
      if (typeof context[trigger.handlerFunction] !== 'function') {
        runs.push({ handler: trigger.handlerFunction, ok: false, error: `Script function not found: ${trigger.handlerFunction}` });
        continue;
      }
      try {
        callAs('trigger', trigger.handlerFunction, event);
        runs.push({ handler: trigger.handlerFunction, ok: true });
      } catch (error) {
        runs.push({ handler: trigger.handlerFunction, ok: false, error: error instanceof Object && 'message' in error ? String(error.message) : String(error) });
      }
    }
    return runs;
  };
  const clickMenu = (menuCaption: string, itemCaption: string) => {
    const menu = google.menus.find((m) => m.caption === menuCaption);
    const item = menu?.items.find((entry) => 'caption' in entry && entry.caption === itemCaption);
    if (!item || !('functionName' in item)) throw new Error(`There is no menu item "${menuCaption} → ${itemCaption}" (menus: ${google.menus.map((m) => m.caption).join(', ') || 'none'}).`);
    if (typeof context[item.functionName] !== 'function') return google.context.fail(`Script function not found: ${item.functionName}`);
    return callAs('editor', item.functionName);
  };
  return { call: (name, ...args) => callAs(kindOf(name), name, ...args), callAs, functions, fireTimeTriggers, clickMenu };
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** The slot (an hour, or a minute) in which a schedule runs at `now`, or null when it does not run then. */
function dueSlot(schedule: NonNullable<TriggerJson['schedule']>, now: Date, scriptZone: string): string | null {
  if (schedule.at) return Date.parse(schedule.at) <= now.getTime() ? 'once' : null;
  const wall = zoneWallClock(schedule.inTimezone ?? scriptZone)(now);
  const hour = `${wall.year}-${wall.month}-${wall.day}T${wall.hour}`;
  if (schedule.everyMinutes) return `${hour}:${Math.floor(wall.minute / schedule.everyMinutes)}`;
  if (schedule.everyHours) return wall.hour % schedule.everyHours === 0 ? hour : null;
  const dayNumber = Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / 86_400_000);
  const atHour = schedule.atHour ?? 0;
  if (wall.hour !== atHour) return null;
  if (schedule.everyDays) return dayNumber % schedule.everyDays === 0 || schedule.everyDays === 1 ? hour : null;
  if (schedule.everyWeeks) return WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()] === (schedule.onWeekDay ?? 'MONDAY') ? hour : null;
  return null;
}

interface ScriptZone {
  name: string;
  /** [year, month (0-based), day, hours, minutes, seconds, ms, weekday, offset in minutes] */
  wall(ms: number): number[];
  /** the instant whose wall time in the zone is this (fields may overflow, as Date's do) */
  instant(...fields: number[]): number;
}

function scriptZone(name: string): ScriptZone {
  const clock = zoneWallClock(name);
  return {
    name,
    wall(ms) {
      const t = zonedTime(new Date(ms), clock);
      return [t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond, t.weekday, t.offsetMinutes];
    },
    instant(year, month, day, hour, minute, second, ms) {
      const n = new Date(Date.UTC(year!, month!, day!, hour!, minute!, second!, ms!));
      if (year! >= 0 && year! <= 99) n.setUTCFullYear(year!);
      if (Number.isNaN(n.getTime())) return NaN;
      const wall = { year: n.getUTCFullYear(), month: n.getUTCMonth() + 1, day: n.getUTCDate(), hour: n.getUTCHours(), minute: n.getUTCMinutes(), second: n.getUTCSeconds(), millisecond: n.getUTCMilliseconds() };
      return instantOf(wall, clock).getTime();
    },
  };
}

/**
 * Replaces the realm's Date so that `new Date()` and `Date.now()` follow the fake clock, and makes
 * the local-time methods (getHours, setDate, new Date(y, m, d), toString, parsing of zone-less
 * text…) use the script's time zone, as Apps Script's V8 does.
 */
const CLOCK_DATE = `(function (now, zone) {
  const RealDate = Date;
  const proto = RealDate.prototype;
  const native = {};
  for (const name of ['getTime', 'setTime', 'getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) native[name] = proto[name];
  const time = (d) => native.getTime.call(d);
  const wall = (d) => zone.wall(time(d));
  const hasZone = (s) => /(?:Z|[+-]\\d{2}:?\\d{2}|\\bGMT\\b|\\bUTC\\b)\\s*$/i.test(s) || /^\\d{4}(-\\d{2}(-\\d{2})?)?$/.test(s);
  const ISO_UTC = /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z$/;
  function parse(text) {
    const s = String(text).trim();
    if (ISO_UTC.test(s)) return RealDate.parse(s); // the common case, read as V8 reads it
    const t = RealDate.parse(s);
    if (Number.isNaN(t) || hasZone(s)) return t;
    const d = new RealDate(t);
    return zone.instant(native.getFullYear.call(d), native.getMonth.call(d), native.getDate.call(d), native.getHours.call(d), native.getMinutes.call(d), native.getSeconds.call(d), native.getMilliseconds.call(d));
  }
  function ClockDate(...args) {
    if (!new.target) return new ClockDate(now()).toString();
    let ms;
    if (args.length === 0) ms = now();
    else if (args.length === 1) {
      const a = args[0];
      ms = typeof a === 'string' ? parse(a) : a instanceof RealDate ? time(a) : Number(a);
    } else {
      const f = args.map(Number);
      const year = f[0] >= 0 && f[0] <= 99 ? 1900 + f[0] : f[0];
      ms = zone.instant(year, f[1] ?? 0, f[2] ?? 1, f[3] ?? 0, f[4] ?? 0, f[5] ?? 0, f[6] ?? 0);
    }
    return Reflect.construct(RealDate, [ms], new.target);
  }
  ClockDate.prototype = proto;
  Object.defineProperty(proto, 'constructor', { value: ClockDate, writable: true, configurable: true, enumerable: false });
  ClockDate.now = () => now();
  ClockDate.UTC = RealDate.UTC;
  ClockDate.parse = parse;
  const getter = (i) => function () { return Number.isNaN(time(this)) ? NaN : wall(this)[i]; };
  const names = ['getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds', 'getDay'];
  names.forEach((name, i) => { proto[name] = getter(i); });
  proto.getYear = function () { return this.getFullYear() - 1900; };
  proto.getTimezoneOffset = function () { return Number.isNaN(time(this)) ? NaN : -wall(this)[8]; };
  const setter = (from, count) => function (...values) {
    if (Number.isNaN(time(this))) return NaN;
    const f = wall(this).slice(0, 7);
    for (let i = 0; i < Math.min(count, values.length); i++) f[from + i] = Number(values[i]);
    const ms = zone.instant(...f);
    native.setTime.call(this, ms);
    return ms;
  };
  proto.setFullYear = setter(0, 3);
  proto.setMonth = setter(1, 2);
  proto.setDate = setter(2, 1);
  proto.setHours = setter(3, 4);
  proto.setMinutes = setter(4, 3);
  proto.setSeconds = setter(5, 2);
  proto.setMilliseconds = setter(6, 1);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const offset = (minutes) => (minutes < 0 ? '-' : '+') + pad(Math.floor(Math.abs(minutes) / 60)) + pad(Math.abs(minutes) % 60);
  proto.toDateString = function () {
    if (Number.isNaN(time(this))) return 'Invalid Date';
    const f = wall(this);
    return DAYS[f[7]] + ' ' + MONTHS[f[1]] + ' ' + pad(f[2]) + ' ' + pad(f[0], 4);
  };
  proto.toTimeString = function () {
    if (Number.isNaN(time(this))) return 'Invalid Date';
    const f = wall(this);
    return pad(f[3]) + ':' + pad(f[4]) + ':' + pad(f[5]) + ' GMT' + offset(f[8]) + ' (' + zone.name + ')';
  };
  proto.toString = function () {
    return Number.isNaN(time(this)) ? 'Invalid Date' : this.toDateString() + ' ' + this.toTimeString();
  };
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    proto[name] = function (locales, options) { return native[name].call(this, locales, { timeZone: zone.name, ...options }); };
  }
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
})`;
