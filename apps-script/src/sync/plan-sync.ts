import type { WallClock } from '../../../shared/calendar';
import { hashNumber } from '../../../shared/cell-codec';
import { clampToNow, contentFields, editWins, emptyValue, personalFields } from '../../../shared/merge';
import { fieldTimesSchema, issueMessages, type Conflict, type RejectedRecord, type SheetProblem, type SyncChanges, type SyncSuccess } from '../../../shared/protocol';
import { computedContactFields, contactLinkedTables, recordSchemas, tableNames, type AnyRecord, type TableName } from '../../../shared/records';
import { canonicalRecord, fieldCode, valueHash } from '../../../shared/sheet-rows';
import { highestRev, TabModel, type RowState, type TabRead } from '../model/tab-model';
import { isRecordId } from '../../../shared/ids';

/**
 * One sync as pure data. Reads what people changed in the sheet (field by field), merges the
 * member's changes field by field, turns deletions into tombstones without personal data (and
 * erases a deleted contact's text from the records that name them), and collects every record
 * changed since the member's cursor. The caller reads the tabs before and writes only the planned
 * cells after.
 */

export interface SyncInput {
  since: number;
  changes: Record<TableName, unknown[]>;
}

/** The ids the script has put in each tab, to notice rows people deleted. */
export interface IdIndex {
  /** the signature of each tab's ids after the last run, or null when none was kept */
  signature(table: TableName): string | null;
  /** every id the tab held after the last run (read only when the signature shows a change) */
  knownIds(table: TableName): string[];
}

export interface SyncContext {
  member: string;
  now: Date;
  newId: () => string;
  /** the last revision handed out */
  rev: number;
  /** the spreadsheet's time zone */
  clock: WallClock;
  ids: IdIndex;
  /** when the answer is one page of many: the highest revision it carries, and how many changes it leaves */
  page?: { end: number | null; remaining: number };
  /** whether a record may be given this owner (a member of the team); any owner when absent */
  owners?: { mayAssign(email: string): boolean };
}

export interface IndexUpdate {
  /** ids to add to the index */
  append: string[];
  /** no index was kept yet: write every id as the index */
  rebuild: string[] | null;
  signature: string;
}

export interface SyncPlan {
  response: SyncSuccess;
  tabs: Record<TableName, TabModel>;
  /** the last revision handed out after this run */
  rev: number;
  index: Partial<Record<TableName, IndexUpdate>>;
  /** contacts deleted in this run: their history in the yearly archives loses its personal text too */
  erased: string[];
}

export const SHEET_EDITOR = 'sheet';
const BASE_COLUMNS = ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted'] as const;
const computed = new Set<string>(computedContactFields);

