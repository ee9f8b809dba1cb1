import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Company, Contact, Deal, FollowUp, Interaction, TableName } from '../../shared/records';
import { contactRowOf, interactionTime, isOpenFollowUp, type ContactActivity, type ContactRow } from '../workspace/contact-rows';
import { CONTACT_COUNT_KEY } from './contact-count';
import { derivedRowsMiddleware } from './derived-rows';

/** A local write waiting to reach the sheet. */
export interface OutboxEntry {
  seq?: number;
  table: TableName;
  id: string;
  queuedAt: string;
  /** the fields this write changed, each with its time by the sheet's clock (absent in entries from before field merging) */
  fields?: Record<string, string>;
}

/** Part of an import that is saved but not yet in the contact tables (db/import-contacts.ts). */
export interface ImportBatch {
  seq?: number;
  author: string;
  /** when the import was saved: the new contacts' creation time */
  savedAt: string;
  /** how many rows the part holds (new and to merge) */
  rows: number;
  /**
   * the new contacts' fields as checked (JSON of an array of drafts): one string is stored in a
   * copy, where 2,000 objects are cloned field by field
   */
  drafts: string;
  /** rows to merge into contacts already known */
  updates: { contactId: string; draft: Partial<Contact> }[];
}

/** A saved part that could not be added, kept until the person tries again or discards it. */
export interface ImportFailure {
  seq?: number;
  batch: ImportBatch;
  reason: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * The extension's local database: every record lands here first, then syncs.
 * Schema versions are append-only; a change of indexes is a new version with its migration.
 */
export class RapportDatabase extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  companies!: EntityTable<Company, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  /** derived, local only: the workspace list's row of each living contact (db/derived-rows.ts keeps it) */
  contactRows!: EntityTable<ContactRow, 'id'>;
  /** derived, local only: each contact's last contact and next follow-up */
  contactActivity!: EntityTable<ContactActivity, 'id'>;
  /** imports saved whole, waiting to be added to the contact tables */
  importBatches!: EntityTable<ImportBatch, 'seq'>;
  /** saved parts that failed to be added (the rest of their import is added all the same) */
  importFailures!: EntityTable<ImportFailure, 'seq'>;

  constructor(name = 'rapport') {
    super(name);
    this.version(1).stores({
      contacts: 'id, *emails, *phones, lastName, updatedAt',
      companies: 'id, domain, name',
      interactions: 'id, contactId, messageId, occurredAt',
      deals: 'id, contactId, companyId',
      followUps: 'id, contactId, dueAt, status',
      outbox: '++seq, [table+id]',
      meta: 'key',
    });
    // The popup's look-ups that must stay quick with 100,000 contacts: a name (not every contact
    // of that last name), a contact's newest interactions, what is due, who has a keep-in-touch
    // cadence (contacts without one are not in that index).
    this.version(2).stores({
      contacts: 'id, *emails, *phones, lastName, updatedAt, [lastName+firstName], keepInTouchDays',
      interactions: 'id, contactId, messageId, occurredAt, [contactId+occurredAt]',
      followUps: 'id, contactId, dueAt, status, [status+dueAt]',
    });
    // The workspace: a search index and sort keys (derived tables kept by derivedRowsMiddleware), a
    // company's people, deals by stage, a contact's open follow-ups.
    this.version(3)
      .stores({
        contacts: 'id, *emails, *phones, lastName, updatedAt, [lastName+firstName], keepInTouchDays, companyId',
        deals: 'id, contactId, companyId, stage',
        followUps: 'id, contactId, dueAt, status, [status+dueAt], [contactId+status+dueAt]',
        contactRows: 'id, sortName, *tokens, stage, *tags, owner, rfmSegment, valueClass, atRisk, clv, companyKey, companyId',
        contactActivity: 'id, lastContactAt, nextFollowUpAt',
      })
      .upgrade(fillDerivedTables);
    // Imports: saved whole in a few large records (quick), then added to the indexed tables a part at a time.
    this.version(4).stores({ importBatches: '++seq', importFailures: '++seq' });
    this.use(derivedRowsMiddleware);
    // A new database holds no contacts: its count is known, and kept from the start.
    this.on('populate', (tx) => void tx.table('meta').add({ key: CONTACT_COUNT_KEY, value: 0 }));
  }
}

let shared: RapportDatabase | undefined;
/** The one database of this extension page or service worker. */
export const openDatabase = () => (shared ??= new RapportDatabase());

/** Every record of a table, a page at a time (getAll over key ranges: far quicker than a cursor). */
async function eachPage<T extends { id: string }>(tx: Transaction, table: string, visit: (records: T[]) => unknown) {
  let after = '';
  for (;;) {
    const page = (await tx.table(table).where(':id').above(after).limit(20_000).toArray()) as T[];
    if (page.length === 0) return;
    await visit(page);
    after = page[page.length - 1]!.id;
  }
}

/** The derived tables for a database made before they existed. */
async function fillDerivedTables(tx: Transaction) {
  await eachPage<Contact>(tx, 'contacts', (contacts) => tx.table('contactRows').bulkPut(contacts.map(contactRowOf).filter((row): row is ContactRow => row !== null)));
  const activity = new Map<string, ContactActivity>();
  const of = (id: string) => activity.get(id) ?? activity.set(id, { id }).get(id)!;
  await eachPage<Interaction>(tx, 'interactions', (interactions) => {
    for (const interaction of interactions) {
      if (interaction.deleted || !interaction.contactId) continue;
      const row = of(interaction.contactId);
      const at = interactionTime(interaction);
      if (!row.lastContactAt || at > row.lastContactAt) row.lastContactAt = at;
    }
  });
  await eachPage<FollowUp>(tx, 'followUps', (followUps) => {
    for (const followUp of followUps) {
      if (!isOpenFollowUp(followUp) || !followUp.contactId) continue;
      const row = of(followUp.contactId);
      if (!row.nextFollowUpAt || followUp.dueAt < row.nextFollowUpAt) row.nextFollowUpAt = followUp.dueAt;
    }
  });
  await tx.table('contactActivity').bulkPut([...activity.values()]);
}
