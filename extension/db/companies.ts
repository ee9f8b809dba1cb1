import type { Company } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeRecord, type Draft } from './write-record';

/** `https://www.acme.test/about` → `acme.test`; an email's domain when there is no website. */
export function domainOf(website: string, emails: readonly string[] = []): string {
  try {
    if (website) return new URL(website.includes('://') ? website : `https://${website}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    // not a URL: fall back to the email's domain
  }
  return (emails[0]?.split('@')[1] ?? '').toLowerCase();
}

export async function findCompanyByDomain(db: RapportDatabase, domain: string): Promise<Company | undefined> {
  if (!domain) return undefined;
  return (await db.companies.where('domain').equals(domain).toArray()).find((c) => !c.deleted);
}

export function saveCompany(db: RapportDatabase, draft: Draft<'companies'>, author: string): Promise<Company> {
  return writeRecord(db, 'companies', { ...draft, ...(draft.domain ? { domain: draft.domain.toLowerCase() } : {}) }, author);
}
