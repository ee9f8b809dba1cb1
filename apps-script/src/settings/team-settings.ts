/**
 * The team's settings beside the scoring ones in the Settings tab: reminders, currency,
 * keep-in-touch cadences, the data-protection review and the stages that move by themselves.
 * One row per setting (key, value, description); a value that cannot be used is reported next
 * to it and its default is used instead, so the runs never see junk.
 */

export interface TeamSettings {
  /** the hour (0–23) digests go out, unless a member chose another */
  reminderHour: number;
  /** the zone of that hour; '' is the spreadsheet's */
  reminderTimeZone: string;
  /** ISO 4217 code amounts are shown in */
  currency: string;
  /** the cadence of customers without one of their own (0: none) */
  keepInTouchDays: number;
  /** cadences by tag (lower case) */
  tagCadences: Map<string, number>;
  /** contacts without any interaction for this many months are due for a data-protection review */
  retentionMonths: number;
  /** lead → customer → loyal, at risk and back, moved by the nightly run */
  automaticStages: boolean;
  /** purchases that make a customer loyal */
  loyalAfterPurchases: number;
  /** the web app's /exec URL for links in emails; '' asks Apps Script for the deployment's */
  webAppUrl: string;
}

export type SettingValue = number | string | boolean;

interface TeamRule {
  key: string;
  defaultValue: SettingValue;
  description: string;
  /** the value to use, or why the cell cannot be used */
  read(cell: unknown): { ok: true; value: SettingValue } | { ok: false; problem: string };
}

const TAG_PREFIX = 'keepintouch.tag.';

const text = (cell: unknown) => (cell == null ? '' : String(cell).trim());

const wholeNumber = (min: number, max: number) => (cell: unknown) => {
  const value = typeof cell === 'number' ? cell : Number(text(cell).replace(',', '.'));
  return text(cell) !== '' && Number.isInteger(value) && value >= min && value <= max
    ? { ok: true as const, value }
    : { ok: false as const, problem: `must be a whole number from ${min} to ${max}` };
};

const yesNo = (cell: unknown) => {
  if (typeof cell === 'boolean') return { ok: true as const, value: cell };
  const word = text(cell).toLowerCase();
  if (['true', 'yes', 'ja', 'wahr', '1', 'on'].includes(word)) return { ok: true as const, value: true };
  if (['false', 'no', 'nein', 'falsch', '0', 'off'].includes(word)) return { ok: true as const, value: false };
  return { ok: false as const, problem: 'must be TRUE or FALSE' };
};

/** An IANA zone name Intl knows (Apps Script's V8 has the same time zone data). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return /^[A-Za-z]/.test(name);
  } catch {
    return false;
  }
}

export const teamRules: readonly TeamRule[] = [
  { key: 'reminders.hour', defaultValue: 8, description: 'Reminders: the hour (0-23) each owner gets the daily digest (a member can choose another in Team members)', read: wholeNumber(0, 23) },
  {
    key: 'reminders.timeZone',
    defaultValue: '',
    description: 'Reminders: the time zone of that hour, e.g. Europe/Berlin (empty: the spreadsheet’s)',
    read: (cell) => (text(cell) === '' || isTimeZone(text(cell)) ? { ok: true, value: text(cell) } : { ok: false, problem: 'is not a time zone name such as Europe/Berlin' }),
  },
  {
    key: 'currency',
    defaultValue: 'EUR',
    description: 'The currency amounts are shown in (ISO code: EUR, USD, GBP, CHF…)',
    read: (cell) => (/^[A-Za-z]{3}$/.test(text(cell)) ? { ok: true, value: text(cell).toUpperCase() } : { ok: false, problem: 'must be a three-letter currency code such as EUR' }),
  },
  { key: 'keepInTouch.days', defaultValue: 0, description: 'Keep in touch: every this many days with customers who have no cadence of their own (0: only contacts and tags that have one)', read: wholeNumber(0, 3650) },
  { key: 'privacy.retentionMonths', defaultValue: 24, description: 'Data protection: contacts without any interaction for this many months are listed for review on the Dashboard', read: wholeNumber(1, 600) },
  { key: 'stages.automatic', defaultValue: true, description: 'Stages move by themselves: lead → customer on a first purchase or won deal, loyal, at risk and back (a stage a person set is never moved backwards)', read: yesNo },
  { key: 'stages.loyalAfterPurchases', defaultValue: 3, description: 'Stages: a customer with this many purchases becomes loyal', read: wholeNumber(2, 1000) },
  {
    key: 'webApp.url',
    defaultValue: '',
    description: 'The web app URL (…/exec) for the Done and Snooze links in reminder emails (empty: the current deployment’s)',
    read: (cell) => (text(cell) === '' || /^https?:\/\/\S+$/.test(text(cell)) ? { ok: true, value: text(cell) } : { ok: false, problem: 'must be a web address starting with https://' }),
  },
];

const ruleByKey = new Map(teamRules.map((rule) => [rule.key.toLowerCase(), rule]));

/** Whether a Settings row belongs to the team settings (else to the scoring's). */
export const isTeamSettingKey = (key: unknown) => {
  const name = text(key).toLowerCase();
  return ruleByKey.has(name) || name.startsWith(TAG_PREFIX);
};

export const tagCadenceKey = (tag: string) => `keepInTouch.tag.${tag.trim().toLowerCase()}`;

export interface ReadTeamSettings {
  values: TeamSettings;
  /** per row given (same order): what is wrong with it, '' when nothing */
  problems: string[];
  /** settings without a row yet: key, default, description */
  missing: [string, SettingValue, string][];
}

export function defaultTeamSettings(): TeamSettings {
  return readTeamSettings([]).values;
}

export function readTeamSettings(rows: readonly { key: unknown; value: unknown }[]): ReadTeamSettings {
  const chosen = new Map<string, SettingValue>();
  const tagCadences = new Map<string, number>();
  const problems = rows.map(({ key, value }): string => {
    const name = text(key);
    const lower = name.toLowerCase();
    if (lower.startsWith(TAG_PREFIX)) {
      const tag = lower.slice(TAG_PREFIX.length).trim();
      const read = wholeNumber(1, 3650)(value);
      if (tag === '') return 'Name the tag after "keepInTouch.tag."; ignored';
      if (!read.ok) return `${capitalise(read.problem)}; ignored`;
      tagCadences.set(tag, read.value);
      return '';
    }
    const rule = ruleByKey.get(lower)!;
    if (chosen.has(rule.key)) return `"${rule.key}" is set in an earlier row; this row is ignored`;
    const read = rule.read(value);
    chosen.set(rule.key, read.ok ? read.value : rule.defaultValue);
    return read.ok ? '' : `${capitalise(read.problem)}; using the default ${shown(rule.defaultValue)}`;
  });
  const value = (key: string) => chosen.get(key) ?? teamRules.find((r) => r.key === key)!.defaultValue;
  return {
    values: {
      reminderHour: value('reminders.hour') as number,
      reminderTimeZone: value('reminders.timeZone') as string,
      currency: value('currency') as string,
      keepInTouchDays: value('keepInTouch.days') as number,
      tagCadences,
      retentionMonths: value('privacy.retentionMonths') as number,
      automaticStages: value('stages.automatic') as boolean,
      loyalAfterPurchases: value('stages.loyalAfterPurchases') as number,
      webAppUrl: value('webApp.url') as string,
    },
    problems,
    missing: teamRules.filter((rule) => !chosen.has(rule.key)).map((rule) => [rule.key, rule.defaultValue, rule.description]),
  };
}

const shown = (value: SettingValue) => (value === '' ? '(empty)' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value));
const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
