import { contentFields, emptyValue } from '../../shared/merge';
import { newId } from '../../shared/ids';
import { recordSchemas, type Contact } from '../../shared/records';
import { anyNeverLogged } from '../never-log';
import type { CheckedRow } from '../workspace/import/import-fields';
import { findMatch, saveContact } from './contacts';
import type { ImportBatch, OutboxEntry, RapportDatabase } from './database';
import { IMPORT_PENDING_KEY, importProgress, shiftImportProgress, type ImportProgress } from './import-progress';
import { sheetNow, type Draft } from './write-record';

/**
 * An import as one transaction: every good row is saved, or (on a failure or when the person
 * cancels) none is. Rows that match a known contact (same email, else same phone) or an earlier
 * row of the file are duplicates, skipped, merged into the known contact, or saved as new, as the
 * person chooses.
 */

export type Duplicate = { kind: 'existing'; contactId: string; name: string; by: 'email' | 'phone' } | { kind: 'file'; line: number };

export interface PlannedRow {
  line: number;
  draft: Draft<'contacts'>;
  duplicate: Duplicate | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** rows that cannot be imported, with why (including addresses on the never-log list) */
  bad: CheckedRow[];
}

export type DuplicateChoice = 'skip' | 'update' | 'new';

const nameOf = (c: Contact) => `${c.firstName} ${c.lastName}`.trim() || c.emails[0] || '';

export async function planImport(db: RapportDatabase, checked: readonly CheckedRow[], neverLog: readonly string[] = []): Promise<ImportPlan> {
  // An earlier import still being added (from another tab) is added first, so its rows count as known.
  await addImportedContacts(db);
  const bad: CheckedRow[] = [];
  const good: { line: number; draft: Draft<'contacts'> }[] = [];
  for (const row of checked) {
    if (!row.draft) bad.push(row);
    else if (anyNeverLogged(row.draft.emails ?? [], neverLog)) bad.push({ line: row.line, draft: null, problems: [{ key: 'neverLog', value: (row.draft.emails ?? []).join(', ') }] });
    else good.push({ line: row.line, draft: row.draft });
  }
  const emails = [...new Set(good.flatMap((r) => r.draft.emails ?? []))];
  const phones = [...new Set(good.flatMap((r) => r.draft.phones ?? []))];
  const byEmail = new Map<string, Contact>();
  const byPhone = new Map<string, Contact>();
  if (emails.length) for (const c of await db.contacts.where('emails').anyOf(emails).toArray()) if (!c.deleted) for (const e of c.emails) byEmail.set(e, c);
  if (phones.length) for (const c of await db.contacts.where('phones').anyOf(phones).toArray()) if (!c.deleted) for (const p of c.phones) byPhone.set(p, c);
  const seenEmail = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const rows = good.map(({ line, draft }): PlannedRow => {
    let duplicate: Duplicate | null = null;
    const email = (draft.emails ?? []).find((e) => byEmail.has(e));
    const phone = (draft.phones ?? []).find((p) => byPhone.has(p));
    const known = email ? byEmail.get(email) : phone ? byPhone.get(phone) : undefined;
    if (known) duplicate = { kind: 'existing', contactId: known.id, name: nameOf(known), by: email ? 'email' : 'phone' };
    else {
      const earlier = (draft.emails ?? []).map((e) => seenEmail.get(e)).find((l) => l !== undefined) ?? (draft.phones ?? []).map((p) => seenPhone.get(p)).find((l) => l !== undefined);
      if (earlier !== undefined) duplicate = { kind: 'file', line: earlier };
    }
    for (const e of draft.emails ?? []) if (!seenEmail.has(e)) seenEmail.set(e, line);
    for (const p of draft.phones ?? []) if (!seenPhone.has(p)) seenPhone.set(p, line);
    return { line, draft, duplicate };
  });
  return { rows, bad };
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was saved.');
  }
}

/** Contacts per saved part: one record of about a megabyte, and one transaction when added. */
const CHUNK = 2000;

