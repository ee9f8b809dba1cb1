import { dayOf } from '../../../shared/calendar';
import { columnRecords, decodeColumns } from '../model/column-records';
import { readTabColumns } from '../sheets/column-reader';
import { writeDashboard } from '../sheets/dashboard-tab';
import { notify } from '../sheets/notify';
import { underReminderLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { spreadsheetFacts } from '../sheets/workbook';
import { dashboardFigures, type DashboardFigures } from './dashboard-figures';
import { dashboardLayout } from './dashboard-layout';

/** The columns the dashboard reads. */
export const dashboardFields = {
  contacts: ['id', 'firstName', 'lastName', 'emails', 'company', 'stage', 'createdAt', 'valueClass', 'rfmSegment', 'atRisk', 'clv', 'pAlive', 'owner', 'deleted'],
  interactions: ['id', 'contactId', 'type', 'channel', 'occurredAt', 'createdAt', 'amount', 'deleted'],
  deals: ['id', 'contactId', 'stage', 'amount', 'probability', 'expectedClose', 'closedAt', 'deleted'],
  followUps: ['id', 'dueAt', 'status', 'updatedAt', 'deleted', '_clock'],
} as const;

/**
 * Rapport → Rebuild dashboard, and the nightly run: reads the columns it needs, computes the
 * figures and writes the Dashboard tab (values, formats, charts). Rebuilding with the same data
 * gives the same tab. Takes the lock reminder runs take, not the sync's.
 */
export function rebuildDashboard(options: { quiet?: boolean } = {}): DashboardFigures | 'busy' {
  const outcome = underReminderLock(() => {
    const team = readSettingsTab().team;
    const facts = spreadsheetFacts();
    const now = new Date();
    const { clock } = facts;
    const read = (table: keyof typeof dashboardFields) => columnRecords(readTabColumns(table, dashboardFields[table]), clock);
    const figures = dashboardFigures({
      today: dayOf(now, clock)!, clock, retentionMonths: team.retentionMonths,
      contacts: read('contacts'), interactions: decodeColumns(readTabColumns('interactions', dashboardFields.interactions), clock), deals: read('deals'), followUps: read('followUps'),
    });
    const wall = clock(now);
    const rebuiltAt = `${figures.today} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
    writeDashboard(dashboardLayout(figures, { currency: team.currency, rebuiltAt, timeZone: facts.timeZone, retentionMonths: team.retentionMonths }));
    return figures;
  });
  if (!options.quiet) notify(outcome === 'busy' ? 'Another run is using the sheet; try again in a minute.' : 'The Dashboard tab is rebuilt.', 'Rapport dashboard');
  return outcome;
}
