import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Contact, FollowUp, Interaction } from '../../shared/records';
import { contactRowOf, interactionTime, isOpenFollowUp, type ContactActivity, type ContactRow } from '../workspace/contact-rows';
import { CONTACT_COUNT_KEY } from './contact-count';

/**
 * Keeps the workspace's derived tables right on every write, whoever writes: a contact's list row
 * (contactRows) and when they were last in touch and are next due (contactActivity). It works at
 * Dexie's lowest layer, so saves from the popup, the sync's bulk writes, imports and merges are
 * all covered, in the same transaction as the write itself: the derived rows can never lag. It
 * keeps the count of list rows as well (contact-count.ts).
 */

export const CONTACT_ROWS = 'contactRows';
export const CONTACT_ACTIVITY = 'contactActivity';
const SOURCES = ['contacts', 'interactions', 'followUps'];
const DERIVED = [...SOURCES, CONTACT_ROWS, CONTACT_ACTIVITY, 'meta'];
/** DBCoreRangeType.Range and .Any (a const enum, which isolated modules cannot import) */
const RANGE = 2 as DBCoreKeyRange['type'];
const ANY = 3 as DBCoreKeyRange['type'];

export const derivedRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapportDerivedRows',
  create(down) {
    const present = new Set(down.schema.tables.map((t) => t.name));
    // Before the schema has the derived tables (an old version being upgraded), there is nothing to keep.
    if (!present.has(CONTACT_ROWS) || !present.has(CONTACT_ACTIVITY)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        // A write to a source table also writes the derived tables and reads the other sources.
        const scope = mode === 'readwrite' && stores.some((s) => SOURCES.includes(s)) ? [...new Set([...stores, ...DERIVED])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'contacts') return { ...table, mutate: (req) => mutateContacts(down, table, req) };
        if (name === 'interactions' || name === 'followUps') return { ...table, mutate: (req) => mutateHistory(down, table, name, req) };
        return table;
      },
    };
  },
};

const succeeded = <T>(values: readonly T[], result: DBCoreMutateResponse) => values.filter((_, i) => !result.failures[i]);

async function mutateContacts(down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const rows = down.table(CONTACT_ROWS);
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const result = await table.mutate(req);
    await rows.mutate({ type: 'deleteRange', trans, range: req.range });
    await keepCount(down, trans, await rows.count({ trans, query: { index: rows.schema.primaryKey, range: { type: ANY, lower: undefined, upper: undefined } } }));
    return result;
  }
  // Which list rows exist before the write, to move the count by what it adds and removes. A
  // contact added anew has none (its row exists only while it does), so imports read nothing here.
  const named = req.type === 'delete' ? req.keys : req.values.map((c: Contact) => c.id);
  const existed = req.type === 'add' ? new Set<string>() : await presentKeys(rows, trans, named as string[]);
  const result = await table.mutate(req);
  let change = 0;
  if (req.type === 'add' || req.type === 'put') {
    // The last value written for an id is the one that stays.
    const final = new Map<string, ContactRow | null>();
    for (const contact of succeeded(req.values as Contact[], result)) final.set(contact.id, contactRowOf(contact));
    const puts = [...final.values()].filter((row): row is ContactRow => row !== null);
    const gone = [...final].filter(([, row]) => row === null).map(([id]) => id);
    change = puts.filter((row) => !existed.has(row.id)).length - gone.filter((id) => existed.has(id)).length;
    if (puts.length) await rows.mutate({ type: 'put', trans, values: puts });
    if (gone.length) await rows.mutate({ type: 'delete', trans, keys: gone });
  } else {
    change = -existed.size;
    await rows.mutate({ type: 'delete', trans, keys: req.keys });
  }
  if (change !== 0) await keepCount(down, trans, (count) => count + change);
  return result;
}

async function presentKeys(table: DBCoreTable, trans: DBCoreTransaction, keys: string[]): Promise<Set<string>> {
  const found = await table.getMany({ trans, keys });
  return new Set(keys.filter((_, i) => found[i] !== undefined));
}

