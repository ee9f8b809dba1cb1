import type { Candidate } from './candidate';
import { combine } from './merge';
import { genericMailbox } from './mailto';
import { legalForm } from './signature-patterns';
import { domainOf, emailDomain, hostOf, isFreeMail } from './url';

// Which organisations on a page deserve a company card, and whose company they are. A blog, a
// news site or a page with no people is no company to save; an organisation is real when it says
// so itself (a legal form, a schema.org Organization in JSON-LD, microdata or RDFa), when the
// page's people have their addresses at its domain, or when it publishes a role address there
// (info@, sales@, kontakt@). Role addresses belong to the organisation's card, never to a person.

const schemaOrgSources = new Set<Candidate['source']>(['json-ld', 'microdata', 'rdfa']);
// hello@ and mail@ are how individuals write too: no evidence of a company.
const personalMailbox = /^(?:hello|hallo|hi|mail|post|me|kontakt\.privat)@/i;

const organisationDomain = (c: Candidate) => domainOf(c.website, c.emails.filter((e) => !isFreeMail(e)));

export function settleOrganisations(cards: Candidate[], url: string): Candidate[] {
  const people = cards.filter((c) => c.role !== 'organization');
  // How many people have their address at each domain.
  const peopleAt = new Map<string, number>();
  for (const domain of people.flatMap((p) => [...new Set(p.emails.filter((e) => !isFreeMail(e)).map(emailDomain))])) peopleAt.set(domain, (peopleAt.get(domain) ?? 0) + 1);
  // Role addresses found as nameless "organisations" by the link reader, by domain.
  const roleCards = cards.filter((c) => c.role === 'organization' && !c.name && c.emails.length && c.emails.every((e) => genericMailbox.test(e)));
  const roleDomains = new Set(roleCards.flatMap((c) => c.emails.filter((e) => !personalMailbox.test(e) && !isFreeMail(e)).map(emailDomain)));

  const isReal = (org: Candidate) => {
    const domain = organisationDomain(org);
    // A site where one person has an address is as likely their own (a blog, a portfolio) as a company's.
    const staff = peopleAt.get(domain) ?? 0;
    return schemaOrgSources.has(org.source) || legalForm.test(org.name) || legalForm.test(org.company) ||
      (domain !== '' && (staff >= (org.source === 'site' ? 2 : 1) || roleDomains.has(domain))) ||
      org.emails.some((e) => genericMailbox.test(e) && !personalMailbox.test(e) && emailDomain(e) === domain);
  };
  // Each real organisation as it ends up (with the role addresses at its domain), by its card.
  const organisations = new Map(cards.filter((c) => c.role === 'organization' && c.name && isReal(c)).map((c) => [c, c]));
  const host = hostOf(url).replace(/^www\./, '');
  for (const role of roleCards) {
    const domain = emailDomain(role.emails[0]);
    const owner = [...organisations.keys()].find((o) => organisationDomain(o) === domain) ??
      [...organisations.keys()].find((o) => organisationDomain(o) === host && domain.endsWith(`.${host}`));
    if (owner) organisations.set(owner, combine(organisations.get(owner)!, role));
  }

  // The organisation at a person's address domain is their company ("a person on their own company's page").
  const employers = [...organisations.values()];
  const settled = cards.flatMap((card): Candidate[] => {
    if (card.role === 'organization') return organisations.has(card) ? [organisations.get(card)!] : [];
    if (card.company || card.isSelf) return [card];
    const domains = card.emails.filter((e) => !isFreeMail(e)).map(emailDomain);
    const employer = employers.find((o) => domains.includes(organisationDomain(o)));
    return [employer ? { ...card, company: employer.name } : card];
  });
  // A page that offers nothing but a role address still offers it, named by its domain.
  if (settled.length === 0 && roleCards.length) return roleCards.map((c) => ({ ...c, name: emailDomain(c.emails[0]), company: emailDomain(c.emails[0]) }));
  return settled;
}
