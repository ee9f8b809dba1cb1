import Dexie, { type EntityTable } from 'dexie';
import type { Company, Contact, Deal, FollowUp, Interaction, TableName } from '../../shared/records';

/** A local write waiting to reach the sheet. */
export interface OutboxEntry {
  seq?: number;
  table: TableName;
  id: string;
  queuedAt: string;
  /** the fields this write changed, each with its time by the sheet's clock (absent in entries from before field merging) */
  fields?: Record<string, string>;
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
  }
}

let shared: RapportDatabase | undefined;
/** The one database of this extension page or service worker. */
export const openDatabase = () => (shared ??= new RapportDatabase());
