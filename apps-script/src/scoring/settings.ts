import { defaultAbcThresholds, defaultClvOptions, defaultLeadScoreWeights, defaultScoringSettings } from '../../../shared/scoring';
import type { LeadScoreWeights, ScoringOptions } from '../../../shared/scoring';

/**
 * The scoring settings a manager edits in the Settings tab: one row per setting (key, value,
 * description). Every value is checked here so that a bad cell is reported next to it and the
 * default is used instead; the scoring never sees junk.
 */

export type ScoringSettingsValues = Omit<ScoringOptions, 'calibrationEnd'> & {
  leadWeights: LeadScoreWeights;
  /** the backtest holds back this many months of the latest purchases */
  backtestMonths: number;
  /** interactions, closed deals and done follow-ups older than this many months move to a yearly archive */
  archiveAfterMonths: number;
};

/** Two years of history stay in the team's sheet; older goes to the yearly archives. */
export const DEFAULT_ARCHIVE_MONTHS = 24;

/** Six months: long enough for most customers to buy again, short enough to leave history to fit on. */
export const DEFAULT_BACKTEST_MONTHS = 6;

interface SettingRule {
  key: string;
  defaultValue: number;
  description: string;
  /** why the value cannot be used, or null when it can */
  check: (value: number) => string | null;
}

const between = (min: number, max: number, what: string) => (value: number) =>
  value >= min && value <= max ? null : `${what} must be between ${min} and ${max}`;
const share = between(0, 1, 'a share');
const atLeastZero = (value: number) => (value >= 0 ? null : 'must not be negative');
const aboveZero = (value: number) => (value > 0 ? null : 'must be above 0');
const wholeMonths = (max: number) => (value: number) =>
  Number.isInteger(value) && value >= 1 && value <= max ? null : `must be a whole number of months from 1 to ${max}`;

const leadWeightDescriptions: Record<keyof LeadScoreWeights, string> = {
  recency: 'Lead score: weight of how recently we heard from the person (the five weights are relative)',
  engagement: 'Lead score: weight of how many interactions there were lately',
  profile: 'Lead score: weight of how complete the contact details are',
  stage: 'Lead score: weight of the lifecycle stage',
  deal: 'Lead score: weight of the value of open deals',
  recencyHalfLifeDays: 'Lead score: days after which the recency part halves',
  engagementWindowDays: 'Lead score: interactions older than this many days do not count towards engagement',
  inboundPoints: 'Lead score: engagement points for an interaction the person started',
  outboundPoints: 'Lead score: engagement points for an interaction we started',
  internalPoints: 'Lead score: engagement points for an internal interaction (a note)',
  engagementForFull: 'Lead score: engagement points that earn the full engagement part',
  dealValueForFull: 'Lead score: open deal value that earns the full deal part',
  stageLead: 'Lead score: share (0-1) of the stage part for stage "lead"',
  stageQualified: 'Lead score: share (0-1) of the stage part for stage "qualified"',
  stageCustomer: 'Lead score: share (0-1) of the stage part for stage "customer"',
  stageLoyal: 'Lead score: share (0-1) of the stage part for stage "loyal"',
  stageAtRisk: 'Lead score: share (0-1) of the stage part for stage "at risk"',
  stageLost: 'Lead score: share (0-1) of the stage part for stage "lost"',
};
const positiveLeadWeights = new Set<string>(['recencyHalfLifeDays', 'engagementWindowDays', 'engagementForFull', 'dealValueForFull']);

const LEAD_PREFIX = 'lead.';

export const settingRules: readonly SettingRule[] = [
  { key: 'abc.a', defaultValue: defaultAbcThresholds.a, description: 'ABC: class A ends where the customers above reach this share of revenue (0.8 = 80 %)', check: share },
  { key: 'abc.b', defaultValue: defaultAbcThresholds.b, description: 'ABC: class B ends at this share of revenue (0.95 = 95 %); C is the rest', check: share },
  { key: 'clv.horizonMonths', defaultValue: defaultClvOptions.horizonMonths, description: 'Customer lifetime value: months ahead that are counted', check: wholeMonths(600) },
  { key: 'clv.annualDiscountRate', defaultValue: defaultClvOptions.annualDiscountRate, description: 'Customer lifetime value: yearly discount rate (0.1 = 10 %)', check: between(0, 1, 'a rate') },
  { key: 'atRisk.pAliveThreshold', defaultValue: defaultScoringSettings.pAliveThreshold, description: 'At risk: an A or B customer whose probability of still buying (P alive) is below this is at risk', check: share },
  { key: 'atRisk.overdueFactor', defaultValue: defaultScoringSettings.overdueFactor, description: 'At risk: an A or B customer is also at risk when the days since the last purchase exceed this many usual gaps', check: aboveZero },
  {
    key: 'backtest.holdoutMonths',
    defaultValue: DEFAULT_BACKTEST_MONTHS,
    description: 'Backtest: the latest months of purchases held back to check the predictions (the model is fitted on the purchases before them; the result is shown to the right)',
    check: wholeMonths(60),
  },
  {
    key: 'archive.afterMonths',
    defaultValue: DEFAULT_ARCHIVE_MONTHS,
    description: 'Archive: interactions, closed deals and done follow-ups older than this many months move to a yearly archive spreadsheet every night (scores still count them; links to the archives are shown to the right)',
    check: wholeMonths(600),
  },
  ...(Object.keys(defaultLeadScoreWeights) as (keyof LeadScoreWeights)[]).map((name) => ({
    key: LEAD_PREFIX + name,
    defaultValue: defaultLeadScoreWeights[name],
    description: leadWeightDescriptions[name],
    check: name.startsWith('stage') && name !== 'stage' ? share : positiveLeadWeights.has(name) ? aboveZero : atLeastZero,
  })),
];

