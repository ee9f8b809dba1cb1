import { addRapportMenu } from './sheets/ui';

/**
 * The Rapport menu. Each item names a global function of the bundle (main.ts); a test checks
 * every name against the bundle's exports. A bound script gets a "Rapport" menu; an add-on not
 * yet used in this spreadsheet (authMode NONE) gets its items under Extensions instead.
 */
export const menuItems: readonly ([label: string, functionName: string] | null)[] = [
  ['Set up or repair', 'setUp'],
  ['Team members…', 'openMembers'],
  ['Settings…', 'openSettings'],
  null,
  ['Recalculate scores', 'recalculateScores'],
  ['Send reminders now', 'sendReminders'],
  ['Rebuild dashboard', 'rebuildDashboard'],
  ['Archive old history', 'archiveOldHistory'],
];

export function addMenu(event?: { authMode?: unknown }) {
  addRapportMenu(menuItems, event?.authMode !== undefined && String(event.authMode) === 'NONE');
}
