import { tableNames, type TableName } from '../../../shared/records';
import { planLinkedNames } from '../model/linked-names';
import { EVERY_ROW } from '../model/tab-model';
import { markComputedColumns } from '../sheets/computed-columns';
import { teamMembers } from '../sheets/members-store';
import { RowsMovedError } from '../sheets/record-tabs';
import { ensureRemindersLogTab } from '../sheets/reminders-log-tab';
import { underScriptLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { repairRecordTabs } from '../sheets/setup';
import { decorateRecordTabs } from '../sheets/tab-decoration';
import { ensureNightlyTrigger, ensureReminderTrigger, nightlyScheduleText } from '../sheets/triggers';
import { tell } from '../sheets/ui';
import { openRecordWorkbook } from '../sheets/workbook';
import { newId } from '../../../shared/ids';
import { planSync, SHEET_EDITOR } from '../sync/plan-sync';

/**
 * Rapport → Set up or repair: makes or repairs every tab under the script lock the sync takes,
 * then says what it fixed. Running it again changes nothing. The steps: the Settings tab; each
 * record tab's structure (headers, columns, system columns at the right); a sync with nothing to
 * send, which puts back cleared ids and bookkeeping and fills the readable names; formats,
 * dropdowns, highlighting, the system columns' group and protection; the computed columns'
 * marks; the Reminders log tab; the nightly and hourly triggers.
 */
export function setUp(): void {
  let outcome: string[] | 'busy';
  try {
    outcome = underScriptLock(repair);
  } catch (error) {
    if (!(error instanceof RowsMovedError)) throw error;
    outcome = 'busy';
  }
  if (outcome === 'busy') {
    tell('Someone is syncing or moving rows right now, so nothing was changed. Try Rapport → Set up or repair again in a minute.', 'Rapport set-up');
    return;
  }
  const changes = outcome.filter((line) => !line.startsWith('ℹ'));
  const summary = changes.length === 0 ? ['Rapport is set up; nothing needed repair.'] : ['Rapport set up or repaired:', ...changes.map((line) => `• ${line}`)];
  const info = outcome.filter((line) => line.startsWith('ℹ')).map((line) => line.slice(1).trim());
  console.log(['Rapport set-up', ...changes].join('\n'));
  tell([...summary, '', ...info].join('\n').trim(), 'Rapport set-up');
}

function repair(): string[] {
  const notes: string[] = [];
  const settings = readSettingsTab();
  notes.push(...settings.notes);
  notes.push(...repairRecordTabs().notes);

  const workbook = openRecordWorkbook();
  const reads = workbook.read(EVERY_ROW);
  const now = new Date();
  const plan = planSync({ since: workbook.rev, changes: { contacts: [], companies: [], interactions: [], deals: [], followUps: [] } }, reads, {
    member: SHEET_EDITOR, now, newId, rev: workbook.rev, clock: workbook.clock, ids: workbook.ids,
  });
  const names = planLinkedNames(reads, plan.tabs, workbook.clock);
  workbook.commit({ tabs: plan.tabs, rev: plan.rev, index: plan.index, problems: plan.response.sheetProblems, erased: plan.erased });
  const problems = plan.response.sheetProblems.filter((p) => !p.errors.some((e) => e.includes('leaves this field alone')));
  for (const problem of problems.slice(0, 12)) notes.push(`${problem.tab} row ${problem.row}${problem.column ? ` (${problem.column})` : ''}: ${problem.errors.join('; ')}.`);
  if (problems.length > 12) notes.push(`…and ${problems.length - 12} more, listed in the Sync problems tab.`);
  if (names > 0) notes.push(`Filled in ${names} readable name(s) and next follow-up day(s) beside the references.`);

  const team = { currency: settings.team.currency, members: teamMembers().list().map((m) => m.email) };
  notes.push(...decorateRecordTabs(Object.fromEntries(tableNames.map((t) => [t, plan.tabs[t].header])) as Record<TableName, unknown[]>, team));
  if (markComputedColumns(plan.tabs.contacts.header)) notes.push('Contacts: marked the computed score columns.');
  if (ensureRemindersLogTab()) notes.push('Created the Reminders log tab.');
  if (ensureNightlyTrigger()) notes.push(`Turned on the nightly run (scores, stages, dashboard) ${nightlyScheduleText}.`);
  if (ensureReminderTrigger()) notes.push('Turned on the daily reminders (checked every hour; each owner gets one digest at their hour).');
  if (team.members.length === 0) notes.push('ℹ No team members yet: add them with Rapport → Team members… to give them sync tokens and owner dropdowns.');
  return notes;
}
