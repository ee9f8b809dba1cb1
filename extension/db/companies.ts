import type { Company } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord, type Draft } from './write-record';

export async function findCompanyByDomain(db: RapportDatabase, domain: string): Promise<Company | undefined> {
  if (!domain) return undefined;
  return (await db.companies.where('domain').equals(domain).toArray()).find((c) => !c.deleted);
}

export function saveCompany(db: RapportDatabase, draft: Draft<'companies'>, author: string): Promise<Company> {
  return writeRecord(db, 'companies', { ...draft, ...(draft.domain ? { domain: draft.domain.toLowerCase() } : {}) }, author);
}
