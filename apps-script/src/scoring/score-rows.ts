import { toRawCell, type RawCell } from '../../../shared/cell-codec';
import { computedContactFields, metaOf, recordSchemas, type AnyRecord } from '../../../shared/records';
import type { TabModel } from '../model/tab-model';
import { computedValueFields, type ComputedValues } from './contact-scores';

export interface ScoreRowsPlan {
  /** the last revision handed out after this write */
  rev: number;
  /** contacts whose scores changed */
  changed: number;
}

/**
 * The Contacts cells to rewrite for new scores. A contact whose computed values differ from the
 * sheet's gets them, `scoredAt` = now and the next revision, so the next sync hands it to every
 * member. Only the computed cells and the row's bookkeeping are written: `updatedAt`/`updatedBy`
 * stay (scores are not an edit and must not win over a member's change), and a row a person edited
 * since the last sync keeps its field hashes, so the sync still notices that edit. A score cell a
 * person overwrote differs from the computed value and is put back. Deleted contacts, rows without
 * an id and contacts with no values are left alone.
 */
export function planScoreRows(model: TabModel, values: ReadonlyMap<string, ComputedValues>, context: { rev: number; nowIso: string }): ScoreRowsPlan {
  let rev = context.rev;
  let changed = 0;
  const seen = new Set<string>();
  for (const row of model.rows) {
    // A copied row repeats an id: the sync makes it a record of its own, so only the first is this contact.
    if (row.id === '' || seen.has(row.id)) continue;
    seen.add(row.id);
    const next = values.get(row.id);
    if (row.values.deleted === true || !next || computedValueFields.every((field) => (row.values[field] ?? null) === next[field])) continue;
    changed++;
    row.rev = ++rev;
    const updated: Record<string, unknown> = { ...row.values, ...next, scoredAt: context.nowIso };
    const pendingEdit = row.edited.size > 0 || row.unreadable.size > 0 || row.staleBookkeeping;
    if (pendingEdit) {
      // Leave the hashes as they are, so the sync still sees what the person changed.
      const cells = new Map<string, RawCell>();
      for (const field of computedContactFields) cells.set(field, toRawCell(metaOf('contacts', field), updated[field]));
      cells.set('_rev', rev);
      model.setCells(row.index, cells);
      continue;
    }
    const record = recordSchemas.contacts.parse({ ...updated, id: row.id }) as AnyRecord;
    model.writeRecord(row, record, computedContactFields);
  }
  return { rev, changed };
}