const ruleByKey = new Map(settingRules.map((rule) => [rule.key.toLowerCase(), rule]));

/** The rows a new Settings tab starts with: key, value, description. */
export const defaultSettingRows = (): [string, number, string][] => settingRules.map((r) => [r.key, r.defaultValue, r.description]);

export interface SettingsRow {
  key: unknown;
  value: unknown;
}

export interface ReadSettings {
  values: ScoringSettingsValues;
  /** per row given (same order): what is wrong with it, '' when nothing */
  problems: string[];
  /** settings that have no row yet: rows to append (key, default, description) */
  missing: [string, number, string][];
}

/** A cell as a number: numbers as they are, numeric text (a decimal comma too); null otherwise. */
function numberIn(cell: unknown): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  const text = cell.trim().replace(/\s/g, '');
  const percent = text.endsWith('%');
  const parsed = Number((percent ? text.slice(0, -1) : text).replace(',', '.'));
  if (!Number.isFinite(parsed)) return null;
  return percent ? parsed / 100 : parsed;
}

const shown = (value: number) => String(Number(value.toPrecision(6)));

/** Reads the Settings rows: each known key's value, checked; anything unusable is reported and replaced by its default. */
export function readScoringSettings(rows: readonly SettingsRow[]): ReadSettings {
  const chosen = new Map<string, number>();
  const problems = rows.map(({ key, value }): string => {
    const name = String(key ?? '').trim();
    if (name === '') return value === '' || value == null ? '' : 'No setting name in this row; ignored';
    const rule = ruleByKey.get(name.toLowerCase());
    if (!rule) return `Unknown setting "${name}"; ignored`;
    if (chosen.has(rule.key)) return `"${rule.key}" is set in an earlier row; this row is ignored`;
    const number = numberIn(value);
    const problem = value === '' || value == null ? 'empty' : number === null ? 'not a number' : rule.check(number);
    chosen.set(rule.key, problem === null ? number! : rule.defaultValue);
    return problem === null ? '' : `${capitalise(problem)}; using the default ${shown(rule.defaultValue)}`;
  });

  // B cannot end before A: check it once both are known.
  const a = chosen.get('abc.a') ?? defaultAbcThresholds.a;
  const b = chosen.get('abc.b') ?? defaultAbcThresholds.b;
  if (b < a) {
    const replacement = Math.max(a, defaultAbcThresholds.b);
    chosen.set('abc.b', replacement);
    const row = rows.findIndex(({ key }) => String(key ?? '').trim().toLowerCase() === 'abc.b');
    if (row >= 0 && problems[row] === '') problems[row] = `Must not be below abc.a (${shown(a)}); using ${shown(replacement)}`;
  }

  const value = (key: string) => chosen.get(key) ?? settingRules.find((r) => r.key === key)!.defaultValue;
  const leadWeights = { ...defaultLeadScoreWeights };
  for (const name of Object.keys(leadWeights) as (keyof LeadScoreWeights)[]) leadWeights[name] = value(LEAD_PREFIX + name);
  return {
    values: {
      abcThresholds: { a: value('abc.a'), b: value('abc.b') },
      horizonMonths: value('clv.horizonMonths'),
      annualDiscountRate: value('clv.annualDiscountRate'),
      pAliveThreshold: value('atRisk.pAliveThreshold'),
      overdueFactor: value('atRisk.overdueFactor'),
      backtestMonths: value('backtest.holdoutMonths'),
      archiveAfterMonths: value('archive.afterMonths'),
      leadWeights,
    },
    problems,
    missing: settingRules.filter((rule) => !chosen.has(rule.key)).map((r) => [r.key, r.defaultValue, r.description]),
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