/** A known contact's empty fields filled from the row, its lists joined with the row's. */
function fillIn(known: Contact, draft: Draft<'contacts'>): Draft<'contacts'> {
  const patch: Record<string, unknown> = { id: known.id };
  const values = draft as Record<string, unknown>;
  const current = known as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(values)) {
    if (field === 'source' || field === 'stage') continue;
    if (Array.isArray(value)) patch[field] = [...new Set([...((current[field] as string[]) ?? []), ...(value as string[])])].slice(0, 50);
    else if (!current[field] && value) patch[field] = value;
  }
  return patch as Draft<'contacts'>;
}

/**
 * Saves an import whole, in one transaction: every good row, or (on a failure or when the person
 * cancels) none. Each IndexedDB record costs a write of its own, and a contact's list row and search
 * words many more, so 100,000 contacts written one by one take most of a minute; saved as parts of
 * 2,000 rows they take a second. addImportedContacts then moves each part into the contact tables
 * in a transaction of its own, so a row is always either waiting or added, never both.
 */
export async function importContacts(
  db: RapportDatabase,
  rows: readonly PlannedRow[],
  choice: DuplicateChoice,
  author: string,
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ created: number; updated: number; skipped: number }> {
  // A row repeating an earlier row of the file is skipped unless every row is to be saved as new.
  const fresh = rows.filter((r) => !r.duplicate || choice === 'new');
  const updates = choice === 'update' ? rows.filter((r) => r.duplicate?.kind === 'existing') : [];
  const skipped = rows.length - fresh.length - updates.length;
  const total = fresh.length + updates.length;
  const who = author || 'me';
  let done = 0;
  await db.transaction('rw', [db.importBatches, db.meta], async () => {
    const savedAt = new Date(await sheetNow(db)).toISOString();
    const save = async (batch: Omit<ImportBatch, 'author' | 'savedAt' | 'rows'>, count: number) => {
      if (options.signal?.aborted) throw new ImportCancelled();
      await db.importBatches.add({ author: who, savedAt, rows: count, ...batch });
      done += count;
      options.onProgress?.({ done, total });
    };
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const part = fresh.slice(start, start + CHUNK);
      await save({ drafts: JSON.stringify(part.map((row) => row.draft)), updates: [] }, part.length);
    }
    for (let start = 0; start < updates.length; start += CHUNK) {
      const part = updates.slice(start, start + CHUNK);
      const known = part.map((row) => ({ contactId: (row.duplicate as Extract<Duplicate, { kind: 'existing' }>).contactId, draft: row.draft as Partial<Contact> }));
      await save({ drafts: '[]', updates: known }, part.length);
    }
    if (total === 0) return;
    await shiftImportProgress(db, { total });
  });
  return { created: fresh.length, updated: updates.length, skipped };
}

/** New contacts of a saved part, each with its outbox entry naming the fields it fills. */
function newContacts(batch: ImportBatch): { contacts: Contact[]; entries: OutboxEntry[] } {
  const fields = contentFields('contacts');
  const empties = new Map(fields.map((f) => [f, JSON.stringify(emptyValue('contacts', f) ?? null)]));
  const contacts: Contact[] = [];
  const entries: OutboxEntry[] = [];
  const { savedAt: stamp, author } = batch;
  for (const draft of JSON.parse(batch.drafts) as Draft<'contacts'>[]) {
    // The check parsed every row with this schema already; a row failing here (a newer version's
    // stricter schema) sets its part aside rather than losing it.
    const record = recordSchemas.contacts.parse({ ...draft, id: newId(), createdAt: stamp, updatedAt: stamp, updatedBy: author }) as Contact;
    contacts.push(record);
    const values = record as unknown as Record<string, unknown>;
    const changed = fields.filter((f) => JSON.stringify(values[f] ?? null) !== empties.get(f));
    entries.push({ table: 'contacts', id: record.id, queuedAt: stamp, fields: Object.fromEntries(changed.map((f) => [f, stamp])) });
  }
  return { contacts, entries };
}

