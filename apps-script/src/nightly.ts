import { archiveOldHistory } from './archive/archive-history';
import { rebuildDashboard } from './dashboard/rebuild-dashboard';
import { advanceStages } from './lifecycle/advance-stages';
import { recalculateScores } from './scoring/recalculate';
import { notify } from './sheets/notify';

/**
 * The nightly trigger: old history to the yearly archives first (scoring reads the archives'
 * purchases too), then scores (the stages read P(alive)), then the stages that move by
 * themselves, then the dashboard from both. Each step is its own; one failing does not keep the
 * next from running, and the run still fails afterwards so Google tells the script's owner.
 */
export function nightly(): void {
  const failures: string[] = [];
  const step = (name: string, work: () => unknown) => {
    try {
      work();
    } catch (error) {
      console.error(error);
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  step('archive', archiveOldHistory);
  step('scores', recalculateScores);
  step('stages', () => {
    const changes = advanceStages();
    if (Array.isArray(changes) && changes.length > 0) notify(`${changes.length} stage(s) moved: ${changes.map((c) => `${c.from} → ${c.to}`).join(', ')}.`, 'Rapport stages');
  });
  step('dashboard', () => rebuildDashboard({ quiet: true }));
  if (failures.length > 0) throw new Error(`The nightly run failed in part: ${failures.join('; ')}`);
}
