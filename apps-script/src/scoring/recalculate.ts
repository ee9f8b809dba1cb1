import { markComputedColumns } from '../sheets/computed-columns';
import { notify } from '../sheets/notify';
import { writeScores } from '../sheets/score-writer';
import { readSettingsTab } from '../sheets/settings-tab';
import { readTabs } from '../sheets/tabs';
import { REV_PROPERTY } from '../sync/endpoint';
import { calendarDay } from './calendar-day';
import { ensureNightlyTrigger, nightlyScheduleText } from './nightly-trigger';
import { planRecalculation } from './plan-recalculation';

/** As long as a sync waits: a scoring run and a sync never interleave. */
const LOCK_WAIT_MS = 30_000;

/**
 * Recalculates every contact's scores under the script lock the sync takes: settings and tabs
 * read once, the changed Contacts rows written in a few blocks, the revision counter moved on so
 * the next sync hands the new scores to every member. Says what it did in a toast.
 */
export function recalculateScores() {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    notify('The sheet is busy with a sync, so the scores were not recalculated. Try again in a minute.');
    return;
  }
  try {
    const settings = readSettingsTab();
    const { snapshots, sheets } = readTabs();
    const properties = PropertiesService.getScriptProperties();
    const rev = Number(properties.getProperty(REV_PROPERTY) ?? '0') || 0;
    const now = new Date();
    const plan = planRecalculation(snapshots, settings.values, { today: calendarDay(now)!, nowIso: now.toISOString(), rev });
    writeScores(sheets.contacts, plan.write, snapshots.contacts);
    settings.writeReport(plan.report);
    if (plan.changed > 0 && plan.rev !== rev) properties.setProperty(REV_PROPERTY, String(plan.rev));
    const counts = `${plan.customers} customer(s), ${plan.leads} lead(s)`;
    const headline = plan.changed > 0 ? `Scores recalculated: ${plan.changed} contact(s) updated (${counts}).` : `Scores recalculated: nothing changed (${counts}).`;
    notify([headline, ...settings.notes, ...plan.notes].join('\n'), 'Rapport scores');
  } finally {
    lock.releaseLock();
  }
}

/** Creates the Settings tab, marks the computed columns and turns on the nightly run. */
export function setUpScoring(contacts: GoogleAppsScript.Spreadsheet.Sheet, contactsHeader: readonly unknown[]): string {
  readSettingsTab();
  markComputedColumns(contacts, contactsHeader);
  ensureNightlyTrigger();
  return `Scores are recalculated ${nightlyScheduleText}; settings are in the Settings tab.`;
}

/** The menu item: turns the nightly run on (once, however often it is chosen). */
export function turnOnNightlyScoring() {
  const installed = ensureNightlyTrigger();
  notify(installed ? `Nightly scoring is on: scores are recalculated ${nightlyScheduleText}.` : `Nightly scoring was already on (${nightlyScheduleText}).`);
}
