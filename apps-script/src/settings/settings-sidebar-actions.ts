import { settingsSidebar, type SettingsForm, type SettingsSidebarData } from '../sidebars/settings-sidebar';
import { readRemindersLog } from '../sheets/reminders-log-tab';
import { FAILURES_SHOWN, readFailures } from '../sheets/reminder-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { problemsByKey, writeSettings } from '../sheets/settings-writer';
import { reminderTriggerOn } from '../sheets/triggers';
import { showSidebar } from '../sheets/ui';
import { spreadsheetFacts } from '../sheets/workbook';
import type { SettingValue } from './team-settings';

/** Rapport → Settings…, and what its Save does. */

/** Each form field's Settings key; the discount rate is a percentage in the form, a share in the tab. */
const KEYS: Record<Exclude<keyof SettingsForm, 'tagCadences'>, string> = {
  reminderHour: 'reminders.hour',
  reminderTimeZone: 'reminders.timeZone',
  currency: 'currency',
  keepInTouchDays: 'keepInTouch.days',
  retentionMonths: 'privacy.retentionMonths',
  automaticStages: 'stages.automatic',
  loyalAfterPurchases: 'stages.loyalAfterPurchases',
  webAppUrl: 'webApp.url',
  leadRecency: 'lead.recency',
  leadEngagement: 'lead.engagement',
  leadProfile: 'lead.profile',
  leadStage: 'lead.stage',
  leadDeal: 'lead.deal',
  horizonMonths: 'clv.horizonMonths',
  discountRatePercent: 'clv.annualDiscountRate',
};

export function openSettings(): void {
  showSidebar(settingsSidebar(sidebarData()), 'Rapport settings');
}

function sidebarData(problems = problemsByKey()): SettingsSidebarData {
  const read = readSettingsTab();
  const { team, values } = read;
  const form: SettingsForm = {
    reminderHour: team.reminderHour,
    reminderTimeZone: team.reminderTimeZone,
    currency: team.currency,
    keepInTouchDays: team.keepInTouchDays,
    tagCadences: [...team.tagCadences].map(([tag, days]) => `${tag} = ${days}`).join('\n'),
    retentionMonths: team.retentionMonths,
    automaticStages: team.automaticStages,
    loyalAfterPurchases: team.loyalAfterPurchases,
    webAppUrl: team.webAppUrl,
    leadRecency: values.leadWeights.recency,
    leadEngagement: values.leadWeights.engagement,
    leadProfile: values.leadWeights.profile,
    leadStage: values.leadWeights.stage,
    leadDeal: values.leadWeights.deal,
    horizonMonths: values.horizonMonths ?? 12,
    discountRatePercent: Math.round((values.annualDiscountRate ?? 0.1) * 10_000) / 100,
  };
  const failures = readFailures();
  const lastSent = [...readRemindersLog()].reverse().find((entry) => entry.what === 'digest' && entry.status.startsWith('sent'));
  const byField: SettingsSidebarData['problems'] = {};
  for (const [field, key] of Object.entries(KEYS)) if (problems[key.toLowerCase()]) byField[field as keyof SettingsForm] = problems[key.toLowerCase()];
  const tagProblem = Object.entries(problems).find(([key]) => key.startsWith('keepintouch.tag.'));
  if (tagProblem) byField.tagCadences = `${tagProblem[0].slice('keepintouch.tag.'.length)}: ${tagProblem[1]}`;
  return {
    form,
    spreadsheetTimeZone: spreadsheetFacts().timeZone,
    reminders: {
      on: reminderTriggerOn(),
      lastRun: lastSent ? new Date(lastSent.when).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : null,
      failure: failures && failures.count >= FAILURES_SHOWN ? `${failures.count} runs in a row since ${failures.first.slice(0, 16).replace('T', ' ')} UTC: ${failures.error}` : null,
    },
    problems: byField,
  };
}

/** Parses "vip = 30" lines; a line that is not one is an error, naming it. */
export function parseTagCadences(text: string): Map<string, number> {
  const cadences = new Map<string, number>();
  for (const line of text.split(/\n/)) {
    if (line.trim() === '') continue;
    const match = /^\s*([^=:,;]+?)\s*[=:]\s*(\d+)\s*(?:days?|tage?)?\s*$/i.exec(line);
    if (!match) throw new Error(`“${line.trim()}” is not “tag = days”.`);
    cadences.set(match[1]!.trim().toLowerCase(), Number(match[2]));
  }
  return cadences;
}

export function saveSettings(input: unknown): SettingsSidebarData {
  if (!input || typeof input !== 'object') throw new Error('Nothing to save.');
  const form = input as Partial<Record<keyof SettingsForm, unknown>>;
  const values = new Map<string, SettingValue>();
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const value = form[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`${field}: not a value`);
    values.set(key, field === 'discountRatePercent' && typeof value === 'number' ? value / 100 : typeof value === 'string' ? value.trim() : value);
  }
  const tags = typeof form.tagCadences === 'string' ? parseTagCadences(form.tagCadences) : null;
  const written = writeSettings(values, tags);
  return sidebarData(written.problemsByKey);
}