/** The known contact a row merges into: the one chosen at the check, else (merged or gone since) the one that has its email or phone now. */
async function mergeTarget(db: RapportDatabase, update: ImportBatch['updates'][number]): Promise<Contact | null> {
  const known = await db.contacts.get(update.contactId);
  if (known && !known.deleted) return known;
  // An erased contact is found by neither, so the erasure wins.
  return (await findMatch(db, { emails: update.draft.emails ?? [], phones: update.draft.phones ?? [], firstName: '', lastName: '', company: '' }))?.contact ?? null;
}

/** Adds one saved part to the contact tables, in one transaction; false when none waits. */
function addPart(db: RapportDatabase): Promise<ImportProgress | false> {
  return db.transaction('rw', [db.importBatches, db.contacts, db.outbox, db.meta], async () => {
    const batch = await db.importBatches.orderBy(':id').first();
    if (!batch) {
      await db.meta.delete(IMPORT_PENDING_KEY);
      return false;
    }
    try {
      const { contacts, entries } = newContacts(batch);
      if (contacts.length) {
        await db.contacts.bulkAdd(contacts);
        await db.outbox.bulkAdd(entries);
      }
      for (const update of batch.updates) {
        const target = await mergeTarget(db, update);
        if (target) await saveContact(db, fillIn(target, update.draft as Draft<'contacts'>), batch.author);
      }
    } catch (error) {
      throw new PartFailed(batch, error);
    }
    await db.importBatches.delete(batch.seq!);
    return shiftImportProgress(db, { done: batch.rows });
  });
}

class PartFailed extends Error {
  constructor(readonly batch: ImportBatch, readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Adds saved imports to the contact tables, a part per transaction, until none waits. The workspace
 * runs it after an import and the service worker too, so an import whose page was closed half-way
 * through adding carries on; two of them at once each take a different part. A part that cannot
 * be added (its transaction undone) is set aside with why, so it blocks neither the rest nor later
 * imports (see importFailures). Answers how many rows were added by the imports it finished.
 */
export async function addImportedContacts(db: RapportDatabase, onProgress?: (progress: ImportProgress) => void): Promise<number> {
  let added = 0;
  // The pending count is written with the parts, so without it nothing waits (and nothing is written).
  if (!(await importProgress(db))) return added;
  for (;;) {
    let progress: ImportProgress | false;
    try {
      progress = await addPart(db);
    } catch (error) {
      if (!(error instanceof PartFailed)) throw error;
      progress = await setAside(db, error);
    }
    if (!progress) return added;
    added = progress.done;
    onProgress?.(progress);
  }
}

/** Moves a part that failed out of the way, with why; it no longer counts as waiting. */
function setAside(db: RapportDatabase, failed: PartFailed): Promise<ImportProgress> {
  return db.transaction('rw', [db.importBatches, db.importFailures, db.meta], async () => {
    const { seq, ...batch } = failed.batch;
    // Another adder may have set it aside already.
    if (!(await db.importBatches.get(seq!))) return (await importProgress(db)) ?? { done: 0, total: 0 };
    await db.importBatches.delete(seq!);
    await db.importFailures.add({ batch, reason: failed.message });
    return shiftImportProgress(db, { total: -batch.rows });
  });
}

/** Puts the parts that could not be added back in line (addImportedContacts then tries them again), or drops them. */
export async function settleFailedImports(db: RapportDatabase, choice: 'retry' | 'discard'): Promise<void> {
  await db.transaction('rw', [db.importBatches, db.importFailures, db.meta], async () => {
    const failures = await db.importFailures.toArray();
    if (failures.length === 0) return;
    await db.importFailures.clear();
    if (choice === 'discard') return;
    await db.importBatches.bulkAdd(failures.map((f) => f.batch));
    await shiftImportProgress(db, { total: failures.reduce((sum, f) => sum + f.batch.rows, 0) });
  });
}
