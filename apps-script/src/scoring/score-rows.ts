import { literalText, toCell, type Cell } from '../../../shared/cell-codec';
import { computedContactFields } from '../../../shared/records';
import { HASH_FIELD, REV_FIELD, tabSpecs } from '../../../shared/sheet-columns';
import { decodeRow, isBlankRow, mapColumns, missingColumns, rowHash } from '../../../shared/sheet-rows';
import type { TabSnapshot, TabWrite } from '../sync/apply-sync';
import { computedValueFields, type ComputedValues } from './contact-scores';

const spec = tabSpecs.contacts;
const kindOf = new Map(spec.columns.map((c) => [c.field, c.kind]));

export interface ScoreRowsPlan {
  /** what to write to the Contacts tab: only the computed columns and the row bookkeeping */
  write: TabWrite;
  /** the last revision handed out after this write */
  rev: number;
  /** contacts whose scores changed */
  changed: number;
}

/**
 * The Contacts rows to rewrite for new scores. A contact whose computed values differ from the
 * sheet's gets them, `scoredAt` = now, the next revision and the hash of its new cells, so the
 * next sync hands it to every member and does not take the write for a person's edit.
 * `updatedAt`/`updatedBy` stay: scores are not an edit and must not win over a member's change.
 * A row a person edited since the script last wrote it keeps its old hash, so the sync still
 * notices that edit (and hands it out with the new scores). Deleted contacts, rows without an id
 * and contacts with no values are left alone.
 *
 * The rows written form one block from the first to the last changed row (the rows between are
 * written back as they were), in few column blocks, so the number of calls is the same for ten
 * rows or ten thousand.
 */
export function planScoreRows(
  tab: TabSnapshot,
  values: ReadonlyMap<string, ComputedValues>,
  context: { rev: number; nowIso: string },
): ScoreRowsPlan {
  const { header, columns } = withAllColumns(tab.header);
  const owned = [...computedContactFields, REV_FIELD, HASH_FIELD].map((field) => columns.get(field)!).sort((a, b) => a - b);
  const rows = new Map<number, Cell[]>();
  const seen = new Set<string>();
  let rev = context.rev;

  tab.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const decoded = decodeRow(row, columns, spec);
    const fields = decoded.fields;
    const id = String(fields.id ?? '');
    // A copied row repeats an id: the sync makes it a record of its own, so only the first is this contact.
    if (id === '' || seen.has(id)) return;
    seen.add(id);
    const next = values.get(id);
    if (fields.deleted === true || !next || sameValues(fields, next)) return;

    const edited = decoded.hash !== rowHash(fields, spec);
    const updated: Record<string, unknown> = { ...fields, ...next, scoredAt: context.nowIso };
    const cells = asWritten(row, owned);
    for (const field of computedContactFields) cells[columns.get(field)!] = toCell(kindOf.get(field)!, updated[field]);
    if (!edited) {
      cells[columns.get(REV_FIELD)!] = ++rev;
      cells[columns.get(HASH_FIELD)!] = literalText(rowHash(updated, spec));
    }
    rows.set(index, cells);
  });

  const changed = rows.size;
  if (changed > 0) {
    const indexes = [...rows.keys()];
    const last = indexes[indexes.length - 1]!;
    for (let index = indexes[0]!; index < last; index++) {
      if (!rows.has(index)) rows.set(index, asWritten(tab.rows[index] ?? [], owned));
    }
  }
  return { write: { header: header.length !== tab.header.length ? header : null, rows, ownedColumns: owned }, rev, changed };
}

/** Compares the sheet's values (as read back) with the new ones; scoredAt alone is no change. */
function sameValues(fields: Record<string, unknown>, next: ComputedValues): boolean {
  return computedValueFields.every((field) => (fields[field] ?? null) === next[field]);
}

/**
 * A row's owned cells as they must be written to read back the same: text stays text (not a
 * number or a formula), and a number the sheet cannot take again (a hash it once read as
 * "1e400" → Infinity) is written as its text, which reads back as the same string.
 */
function asWritten(row: readonly unknown[], owned: readonly number[]): Cell[] {
  const cells = [...row] as Cell[];
  for (const column of owned) {
    const cell = row[column];
    if (typeof cell === 'string') cells[column] = literalText(cell);
    else if (typeof cell === 'number' && !Number.isFinite(cell)) cells[column] = literalText(String(cell));
    else cells[column] = cell === undefined || cell === null ? '' : (cell as Cell);
  }
  return cells;
}

/** The header with every column the contract asks for (a tab from an older version may lack some), as the sync adds them. */
function withAllColumns(header: unknown[]): { header: unknown[]; columns: Map<string, number> } {
  const columns = mapColumns(header, spec);
  const missing = missingColumns(columns, spec);
  if (missing.length === 0) return { header, columns };
  let lastFilled = header.length - 1;
  while (lastFilled >= 0 && (header[lastFilled] === '' || header[lastFilled] == null)) lastFilled--;
  const extended = [...header.slice(0, lastFilled + 1), ...missing.map((c) => c.header)];
  return { header: extended, columns: mapColumns(extended, spec) };
}
