import { dayOf } from '../../../shared/calendar';
import { archiveUrl, cellsUsed, readArchivedTabs } from '../sheets/archives';
import { markComputedColumns } from '../sheets/computed-columns';
import { notify } from '../sheets/notify';
import { RowsMovedError } from '../sheets/record-tabs';
import { underScriptLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { openRecordWorkbook } from '../sheets/workbook';
import { ensureNightlyTrigger, nightlyScheduleText } from '../sheets/triggers';
import type { ReportRow } from './model-report';
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
      const reads = workbook.read({ contacts: 'all', interactions: 'all', deals: 'all', companies: [], followUps: [] });
      const archived = { interactions: readArchivedTabs('interactions', workbook.archives), deals: readArchivedTabs('deals', workbook.archives) };
      const plan = planRecalculation(reads, settings.values, { today: dayOf(now, workbook.clock)!, nowIso: now.toISOString(), rev: workbook.rev, clock: workbook.clock }, archived);
      workbook.commit({ tabs: { contacts: plan.contacts }, rev: plan.changed > 0 ? plan.rev : workbook.rev });
      markComputedColumns(plan.contacts.header);
      settings.writeReport([...plan.report, [], ...spaceReport(cellsUsed(), workbook.archives)]);
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

/** Google's limit for one spreadsheet; archive before it is reached. */
const CELL_LIMIT = 10_000_000;
const WARN_AT = 0.7;

/** How full the spreadsheet is, and where the archives are, for the Settings tab. */
export function spaceReport(cells: number, archives: Record<string, string>): ReportRow[] {
  const share = cells / CELL_LIMIT;
  const rows: ReportRow[] = [
    ['Space'],
    [`This spreadsheet uses ${cells.toLocaleString('en')} of the 10,000,000 cells Google allows (${Math.round(share * 100)} %).`],
  ];
  if (share >= WARN_AT) rows.push([`Warning: over ${Math.round(WARN_AT * 100)} % full. Lower archive.afterMonths so that more history moves to the yearly archives before the sheet is full.`]);
  for (const [year, id] of Object.entries(archives).sort()) rows.push([`Archive ${year}`, archiveUrl(id)]);
  return rows;
}

/** The menu item: turns the nightly run on (once, however often it is chosen). */
export function turnOnNightlyScoring() {
  const installed = ensureNightlyTrigger();
  notify(installed ? `Nightly scoring is on: scores are recalculated ${nightlyScheduleText}.` : `Nightly scoring was already on (${nightlyScheduleText}).`);
}
