import { dayOf } from '../../../shared/calendar';
import { markComputedColumns } from '../sheets/computed-columns';
import { notify } from '../sheets/notify';
import { RowsMovedError } from '../sheets/record-tabs';
import { underScriptLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { openRecordWorkbook } from '../sheets/workbook';
import { ensureNightlyTrigger, nightlyScheduleText } from '../sheets/triggers';
import { planRecalculation } from './plan-recalculation';

/**
 * Recalculates every contact's scores under the script lock the sync takes: settings and tabs
 * read once, only the changed score cells written, the revision counter moved on so the next
 * sync hands the new scores to every member. Says what it did in a toast.
 */
export function recalculateScores() {
  let outcome: string | 'busy';
  try {
    outcome = underScriptLock(() => {
      const settings = readSettingsTab();
      const workbook = openRecordWorkbook();
      const now = new Date();
      const plan = planRecalculation(workbook.reads, settings.values, { today: dayOf(now, workbook.clock)!, nowIso: now.toISOString(), rev: workbook.rev, clock: workbook.clock });
      workbook.commit({ tabs: { contacts: plan.contacts }, rev: plan.changed > 0 ? plan.rev : workbook.rev });
      markComputedColumns(plan.contacts.header);
      const counts = `${plan.customers} customer(s), ${plan.leads} lead(s)`;
      const headline = plan.changed > 0 ? `Scores recalculated: ${plan.changed} contact(s) updated (${counts}).` : `Scores recalculated: nothing changed (${counts}).`;
      return [headline, ...settings.notes, ...plan.notes].join('\n');
    });
  } catch (error) {
    if (!(error instanceof RowsMovedError)) throw error;
    outcome = 'busy';
  }
  if (outcome === 'busy') notify('The sheet is busy with a sync, so the scores were not recalculated. Try again in a minute.');
  else notify(outcome, 'Rapport scores');
}

/** The menu item: turns the nightly run on (once, however often it is chosen). */
export function turnOnNightlyScoring() {
  const installed = ensureNightlyTrigger();
  notify(installed ? `Nightly scoring is on: scores are recalculated ${nightlyScheduleText}.` : `Nightly scoring was already on (${nightlyScheduleText}).`);
}
