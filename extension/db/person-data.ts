import type { Company, Contact, Deal, FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';

/** Everything this browser holds about one person. */
export interface PersonRecords {
  contact: Contact;
  company: Company | null;
  interactions: Interaction[];
  deals: Deal[];
  followUps: FollowUp[];
  /**
   * Where the interactions read stop when only the newest were read (see personRecords): what is
   * later than this is whole; absent when every interaction was read.
   */
  newerThan?: string;
}

export async function personRecords(db: RapportDatabase, contactId: string, newest = Infinity): Promise<PersonRecords | null> {
  const contact = await db.contacts.get(contactId);
  if (!contact || contact.deleted) return null;
  const [interactions, deals, followUps, company] = await Promise.all([
    interactionsOf(db, contactId, newest),
    db.deals.where('contactId').equals(contactId).toArray(),
    db.followUps.where('contactId').equals(contactId).toArray(),
    contact.companyId ? db.companies.get(contact.companyId) : Promise.resolve(undefined),
  ]);
  const living = <T extends { deleted: boolean }>(records: T[]) => records.filter((r) => !r.deleted);
  return {
    contact, company: company && !company.deleted ? company : null, interactions: living(interactions.read), deals: living(deals), followUps: living(followUps),
    ...(interactions.newerThan ? { newerThan: interactions.newerThan } : {}),
  };
}

interface Newest {
  read: Interaction[];
  newerThan?: string;
}

/**
 * A contact's interactions: all of them, or only the `newest` latest by when they happened and
 * those without a time (they count by when they were written). A page shows these first; reading
 * all of a long history takes longer.
 */
async function interactionsOf(db: RapportDatabase, contactId: string, newest: number): Promise<Newest> {
  const byTime = () => db.interactions.where('[contactId+occurredAt]');
  if (!Number.isFinite(newest)) return { read: await byTime().between([contactId, ''], [contactId, '\uffff']).toArray() };
  const [dated, undated] = await Promise.all([
    byTime().between([contactId, ''], [contactId, '\uffff'], false, true).reverse().limit(newest).toArray(),
    byTime().equals([contactId, '']).toArray(),
  ]);
  const read = [...dated, ...undated];
  // Others at the same moment as the last one read may not have been read.
  return dated.length < newest ? { read } : { read, newerThan: dated[dated.length - 1]!.occurredAt };
}
