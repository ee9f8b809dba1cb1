import type { Candidate } from './candidate';
import { hasContactData, makeCandidate } from './make-candidate';
import { toE164 } from './phone';
import { cleanWebsite } from './sanitize';
import { socialHost } from './signature-patterns';

// schema.org data in <script type="application/ld+json">: Person, Organization and its many
// subtypes (LocalBusiness, Dentist…), ContactPoint; @graph, arrays and nesting. Malformed blocks
// are skipped, one at a time. Microdata and RDFa readers hand their items over in the same
// JSON-LD shape (see schemaOrgCandidates), so schema.org is read in one place.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const organizationTypes = new Set([
  'organization', 'corporation', 'localbusiness', 'ngo', 'educationalorganization', 'governmentorganization',
  'medicalorganization', 'sportsorganization', 'newsmediaorganization', 'onlinebusiness', 'onlinestore', 'airline',
  'consortium', 'performinggroup', 'politicalparty', 'researchorganization', 'workersunion', 'store', 'restaurant', 'hotel',
  'legalservice', 'attorney', 'notary', 'dentist', 'physician', 'medicalclinic', 'hospital', 'pharmacy', 'bankorcreditunion',
  'accountingservice', 'insuranceagency', 'realestateagent', 'autodealer', 'autorepair', 'electrician', 'plumber',
  'roofingcontractor', 'generalcontractor', 'locksmith', 'movingcompany', 'bakery', 'barorpub', 'cafeorcoffeeshop',
  'bedandbreakfast', 'hairsalon', 'dayspa', 'travelagency', 'employmentagency', 'childcare', 'school', 'collegeoruniversity',
  'library', 'museum', 'gym', 'veterinarycare', 'optician',
]);
const isOrganizationType = (type: string) =>
  organizationTypes.has(type) || /(?:business|organization|service|store|agency|clinic|shop|contractor)$/.test(type);

// Properties that lead to the page's people and organisations; reviews and comments are left alone.
const entityProperties = [
  'mainEntity', 'about', 'author', 'creator', 'publisher', 'founder', 'employee', 'employees', 'member', 'members',
  'organizer', 'provider', 'seller', 'worksFor', 'parentOrganization', 'subOrganization', 'department', 'affiliation',
  'performer', 'contributor', 'editor', 'accountablePerson', 'founders',
];

export function readJsonLd(doc: Document, region: string): Candidate[] {
  const scripts = [...doc.querySelectorAll('script')].filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json');
  const blocks = scripts.slice(0, 50).map((script) => parseJson(script.textContent ?? '')).filter((data) => data !== undefined);
  return schemaOrgCandidates(blocks, 'json-ld', region, doc.documentElement?.getAttribute('lang') ?? '');
}

/** People and organisations in schema.org items shaped as JSON-LD (`@type`, properties), from any syntax. */
export function schemaOrgCandidates(items: Json[], source: SchemaOrgSource, region: string, lang: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const item of items) {
    visit(item, candidates, { region, lang, source }, 0);
    if (candidates.length >= 200) break;
  }
  return candidates.filter(hasContactData);
}

type SchemaOrgSource = Extract<Candidate['source'], 'json-ld' | 'microdata' | 'rdfa'>;

function parseJson(text: string): Json | undefined {
  if (text.length > 1_000_000) return undefined;
  // Some sites wrap the JSON in an HTML comment or CDATA section.
  const unwrapped = text.trim().replace(/^(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/)/, '').replace(/(?:-->|\/\*\s*\]\]>\s*\*\/)$/, '');
  try {
    return JSON.parse(unwrapped) as Json;
  } catch {
    return undefined;
  }
}

interface PageContext {
  region: string;
  lang: string;
  source: SchemaOrgSource;
}

function visit(node: Json, out: Candidate[], page: PageContext, depth: number): void {
  if (depth > 8 || out.length >= 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 200)) visit(item, out, page, depth + 1);
    return;
  }
  if (node['@graph'] !== undefined) visit(node['@graph'], out, page, depth + 1);
  const candidate = entityCandidate(node, page);
  if (candidate) out.push(candidate);
  for (const property of entityProperties) {
    if (node[property] !== undefined) visit(node[property], out, page, depth + 1);
  }
}

function typesOf(node: JsonObject): string[] {
  return asList(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '').toLowerCase());
}

