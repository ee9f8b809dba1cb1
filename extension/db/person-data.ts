import type { Company, Contact, Deal, FollowUp, Interaction } from '../../shared/records';
import type { RapportDatabase } from './database';

/** Everything this browser holds about one person. */
export interface PersonRecords {
  contact: Contact;
  company: Company | null;
  interactions: Interaction[];
  deals: Deal[];
  followUps: FollowUp[];
}

export async function personRecords(db: RapportDatabase, contactId: string): Promise<PersonRecords | null> {
  const contact = await db.contacts.get(contactId);
  if (!contact || contact.deleted) return null;
  const [interactions, deals, followUps, company] = await Promise.all([
    db.interactions.where('[contactId+occurredAt]').between([contactId, ''], [contactId, '\uffff']).toArray(),
    db.deals.where('contactId').equals(contactId).toArray(),
    db.followUps.where('contactId').equals(contactId).toArray(),
    contact.companyId ? db.companies.get(contact.companyId) : Promise.resolve(undefined),
  ]);
  const living = <T extends { deleted: boolean }>(records: T[]) => records.filter((r) => !r.deleted);
  return { contact, company: company && !company.deleted ? company : null, interactions: living(interactions), deals: living(deals), followUps: living(followUps) };
}