/** Order-free fingerprint of a set of ids: their count and the sum of their hashes. */
export function idSignature(ids: Iterable<string>): string {
  let count = 0;
  let sum = 0;
  for (const id of ids) {
    count++;
    sum = (sum + hashNumber(id)) % 2 ** 52;
  }
  return `${count}:${sum}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const idOf = (raw: unknown) =>
  raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id.slice(0, 64) : '';

export function planSync(input: SyncInput, reads: Record<TableName, TabRead>, context: SyncContext): SyncPlan {
  const nowMs = context.now.getTime();
  const nowIso = context.now.toISOString();
  const tabs = {} as Record<TableName, TabModel>;
  for (const table of tableNames) tabs[table] = new TabModel(table, reads[table], context.clock);
  let rev = highestRev(context.rev, Object.values(tabs));
  const nextRev = () => ++rev;

  const rejected: RejectedRecord[] = [];
  const conflicts: Conflict[] = [];
  const sheetProblems: SheetProblem[] = [];
  const winners = new Map<TableName, Set<RowState>>(tableNames.map((t) => [t, new Set()]));
  /** contacts deleted in this run → who deleted them */
  const erased = new Map<string, string>();
  const index: SyncPlan['index'] = {};
  const byIdOf = new Map<TableName, Map<string, RowState>>();
  /** every id each tab holds, read whole or not, and the ids this run adds */
  const presentOf = new Map<TableName, Set<string>>();
  const freshOf = new Map<TableName, string[]>();
  /** the member's own records as they sent them: not sent back when the sheet ends up holding just that */
  const sentVersion = new Map<RowState, string>();
  /** rows people added, made records in this run */
  const madeNow = new Set<RowState>();

  for (const table of tableNames) {
    const tab = tabs[table];
    for (const problem of tab.problems) sheetProblems.push(problem);
    if (!BASE_COLUMNS.every((field) => tab.has(field))) continue;
    const byId = new Map<string, RowState>();
    const fresh: string[] = [];
    byIdOf.set(table, byId);
    freshOf.set(table, fresh);
    const missing = readIds(table, tab, byId, fresh);
    for (const id of missing) deletedRow(table, id);
    for (const row of [...byId.values()]) if (!madeNow.has(row)) sheetEdits(table, row);
    for (const raw of input.changes[table]) {
      try {
        mergeIncoming(table, raw);
      } catch (error) {
        // One poisonous record must not stop the ones behind it.
        console.error(error);
        rejected.push({ table, id: idOf(raw), errors: [`the sheet could not store this record: ${error instanceof Error ? error.message : String(error)}`] });
      }
    }
  }
  for (const table of tableNames) {
    if (byIdOf.has(table)) continue;
    for (const raw of input.changes[table]) {
      conflicts.push({ table, id: idOf(raw), reason: 'unwritable', message: `The ${tabs[table].spec.tab} tab lacks Rapport's id or timestamp columns, so nothing can be stored there until set-up repairs it.` });
    }
  }
  eraseLinkedText();

  const since = input.since > rev ? 0 : input.since; // a cursor from the future: the sheet was restored
  const pageEnd = context.page?.end ?? null;
  const changes = {} as Record<TableName, unknown[]>;
  for (const table of tableNames) {
    const tab = tabs[table];
    const rows = new Set([...(byIdOf.get(table)?.values() ?? [])].filter((row) => row.rev !== null && row.rev > since && (pageEnd === null || row.rev <= pageEnd)));
    for (const row of winners.get(table)!) rows.add(row);
    const out: unknown[] = [];
    for (const row of [...rows].sort((a, b) => (a.rev ?? 0) - (b.rev ?? 0))) {
      const { record, unknownFields } = tab.recordOf(row);
      // What the member sent, stored just as sent, goes back only as the new cursor.
      if (!winners.get(table)!.has(row) && sentVersion.get(row) === JSON.stringify(record)) continue;
      out.push(unknownFields.length > 0 ? { ...record, unknownFields } : record);
    }
    changes[table] = out;
  }
  const paged = pageEnd !== null;
  return {
    response: {
      ok: true,
      cursor: paged ? pageEnd : rev,
      serverTime: nowIso,
      changes: changes as unknown as SyncChanges,
      rejected,
      conflicts,
      sheetProblems,
      ...(paged ? { more: true, remaining: (context.page?.remaining ?? 0) + countChangedAfter(pageEnd) } : {}),
    },
    tabs,
    rev,
    index,
    erased: [...erased.keys()],
  };

  /** Rows this run changed whose new revision lies beyond the page: they come with a later page. */
  function countChangedAfter(end: number): number {
    let count = 0;
    for (const byId of byIdOf.values()) for (const row of byId.values()) if (row.rev !== null && row.rev > context.rev && row.rev > end) count++;
    return count;
  }

  function problem(table: TableName, row: RowState, column: string, error: string) {
    sheetProblems.push({ tab: tabs[table].spec.tab, row: row.index + 2, column, errors: [error] });
  }

  /**
   * Each row's id: a repeated id is a copied row and becomes a record of its own; a cleared id is
   * put back where the row's hidden hash says whose it was; ids the tab held last time and lost
   * are returned (rows people deleted).
   */
  function readIds(table: TableName, tab: TabModel, byId: Map<string, RowState>, fresh: string[]): Set<string> {
    const withoutId: RowState[] = [];
    const present = new Set(tab.idsAsRead.filter((id) => isRecordId(id)));
    presentOf.set(table, present);
    for (const row of tab.rows) {
      if (row.id !== '' && !isRecordId(row.id)) {
        problem(table, row, 'id', `"${row.id}" is not a Rapport id; the row was given a new one`);
        row.id = '';
      } else if (row.id !== '' && byId.has(row.id)) {
        problem(table, row, 'id', `this row repeats the id of row ${byId.get(row.id)!.index + 2} (a copied row?); it became a record of its own`);
        row.id = '';
        row.hashes = { kind: 'none' };
      }
      if (row.id === '') withoutId.push(row);
      else byId.set(row.id, row);
    }
    const stored = context.ids.signature(table);
    const unchanged = stored !== null && stored === idSignature(present);
    const known = unchanged || stored === null ? [] : context.ids.knownIds(table);
    const knownSet = new Set(known);
    const missing = new Set(known.filter((id) => !present.has(id)));
    for (const id of present) if (!unchanged && stored !== null && !knownSet.has(id)) fresh.push(id);

    for (const row of withoutId) {
      const storedIdHash = row.hashes.kind === 'fields' ? row.hashes.byCode.get(fieldCode('id')) : undefined;
      const restored = storedIdHash ? [...missing].find((id) => valueHash(id) === storedIdHash) : undefined;
      if (restored) {
        missing.delete(restored);
        present.add(restored);
        row.id = restored;
        row.edited.delete('id');
        row.unreadable.delete('id');
        row.values.id = restored;
        byId.set(restored, row);
        tab.setCells(row.index, new Map([['id', restored]]));
        problem(table, row, 'id', 'the id of this row had been cleared; Rapport put it back');
        continue;
      }
      // A row a person added (or copied): a record of its own, made in the sheet now.
      row.id = context.newId();
      madeNow.add(row);
      present.add(row.id);
      fresh.push(row.id);
      byId.set(row.id, row);
      row.times.clear();
      const record = recordFrom(table, row, { id: row.id, createdAt: nowIso, updatedAt: nowIso, updatedBy: SHEET_EDITOR });
      if (!record) continue;
      row.rev = nextRev();
      if (record.deleted) erase(table, row, record.createdAt, nowIso, SHEET_EDITOR);
      else tabs[table].writeRecord(row, record, ['id', 'createdAt', 'updatedAt', 'updatedBy']);
    }
    index[table] = { append: fresh, rebuild: stored === null ? fresh : null, signature: '' };
    if (stored === null) {
      const already = new Set(fresh);
      for (const id of present) if (!already.has(id)) fresh.push(id);
    }
    return missing;
  }

  /** A row a person deleted: the record is deleted for everyone, as a tombstone row. */
  function deletedRow(table: TableName, id: string) {
    const row = tabs[table].appendRow(id);
    byIdOf.get(table)!.set(id, row);
    presentOf.get(table)!.add(id);
    row.rev = nextRev();
    erase(table, row, nowIso, nowIso, SHEET_EDITOR);
    problem(table, row, 'id', 'this record’s row was deleted in the sheet; it is deleted for everyone and kept here as a tombstone');
  }

  /** People's edits of an existing record: each edited field is stamped now, by the sheet. */
  function sheetEdits(table: TableName, row: RowState) {
    const tab = tabs[table];
    const edited = [...row.edited].filter((field) => field !== 'id' && !row.unreadable.has(field));
    const brokenBase = ['createdAt', 'updatedAt', 'updatedBy'].filter((field) => row.unreadable.has(field) || row.values[field] === undefined);
    if (edited.length === 0 && brokenBase.length === 0 && !row.staleBookkeeping) return;
    if (row.wasDeleted) {
      // A tombstone stays one: what a person typed into it is cleared again.
      const tombstone = tombstoneOf(table, row.id, String(row.values.createdAt ?? nowIso), String(row.values.updatedAt ?? nowIso), String(row.values.updatedBy ?? SHEET_EDITOR));
      row.rev ??= nextRev();
      tab.writeRecord(row, tombstone, [...edited, ...brokenBase, 'deleted']);
      if (edited.length > 0) problem(table, row, 'deleted', 'a deleted record cannot be edited; Rapport cleared the row again');
      return;
    }
    for (const field of edited) row.times.set(field, nowMs);
    const base: Record<string, unknown> = {};
    if (brokenBase.includes('createdAt')) base.createdAt = nowIso;
    if (edited.length > 0 || brokenBase.length > 0) Object.assign(base, { updatedAt: nowIso, updatedBy: SHEET_EDITOR });
    const record = recordFrom(table, row, { id: row.id, ...base });
    if (!record) return;
    row.rev = nextRev();
    if (record.deleted) erase(table, row, record.createdAt, nowIso, SHEET_EDITOR);
    else tab.writeRecord(row, record, Object.keys(base));
  }

  /** The record a row now holds, with base fields set; null (and a problem) when it cannot be one. */
  function recordFrom(table: TableName, row: RowState, base: Record<string, unknown>): AnyRecord | null {
    const parsed = recordSchemas[table].safeParse({ ...row.values, ...base });
    if (parsed.success) return parsed.data as AnyRecord;
    sheetProblems.push({ tab: tabs[table].spec.tab, row: row.index + 2, errors: issueMessages(parsed.error) });
    return null;
  }

  /** Deletes a record for everyone: its row keeps only id, times and the tick. */
  function erase(table: TableName, row: RowState, createdAt: string, updatedAt: string, by: string) {
    const tombstone = tombstoneOf(table, row.id, createdAt, updatedAt, by);
    for (const field of contentFields(table)) row.times.delete(field);
    tabs[table].writeRecord(row, tombstone, ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted', ...contentFields(table)]);
    if (table === 'contacts') erased.set(row.id, by);
  }

  function mergeIncoming(table: TableName, raw: unknown) {
    const tab = tabs[table];
    const byId = byIdOf.get(table)!;
    const parsed = canonicalRecord(table, (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>);
    if (!parsed.success) {
      rejected.push({ table, id: idOf(raw), errors: issueMessages(parsed.error) });
      return;
    }
    const incoming = parsed.data as AnyRecord;
    const values = incoming as unknown as Record<string, unknown>;
    const id = incoming.id;
    const stampOf = (iso: string | undefined) => clampToNow(iso ? Date.parse(iso) : NaN, nowMs);
    const existing = byId.get(id);
    if (!existing && presentOf.get(table)!.has(id)) throw new Error(`${tab.spec.tab} holds ${id} but its row was not read`);

    if (existing?.values.deleted === true) {
      if (!incoming.deleted) {
        conflicts.push({ table, id, reason: 'deleted', message: 'This record was deleted; your later change to it was not kept.' });
        winners.get(table)!.add(existing);
      }
      return;
    }
    if (incoming.deleted) {
      const row = existing ?? tabs[table].appendRow(id);
      if (!existing) {
        byId.set(id, row);
        presentOf.get(table)!.add(id);
        freshOf.get(table)!.push(id);
      }
      row.rev = nextRev();
      const createdAt = String(existing?.values.createdAt ?? new Date(stampOf(incoming.createdAt)).toISOString());
      erase(table, row, createdAt, new Date(stampOf(incoming.updatedAt)).toISOString(), context.member);
      return;
    }

    const sent = fieldTimesSchema.safeParse((raw as { fieldTimes?: unknown }).fieldTimes);
    const fieldTimes = sent.success ? sent.data : undefined;
    const editable = contentFields(table).filter((field) => !(table === 'contacts' && computed.has(field)));
    if (!existing) {
      const row = tab.appendRow(id);
      byId.set(id, row);
      presentOf.get(table)!.add(id);
      freshOf.get(table)!.push(id);
      const created = stampOf(incoming.createdAt);
      for (const field of editable) {
        const at = fieldTimes?.[field] ? stampOf(fieldTimes[field]) : NaN;
        if (at > created) row.times.set(field, at);
      }
      const clean: Record<string, unknown> = { ...values };
      if (table === 'contacts') for (const field of computed) delete clean[field];
      const owner = String(clean.owner ?? '');
      if (owner !== '' && context.owners && !context.owners.mayAssign(owner)) {
        clean.owner = '';
        conflicts.push({ table, id, field: 'owner', reason: 'not_allowed', message: `${owner} is not a member of the team, so the record was saved without an owner.` });
      }
      const record = recordSchemas[table].parse({
        ...clean,
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(Math.max(created, stampOf(incoming.updatedAt))).toISOString(),
        updatedBy: context.member,
      }) as AnyRecord;
      row.rev = nextRev();
      tab.writeRecord(row, record, ['id', 'createdAt', 'updatedAt', 'updatedBy', 'deleted', ...contentFields(table)]);
      unwritable(table, id, editable.filter((field) => !tab.has(field) && !same(values[field], emptyValue(table, field))));
      sentVersion.set(row, JSON.stringify({ ...incoming, updatedBy: context.member }));
      return;
    }

    // Field by field: the fields this member changed and when, each against the field's last change.
    const current = existing.values;
    const edits = new Map<string, number>();
    for (const field of editable) {
      if (fieldTimes) {
        if (fieldTimes[field]) edits.set(field, stampOf(fieldTimes[field]));
      } else if (!same(values[field], current[field])) {
        edits.set(field, stampOf(incoming.updatedAt));
      }
    }
    const applied: string[] = [];
    const cannotWrite: string[] = [];
    const owner = edits.has('owner') ? String(values.owner ?? '') : '';
    if (owner !== '' && context.owners && !context.owners.mayAssign(owner)) {
      edits.delete('owner');
      conflicts.push({ table, id, field: 'owner', reason: 'not_allowed', message: `${owner} is not a member of the team, so the record’s owner was not changed.` });
      winners.get(table)!.add(existing);
    }
    const createdMs = Date.parse(String(current.createdAt ?? '')) || 0;
    for (const [field, at] of edits) {
      const equal = same(values[field], current[field]);
      if (!tab.has(field)) {
        if (!equal) cannotWrite.push(field);
        continue;
      }
      const lastChange = existing.times.get(field) ?? createdMs;
      const broken = existing.unreadable.has(field);
      if (broken || editWins(at, lastChange)) {
        if (equal && !broken) continue;
        current[field] = values[field];
        existing.times.set(field, at);
        applied.push(field);
      } else if (!equal) {
        const header = tab.spec.columns.find((c) => c.field === field)?.header ?? field;
        conflicts.push({ table, id, field, reason: 'newer', message: `${header} was changed later (${new Date(lastChange).toISOString()}), so your earlier change was not kept.` });
        winners.get(table)!.add(existing);
      }
    }
    unwritable(table, id, cannotWrite);
    if (cannotWrite.length > 0) winners.get(table)!.add(existing);
    if (applied.length === 0) return;
    const latest = Math.max(...applied.map((field) => existing.times.get(field)!), Date.parse(String(current.updatedAt ?? '')) || 0);
    const record = recordSchemas[table].parse({ ...current, id, updatedAt: new Date(latest).toISOString(), updatedBy: context.member }) as AnyRecord;
    existing.rev = nextRev();
    tab.writeRecord(existing, record, [...applied, 'updatedAt', 'updatedBy']);
    if (existing.unreadable.size === 0 && !existing.edited.size) sentVersion.set(existing, JSON.stringify({ ...incoming, updatedBy: context.member }));
  }

  function unwritable(table: TableName, id: string, fields: string[]) {
    for (const field of fields) {
      const header = tabs[table].spec.columns.find((c) => c.field === field)?.header ?? field;
      conflicts.push({ table, id, field, reason: 'unwritable', message: `The ${tabs[table].spec.tab} tab has no usable "${header}" column, so this ${header.toLowerCase()} is kept only in your browser until set-up repairs the column.` });
    }
  }

  /** A deleted contact's interactions, deals and follow-ups keep their figures but lose their personal text. */
  function eraseLinkedText() {
    for (const [contactId, by] of erased) {
      for (const table of contactLinkedTables) {
        const tab = tabs[table];
        const byId = byIdOf.get(table);
        if (!byId || !tab.has('contactId')) continue;
        for (const row of byId.values()) {
          if (row.values.contactId !== contactId || row.values.deleted === true) continue;
          const fields = personalFields(table).filter((field) => tab.has(field) && !same(row.values[field], emptyValue(table, field)));
          if (fields.length === 0) continue;
          const values: Record<string, unknown> = { ...row.values, updatedAt: nowIso, updatedBy: by };
          for (const field of fields) {
            values[field] = emptyValue(table, field);
            row.times.set(field, nowMs);
          }
          const record = recordSchemas[table].parse(values) as AnyRecord;
          row.rev = nextRev();
          tab.writeRecord(row, record, [...fields, 'updatedAt', 'updatedBy']);
        }
      }
    }
    for (const [table, present] of presentOf) index[table]!.signature = idSignature(present);
  }
}

function tombstoneOf(table: TableName, id: string, createdAt: string, updatedAt: string, updatedBy: string): AnyRecord {
  return recordSchemas[table].parse({ id, createdAt, updatedAt, updatedBy, deleted: true }) as AnyRecord;
}