function entityCandidate(node: JsonObject, { region: pageRegion, lang, source }: PageContext): Candidate | null {
  const types = typesOf(node);
  const isPerson = types.includes('person');
  const isOrganization = types.some(isOrganizationType);
  const isContactPoint = types.includes('contactpoint');
  if (!isPerson && !isOrganization && !isContactPoint) return null;

  const region = countryOf(node['address']) || pageRegion;
  const contactPoints = asList(node['contactPoint']).filter(isObject);
  const phones = [node, ...contactPoints].flatMap((n) => asList(n['telephone'])).map((t) => toE164(text(t).replace(/^tel:/i, ''), region, true));
  const emails = [node, ...contactPoints].flatMap((n) => asList(n['email'])).map(text);
  const { website, socialLinks } = links(node);
  const organizationName = firstText(node['name']) || firstText(node['legalName']) || firstText(node['alternateName']);

  if (isPerson) {
    const given = firstText(node['givenName']);
    const family = firstText(node['familyName']);
    return makeCandidate({
      source, role: 'person',
      name: firstText(node['name']) || [given, family].filter(Boolean).join(' '),
      firstName: given, lastName: family, emails, phones,
      jobTitle: firstText(node['jobTitle']),
      company: asList(node['worksFor']).map((org) => (isObject(org) ? firstText(org['name']) : text(org))).find(Boolean) ?? '',
      website, socialLinks,
      address: addressText(node['address'], lang),
    });
  }
  return makeCandidate({
    source, role: 'organization',
    name: isContactPoint ? firstText(node['name']) : organizationName,
    company: isContactPoint ? '' : organizationName,
    emails, phones, website, socialLinks,
    address: addressText(node['address'], lang),
  });
}

function links(node: JsonObject): { website: string; socialLinks: string[] } {
  const urls = [...asList(node['url']), ...asList(node['sameAs'])].map(text).map((u) => cleanWebsite(u)).filter(Boolean);
  const isSocial = (u: string) => socialHost.test(new URL(u).hostname);
  return { website: urls.find((u) => !isSocial(u)) ?? '', socialLinks: urls.filter(isSocial) };
}

/** "DE" → "Germany" (in the page's language), so an address reads as people write it. */
function countryName(country: string, lang: string): string {
  if (!/^[A-Z]{2}$/i.test(country)) return country;
  try {
    return new Intl.DisplayNames([lang || 'en'], { type: 'region' }).of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

function addressText(value: Json | undefined, lang: string): string {
  const address = asList(value ?? null)[0];
  if (typeof address === 'string') return address;
  if (!isObject(address)) return '';
  const street = firstText(address['streetAddress']);
  const postal = firstText(address['postalCode']);
  const locality = firstText(address['addressLocality']);
  const regionName = firstText(address['addressRegion']);
  const countryCode = isObject(address['addressCountry']) ? firstText(address['addressCountry']['name']) : firstText(address['addressCountry']);
  // Without a country, a state code and a ZIP code say American ("Seattle, WA 98052").
  const american = /^(?:us|usa|united states)$/i.test(countryCode) || (!countryCode && /^[A-Z]{2}$/.test(regionName) && /^\d{5}(?:-\d{4})?$/.test(postal));
  const country = countryName(countryCode, lang);
  const cityLine = american
    ? [locality, [regionName, postal].filter(Boolean).join(' ')].filter(Boolean).join(', ')
    : [[postal, locality].filter(Boolean).join(' '), regionName].filter(Boolean).join(', ');
  return [street, cityLine, country].filter(Boolean).join(', ');
}

function countryOf(value: Json | undefined): string {
  const address = asList(value ?? null)[0];
  if (!isObject(address)) return '';
  const country = isObject(address['addressCountry']) ? firstText(address['addressCountry']['name']) : firstText(address['addressCountry']);
  return /^[A-Z]{2}$/i.test(country) ? country.toUpperCase() : '';
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: Json | undefined): Json[] => (value === undefined ? [] : Array.isArray(value) ? value.slice(0, 50) : [value]);
const text = (value: Json | undefined): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : isObject(value) ? firstText(value['name'] ?? value['@value']) : '';
const firstText = (value: Json | undefined): string => asList(value).map(text).find(Boolean) ?? '';
