import { randomUUID } from 'node:crypto';
import { countCalls, type FakeContext } from './fake-context.ts';

/**
 * ScriptApp: triggers are recorded in `triggers` (and saved with the workbook), never fired by
 * the clock; tests and the local server run their handlers by name. Google's checks are kept:
 * at most 20 triggers, everyHours ∈ {1,2,4,6,8,12}, everyMinutes ∈ {1,5,10,15,30}.
 */
const CTX = Symbol('context');

export const EVENT_TYPE = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' } as const;
export const TRIGGER_SOURCE = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const WEEK_DAY = { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' } as const;

export const MAX_TRIGGERS = 20;

export interface TriggerSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  inTimezone?: string;
  at?: string;
}

export interface TriggerJson {
  id: string;
  handlerFunction: string;
  eventType: keyof typeof EVENT_TYPE;
  source: 'CLOCK' | 'SPREADSHEETS';
  schedule?: TriggerSchedule;
}

export interface ScriptAppOptions {
  scriptId: string;
  serviceUrl: string;
}

export class FakeScriptApp {
  readonly [CTX]: FakeContext;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly AuthMode = AUTH_MODE;
  readonly WeekDay = WEEK_DAY;
  readonly #triggers: TriggerJson[];
  readonly #options: ScriptAppOptions;

  constructor(context: FakeContext, triggers: TriggerJson[], options: ScriptAppOptions) {
    this[CTX] = context;
    this.#triggers = triggers;
    this.#options = options;
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    return new FakeTriggerBuilder(this[CTX], this.#triggers, String(functionName));
  }

  getProjectTriggers(): FakeTrigger[] {
    return this[CTX].out(this.#triggers.map((trigger) => new FakeTrigger(this[CTX], trigger)));
  }

  deleteTrigger(trigger: FakeTrigger): void {
    const at = this.#triggers.findIndex((stored) => stored.id === trigger.getUniqueId());
    if (at >= 0) {
      this.#triggers.splice(at, 1);
      this[CTX].changed();
    }
  }

  /** The deployed web app; the local server's /exec URL when it runs. */
  getService(): { getUrl(): string; isEnabled(): boolean } {
    const url = this.#options.serviceUrl;
    return this[CTX].out({ getUrl: () => url, isEnabled: () => url !== '' });
  }
}

export class FakeTriggerBuilder {
  readonly [CTX]: FakeContext;
  readonly #triggers: TriggerJson[];
  readonly #handler: string;

  constructor(context: FakeContext, triggers: TriggerJson[], handler: string) {
    this[CTX] = context;
    this.#triggers = triggers;
    this.#handler = handler;
  }

  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this[CTX], this.#triggers, this.#handler);
  }
}

function addTrigger(context: FakeContext, triggers: TriggerJson[], trigger: Omit<TriggerJson, 'id'>): FakeTrigger {
  if (triggers.length >= MAX_TRIGGERS) context.fail('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  const stored: TriggerJson = { id: randomUUID(), ...trigger };
  triggers.push(stored);
  context.changed();
  return new FakeTrigger(context, stored);
}

export class FakeClockTriggerBuilder {
  readonly [CTX]: FakeContext;
  readonly #triggers: TriggerJson[];
  readonly #handler: string;
  readonly #schedule: TriggerSchedule = {};

  constructor(context: FakeContext, triggers: TriggerJson[], handler: string) {
    this[CTX] = context;
    this.#triggers = triggers;
    this.#handler = handler;
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) this[CTX].fail('The value passed to everyHours() must be one of 1, 2, 4, 6, 8 or 12.');
    this.#schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) this[CTX].fail('The value passed to everyDays() must be a positive whole number.');
    this.#schedule.everyDays = n;
    return this;
  }

  atHour(hour: number): FakeClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) this[CTX].fail('The hour passed to atHour() must be between 0 and 23.');
    this.#schedule.atHour = hour;
    return this;
  }

  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this.#schedule.inTimezone = String(timezone);
    return this;
  }

  at(date: Date): FakeClockTriggerBuilder {
    this.#schedule.at = new Date(date.getTime()).toISOString();
    return this;
  }

  create(): FakeTrigger {
    const s = this.#schedule;
    const repeats = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter((n) => n !== undefined).length;
    if (repeats + (s.at ? 1 : 0) !== 1) this[CTX].fail('A time-based trigger needs exactly one of everyMinutes, everyHours, everyDays, everyWeeks, at or after.');
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.everyDays === undefined && s.everyWeeks === undefined) {
      this[CTX].fail('atHour() and nearMinute() can only be used with everyDays() or everyWeeks().');
    }
    return addTrigger(this[CTX], this.#triggers, { handlerFunction: this.#handler, eventType: 'CLOCK', source: 'CLOCK', schedule: { ...s } });
  }
}

export class FakeTrigger {
  readonly [CTX]: FakeContext;
  readonly #trigger: TriggerJson;

  constructor(context: FakeContext, trigger: TriggerJson) {
    this[CTX] = context;
    this.#trigger = trigger;
  }

  getHandlerFunction(): string {
    return this.#trigger.handlerFunction;
  }

  getUniqueId(): string {
    return this.#trigger.id;
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeScriptApp, 'ScriptApp', contextOf);
countCalls(FakeTriggerBuilder, 'TriggerBuilder', contextOf);
countCalls(FakeClockTriggerBuilder, 'ClockTriggerBuilder', contextOf);
countCalls(FakeTrigger, 'Trigger', contextOf);