/** Sets the kept count of list rows, or moves it; one not counted yet is left to its first reader. */
async function keepCount(down: DBCore, trans: DBCoreTransaction, next: number | ((count: number) => number)) {
  const meta = down.table('meta');
  let value: number;
  if (typeof next === 'number') value = next;
  else {
    const [kept] = (await meta.getMany({ trans, keys: [CONTACT_COUNT_KEY] })) as ({ value: unknown } | undefined)[];
    if (typeof kept?.value !== 'number') return;
    value = next(kept.value);
  }
  await meta.mutate({ type: 'put', trans, values: [{ key: CONTACT_COUNT_KEY, value }] });
}

type HistoryRecord = Interaction | FollowUp;

async function mutateHistory(down: DBCore, table: DBCoreTable, name: 'interactions' | 'followUps', req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  // What the write replaces or removes: the contacts it named may have lost their latest entry.
  let before: HistoryRecord[] = [];
  if (req.type === 'put') before = (await table.getMany({ trans, keys: req.keys ?? req.values.map((v: HistoryRecord) => v.id) })).filter(Boolean);
  else if (req.type === 'delete') before = (await table.getMany({ trans, keys: req.keys })).filter(Boolean);
  else if (req.type === 'deleteRange') before = (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result;
  const result = await table.mutate(req);
  const after = req.type === 'add' || req.type === 'put' ? succeeded(req.values as HistoryRecord[], result) : [];
  await refreshActivity(down, trans, name, before, after);
  return result;
}

async function refreshActivity(down: DBCore, trans: DBCoreTransaction, name: 'interactions' | 'followUps', before: HistoryRecord[], after: HistoryRecord[]) {
  const changed = new Set<string>();
  for (const record of before) if (record.contactId) changed.add(record.contactId);
  const ids = [...new Set([...changed, ...after.map((r) => r.contactId).filter(Boolean)])];
  if (ids.length === 0) return;
  const activity = down.table(CONTACT_ACTIVITY);
  const current = (await activity.getMany({ trans, keys: ids })) as (ContactActivity | undefined)[];
  const field = name === 'interactions' ? 'lastContactAt' : 'nextFollowUpAt';
  const added = new Map<string, HistoryRecord[]>();
  for (const record of after) if (record.contactId) added.set(record.contactId, [...(added.get(record.contactId) ?? []), record]);

  const puts: ContactActivity[] = [];
  const gone: string[] = [];
  for (const [i, id] of ids.entries()) {
    const row: ContactActivity = { ...(current[i] ?? { id }) };
    // A contact whose earlier entry changed or went is looked up again; new entries only move the date.
    let value: string | undefined = changed.has(id) ? await lookUp(down, trans, name, id) : row[field];
    if (!changed.has(id)) {
      for (const record of added.get(id) ?? []) {
        if (name === 'interactions') {
          if (record.deleted) continue;
          const at = interactionTime(record as Interaction);
          if (!value || at > value) value = at;
        } else if (isOpenFollowUp(record as FollowUp)) {
          const due = (record as FollowUp).dueAt;
          if (!value || due < value) value = due;
        }
      }
    }
    if (value) row[field] = value;
    else delete row[field];
    if (row.lastContactAt || row.nextFollowUpAt) puts.push(row);
    else if (current[i]) gone.push(id);
  }
  if (puts.length) await activity.mutate({ type: 'put', trans, values: puts });
  if (gone.length) await activity.mutate({ type: 'delete', trans, keys: gone });
}

/** The contact's latest interaction, or earliest open follow-up, from the history's own index. */
async function lookUp(down: DBCore, trans: DBCoreTransaction, name: 'interactions' | 'followUps', contactId: string): Promise<string | undefined> {
  const table = down.table(name);
  if (name === 'interactions') {
    const index = table.schema.getIndexByKeyPath(['contactId', 'occurredAt'])!;
    const range = { type: RANGE, lower: [contactId, ''], upper: [contactId, '\uffff'], lowerOpen: false, upperOpen: false };
    const [latest] = (await table.query({ trans, values: true, limit: 1, direction: 'prev', query: { index, range } })).result as Interaction[];
    return latest ? interactionTime(latest) : undefined;
  }
  const index = table.schema.getIndexByKeyPath(['contactId', 'status', 'dueAt'])!;
  // '0' skips follow-ups without a date ('' sorts first).
  const range = { type: RANGE, lower: [contactId, 'open', '0'], upper: [contactId, 'open', '\uffff'], lowerOpen: false, upperOpen: false };
  const [next] = (await table.query({ trans, values: true, limit: 1, query: { index, range } })).result as FollowUp[];
  return next?.dueAt;
}
