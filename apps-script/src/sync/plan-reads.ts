import { tableNames, type TableName } from '../../../shared/records';
import { readRev } from '../../../shared/sheet-rows';
import { isRecordId } from '../../../shared/ids';

/**
 * Which rows a sync must read whole, decided from the columns that place records (id and
 * revision) and the log of rows people edited: the rows it will change (the member's records),
 * the rows changed since the member's cursor (one page of them), rows people edited, rows without
 * an id or revision Rapport wrote (a person's new row, a cleared id), and repeated ids. The rest
 * of a tab is not read: a sync costs what changed, not what the sheet holds. A full read is the
 * safety net for edits no log saw; small tabs are read whole anyway.
 */

/** At most this many records in one answer; a member's extension asks again for the rest. */
export const PAGE_ROWS = 5000;
/** Tabs this small are read whole: one call either way. */
const SMALL_TAB = 500;

/** The columns of a tab that place records, as read for every row. */
export interface TabIndex {
  rowCount: number;
  ids: unknown[];
  revs: unknown[];
}

export interface EditedRows {
  /** ids of rows people edited (from the edit log) */
  ids: Set<string>;
  /** data-row indexes people edited where the row had no id */
  rows: Set<number>;
}

export interface ReadPlan {
  /** per tab: every row, or these data-row indexes */
  rows: Record<TableName, 'all' | number[]>;
  /** when one answer cannot carry every change since the cursor: the highest revision it carries */
  pageEnd: number | null;
  /** changes since the cursor that this answer does not carry */
  remaining: number;
}

export interface ReadContext {
  since: number;
  /** read every row (the periodic safety net, or no edit log to go by) */
  full: boolean;
  edited: Partial<Record<TableName, EditedRows>>;
  /** tabs whose set of ids changed since the last run (rows deleted or added by people) */
  idsChanged: Set<TableName>;
  pageRows?: number;
}

const idText = (cell: unknown) => String(cell ?? '').trim().toLowerCase();
/** An id field of a change as sent (not yet parsed): '' when it is not text. */
const fieldText = (raw: unknown, field: 'id' | 'contactId') => {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? idText(value) : '';
};

export function planReads(changes: Record<TableName, unknown[]>, index: Record<TableName, TabIndex>, context: ReadContext): ReadPlan {
  const pageRows = context.pageRows ?? PAGE_ROWS;
  // One page of the changes since the cursor, across tabs in revision order.
  const newer: { rev: number; table: TableName; index: number }[] = [];
  for (const table of tableNames) {
    index[table].revs.forEach((cell, row) => {
      const rev = readRev(cell);
      if (rev !== null && rev > context.since && row < index[table].rowCount) newer.push({ rev, table, index: row });
    });
  }
  let pageEnd: number | null = null;
  let page = newer;
  if (newer.length > pageRows) {
    newer.sort((a, b) => a.rev - b.rev);
    pageEnd = newer[pageRows - 1]!.rev;
    page = newer.filter((entry) => entry.rev <= pageEnd!);
  }

  // A deleted contact's history is erased: when a contact may be deleted in this run, its linked tabs are read whole.
  const contactsMayGo =
    changes.contacts.some((raw) => typeof raw === 'object' && raw !== null && (raw as { deleted?: unknown }).deleted === true) ||
    (context.edited.contacts?.ids.size ?? 0) + (context.edited.contacts?.rows.size ?? 0) > 0 ||
    context.idsChanged.has('contacts');
  const linked = new Set<TableName>(contactsMayGo ? ['interactions', 'deals', 'followUps'] : []);

  // New and changed history shows its contact's name beside the id: those contacts are read too.
  const referenced = (['interactions', 'deals', 'followUps'] as const).flatMap((table) => changes[table].map((raw) => fieldText(raw, 'contactId')));

  const rows = {} as ReadPlan['rows'];
  for (const table of tableNames) {
    const tab = index[table];
    if (context.full || tab.rowCount <= SMALL_TAB || linked.has(table)) {
      rows[table] = 'all';
      continue;
    }
    const wanted = new Set<number>();
    const firstRowOf = new Map<string, number>();
    for (let row = 0; row < tab.rowCount; row++) {
      const id = idText(tab.ids[row]);
      // A row without an id (a person's new row, a cleared id), a repeated id, or no revision Rapport wrote.
      if (!isRecordId(id) || readRev(tab.revs[row]) === null) wanted.add(row);
      else if (firstRowOf.has(id)) {
        wanted.add(row);
        wanted.add(firstRowOf.get(id)!);
      } else firstRowOf.set(id, row);
    }
    for (const id of [...changes[table].map((raw) => fieldText(raw, 'id')), ...(table === 'contacts' ? referenced : [])]) {
      const row = firstRowOf.get(id);
      if (row !== undefined) wanted.add(row);
    }
    for (const id of context.edited[table]?.ids ?? []) {
      const row = firstRowOf.get(id);
      if (row !== undefined) wanted.add(row);
    }
    for (const row of context.edited[table]?.rows ?? []) if (row < tab.rowCount) wanted.add(row);
    for (const entry of page) if (entry.table === table) wanted.add(entry.index);
    rows[table] = [...wanted].sort((a, b) => a - b);
  }
  return { rows, pageEnd, remaining: newer.length - page.length };
}
