import type { Cell } from '../../../shared/cell-codec';
import { incomingWins, toTombstone } from '../../../shared/merge';
import { issueMessages, type RejectedRecord, type SyncChanges, type SyncSuccess } from '../../../shared/protocol';
import { computedContactFields, recordSchemas, tableNames, type AnyRecord, type TableName } from '../../../shared/records';
import { tabSpecs, type TabSpec } from '../../../shared/sheet-columns';
import { canonicalRecord, decodeRow, encodeRow, highestRev, isBlankRow, mapColumns, missingColumns, readTyped, rowHash, type ColumnMap } from '../../../shared/sheet-rows';

/** A tab as read in one call: its header row and every data row below it. */
export interface TabSnapshot {
  header: unknown[];
  rows: unknown[][];
}

/** What to write back to one tab: the new header (when columns were added) and whole rows by data-row index. */
export interface TabWrite {
  header: unknown[] | null;
  /** data-row index (0 = the row under the header) → the full row */
  rows: Map<number, Cell[]>;
  /** fields the script owns, by column index, so writes never touch people's own columns */
  ownedColumns: number[];
}

export interface SyncContext {
  member: string;
  now: Date;
  newId: () => string;
  /** the last revision handed out */
  rev: number;
}

interface RowState {
  index: number;
  rev: number;
  /** parsed on first use: most rows of a large tab are only read, never needed whole */
  record: AnyRecord;
}

/** A row the script wrote and nobody changed since: valid by construction, parsed only if needed. */
function unchangedRow(index: number, rev: number, parse: () => AnyRecord): RowState {
  let record: AnyRecord | undefined;
  return {
    index,
    rev,
    get record() {
      return (record ??= parse());
    },
    set record(value) {
      record = value;
    },
  };
}

/** Client clocks can be wrong; a timestamp this far ahead of the server's is taken as now. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const SHEET_EDITOR = 'sheet';

/**
 * One sync, as pure data: merge the client's changes into the tabs, notice rows people edited
 * in the spreadsheet, and collect every row changed since the client's cursor. The caller
 * reads each tab once before and writes each tab's changed rows once after.
 */
export function applySync(
  input: { since: number; changes: Record<TableName, unknown[]> },
  tabs: Record<TableName, TabSnapshot>,
  context: SyncContext,
): { response: SyncSuccess; writes: Record<TableName, TabWrite> } {
  let rev = Math.max(context.rev, ...tableNames.map((t) => highestRev(tabs[t].header, tabs[t].rows, tabSpecs[t])));
  const nextRev = () => ++rev;
  const nowIso = context.now.toISOString();
  const rejected: RejectedRecord[] = [];
  const sheetProblems: SyncSuccess['sheetProblems'] = [];
  const writes = {} as Record<TableName, TabWrite>;
  const states = {} as Record<TableName, RowState[]>;

  for (const table of tableNames) {
    const spec = tabSpecs[table];
    const schema = recordSchemas[table];
    const tab = tabs[table];
    const { header, columns } = withAllColumns(tab.header, spec);
    const write: TabWrite = { header: header.length !== tab.header.length ? header : null, rows: new Map(), ownedColumns: ownedColumns(columns) };
    writes[table] = write;
    const byId = new Map<string, RowState>();
    const rowsOut = tab.rows;
    const markChanged = (state: RowState) => {
      state.rev = nextRev();
      write.rows.set(state.index, encodeRow(state.record, state.rev, rowsOut[state.index] ?? [], columns, spec));
    };

    rowsOut.forEach((row, index) => {
      if (isBlankRow(row)) return;
      const decoded = decodeRow(row, columns, spec);
      const fields = decoded.fields;
      // A row a person added, or copied from another row, becomes a record of its own.
      const needsId = !fields.id || byId.has(String(fields.id));
      const editedByPerson = needsId || decoded.hash !== rowHash(fields, spec);
      if (needsId) Object.assign(fields, { id: context.newId(), createdAt: nowIso });
      if (editedByPerson) Object.assign(fields, { updatedAt: nowIso, updatedBy: SHEET_EDITOR, createdAt: fields.createdAt || nowIso });
      if (!editedByPerson) {
        byId.set(String(fields.id), unchangedRow(index, decoded.rev, () => canonicalRecord(table, schema.parse(readTyped(fields)) as never)));
        return;
      }
      const parsed = schema.safeParse(readTyped(fields));
      if (!parsed.success) {
        sheetProblems.push({ tab: spec.tab, row: index + 2, errors: issueMessages(parsed.error) });
        return;
      }
      const state: RowState = { index, record: canonicalRecord(table, parsed.data as never), rev: decoded.rev };
      byId.set(state.record.id, state);
      markChanged(state);
    });
    let appended = 0;

    for (const raw of input.changes[table]) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        rejected.push({ table, id: idOf(raw), errors: issueMessages(parsed.error) });
        continue;
      }
      const incoming = stamped(parsed.data as AnyRecord, context.member, context.now);
      const existing = byId.get(incoming.id);
      let record = canonicalRecord(table, (incoming.deleted ? schema.parse(toTombstone(incoming)) : incoming) as never) as AnyRecord;
      if (!incomingWins(record, existing?.record)) continue;
      if (table === 'contacts' && !record.deleted) record = keepComputedFields(record, existing?.record);
      const state: RowState = existing ?? { index: rowsOut.length + appended++, record, rev: 0 };
      state.record = record;
      byId.set(record.id, state);
      markChanged(state);
    }
    states[table] = [...byId.values()];
  }

  const since = input.since > rev ? 0 : input.since; // a cursor from the future: the sheet was restored
  const changes = Object.fromEntries(
    tableNames.map((table) => [table, states[table].filter((s) => s.rev > since).sort((a, b) => a.rev - b.rev).map((s) => s.record)]),
  ) as unknown as SyncChanges;
  return { response: { ok: true, cursor: rev, changes, rejected, sheetProblems }, writes };
}

function withAllColumns(header: unknown[], spec: TabSpec): { header: unknown[]; columns: ColumnMap } {
  const columns = mapColumns(header, spec);
  const missing = missingColumns(columns, spec);
  if (missing.length === 0) return { header, columns };
  const trimmed = header.slice(0, lastFilled(header) + 1);
  const extended = [...trimmed, ...missing.map((c) => c.header)];
  return { header: extended, columns: mapColumns(extended, spec) };
}

const lastFilled = (row: unknown[]) => {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '' && row[i] != null) return i;
  return -1;
};

const ownedColumns = (columns: ColumnMap) => [...columns.values()].filter((i) => i >= 0).sort((a, b) => a - b);


const idOf = (raw: unknown) =>
  raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';

/** The server, not the client, says who wrote a change; and no client clock may run ahead of it. */
function stamped(record: AnyRecord, member: string, now: Date): AnyRecord {
  const ahead = Date.parse(record.updatedAt) - now.getTime() > MAX_CLOCK_SKEW_MS;
  return { ...record, updatedBy: member, ...(ahead ? { updatedAt: now.toISOString() } : {}) };
}

/** Scores are the sheet's to compute: what a client sends in those fields is ignored. */
function keepComputedFields(record: AnyRecord, existing: AnyRecord | undefined): AnyRecord {
  const kept: Record<string, unknown> = { ...record };
  const previous = (existing ?? {}) as Record<string, unknown>;
  for (const field of computedContactFields) kept[field] = previous[field] ?? recordSchemas.contacts.shape[field].parse(undefined);
  return kept as AnyRecord;
}
