import { dayOf } from '../../../shared/calendar';
import { monthsBefore } from '../../../shared/scoring/dates';
import { TabModel } from '../model/tab-model';
import { appendToArchive, archiveOf } from '../sheets/archives';
import { notify } from '../sheets/notify';
import { RowsMovedError } from '../sheets/record-tabs';
import { underScriptLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { openRecordWorkbook } from '../sheets/workbook';
import { ARCHIVED_TABLES, planArchive } from './plan-archive';

/**
 * Moves history older than the Settings tab's `archive.afterMonths` into the yearly archive
 * spreadsheets, under the script lock the sync takes: copied to the archive first, then removed
 * from the team's tabs (so a failure in between leaves a copy, never a loss). Members keep what
 * they have; scores still count archived purchases. Says what it did.
 */
export function archiveOldHistory(): string {
  let message: string | 'busy';
  try {
    message = underScriptLock(() => {
      const settings = readSettingsTab();
      const workbook = openRecordWorkbook();
      const today = dayOf(new Date(), workbook.clock)!;
      const cutoff = monthsBefore(today, settings.values.archiveAfterMonths)!;
      const reads = workbook.read({ interactions: 'all', deals: 'all', followUps: 'all', contacts: [], companies: [] });
      const models = Object.fromEntries(ARCHIVED_TABLES.map((table) => [table, new TabModel(table, reads[table], workbook.clock)])) as Record<(typeof ARCHIVED_TABLES)[number], TabModel>;
      const plan = planArchive(models, cutoff);
      if (plan.moved === 0) return `Nothing older than ${cutoff} to archive.`;
      const removals: Partial<Record<(typeof ARCHIVED_TABLES)[number], number[]>> = {};
      const years = new Set<number>();
      for (const table of ARCHIVED_TABLES) {
        for (const [year, rows] of [...plan.moves[table]].sort((a, b) => a[0] - b[0])) {
          years.add(year);
          appendToArchive(archiveOf(year, workbook.archives), table, reads[table].header, rows.map((row) => reads[table].rows.get(row)!));
          removals[table] = [...(removals[table] ?? []), ...rows];
        }
      }
      workbook.removeRows(removals);
      return `Archived ${plan.moved} row(s) older than ${cutoff} into the archive(s) of ${[...years].sort().join(', ')} (links in the Settings tab).`;
    });
  } catch (error) {
    if (!(error instanceof RowsMovedError)) throw error;
    message = 'busy';
  }
  const text = message === 'busy' ? 'The sheet was busy (a sync, or people moving rows), so nothing was archived. It is tried again tonight.' : message;
  notify(text, 'Rapport archive');
  return text;
}
