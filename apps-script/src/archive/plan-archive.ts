import type { TableName } from '../../../shared/records';
import type { RowState, TabModel } from '../model/tab-model';

/**
 * Which history leaves the team's sheet for the yearly archives, as pure data: interactions
 * older than the cutoff (by when they happened), deals won or lost before it (by when they
 * closed), and follow-ups done before it. Tombstones stay: members who were away must still learn
 * of the deletion. Rows a person edited since the last sync stay until the sync has taken the edit.
 */
export const ARCHIVED_TABLES = ['interactions', 'deals', 'followUps'] as const satisfies readonly TableName[];
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];

export interface ArchivePlan {
  /** per tab: per year, the data-row indexes to move */
  moves: Record<ArchivedTable, Map<number, number[]>>;
  moved: number;
}

const dayOfText = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '');

/** The day a row belongs to in the history, or '' when it is not finished history yet. */
function historyDay(table: ArchivedTable, values: Record<string, unknown>): string {
  switch (table) {
    case 'interactions':
      return dayOfText(values.occurredAt) || dayOfText(values.createdAt);
    case 'deals':
      return values.stage === 'won' || values.stage === 'lost' ? dayOfText(values.closedAt) || dayOfText(values.expectedClose) || dayOfText(values.updatedAt) : '';
    case 'followUps':
      return values.status === 'done' ? dayOfText(values.dueAt) || dayOfText(values.updatedAt) : '';
  }
}

export function planArchive(tabs: Record<ArchivedTable, TabModel>, cutoff: string): ArchivePlan {
  let moved = 0;
  const moves = {} as ArchivePlan['moves'];
  for (const table of ARCHIVED_TABLES) {
    const byYear = new Map<number, number[]>();
    for (const row of tabs[table].rows as RowState[]) {
      if (row.id === '' || row.values.deleted === true || row.edited.size > 0 || row.unreadable.size > 0) continue;
      const day = historyDay(table, row.values);
      if (day === '' || day >= cutoff) continue;
      const year = Number(day.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), row.index]);
      moved++;
    }
    moves[table] = byYear;
  }
  return { moves, moved };
}
