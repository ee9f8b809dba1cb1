import type { Candidate } from './candidate';
import { inlineText } from './dom-text';
import { schemaOrgCandidates, type Json, type JsonObject } from './json-ld';
import { cleanLine } from './sanitize';

// RDFa Lite (vocab, typeof, property, resource, prefix) with the schema.org and FOAF vocabularies,
// turned into the JSON-LD shape that json-ld.ts reads. FOAF terms become their schema.org twins
// (foaf:mbox → email, foaf:phone → telephone, foaf:homepage → url), so both read alike.

const schemaOrg = /^https?:\/\/schema\.org\//;
const foaf = 'http://xmlns.com/foaf/0.1/';
// The RDFa initial context's prefixes that name people and organisations.
const initialPrefixes: Record<string, string> = { schema: 'http://schema.org/', foaf, vcard: 'http://www.w3.org/2006/vcard/ns#' };

const foafProperties: Record<string, string> = {
  name: 'name', givenname: 'givenName', givenName: 'givenName', firstName: 'givenName', family_name: 'familyName',
  familyName: 'familyName', surname: 'familyName', lastName: 'familyName', mbox: 'email', phone: 'telephone',
  homepage: 'url', weblog: 'url', page: 'url', title: 'honorificPrefix', nick: 'alternateName', member: 'member',
  img: 'image', depiction: 'image', account: 'sameAs',
};
const foafTypes: Record<string, string> = { Person: 'Person', Organization: 'Organization', Group: 'Organization' };
const vcardProperties: Record<string, string> = {
  fn: 'name', 'given-name': 'givenName', 'family-name': 'familyName', email: 'email', hasEmail: 'email', tel: 'telephone',
  hasTelephone: 'telephone', url: 'url', hasURL: 'url', org: 'worksFor', 'organization-name': 'worksFor', title: 'jobTitle', role: 'jobTitle',
};
const vcardTypes: Record<string, string> = { VCard: 'Person', Individual: 'Person', Organization: 'Organization' };

interface Context {
  vocab: string;
  prefixes: Record<string, string>;
  subject: JsonObject | null;
}

const maxElements = 50_000;

export function readRdfa(doc: Document, url: string, region: string): Candidate[] {
  const root = doc.documentElement;
  if (!root || !doc.querySelector('[typeof], [property]')) return [];
  const items: JsonObject[] = [];
  const byResource = new Map<string, JsonObject>();
  const stack: { element: Element; context: Context }[] = [{ element: root, context: { vocab: '', prefixes: initialPrefixes, subject: null } }];
  let visited = 0;
  while (stack.length && visited++ < maxElements && items.length < 200) {
    const { element, context: outer } = stack.pop()!;
    const context = { ...outer, vocab: vocabOf(element, outer.vocab), prefixes: prefixesOf(element, outer.prefixes) };
    const properties = termsOf(element.getAttribute('property'), context).map(propertyName).filter(Boolean);
    const typeAttribute = element.getAttribute('typeof');
    let childSubject = context.subject;
    if (typeAttribute !== null) {
      const resource = element.getAttribute('resource') ?? element.getAttribute('about') ?? '';
      const item = (resource && byResource.get(resource)) || { '@type': [] as Json[] };
      for (const type of termsOf(typeAttribute, context).map(typeName).filter(Boolean)) (item['@type'] as Json[]).push(type);
      if (resource && !byResource.has(resource)) byResource.set(resource, item);
      if (properties.length && context.subject) addValues(context.subject, properties, item);
      else if (!items.includes(item)) items.push(item);
      childSubject = item;
    } else if (properties.length && context.subject) {
      addValues(context.subject, properties, propertyValue(element, url));
    }
    for (let i = element.children.length - 1; i >= 0; i--) stack.push({ element: element.children[i], context: { ...context, subject: childSubject } });
  }
  return schemaOrgCandidates(items, 'rdfa', region, doc.documentElement?.getAttribute('lang') ?? '');
}

function vocabOf(element: Element, vocab: string): string {
  const value = element.getAttribute('vocab');
  return value === null ? vocab : value.trim();
}

function prefixesOf(element: Element, prefixes: Record<string, string>): Record<string, string> {
  const value = element.getAttribute('prefix');
  if (!value) return prefixes;
  const next = { ...prefixes };
  for (const [, name, iri] of value.matchAll(/([\w-]+):\s+(\S+)/g)) next[name.toLowerCase()] = iri;
  return next;
}

/** Each term of an attribute as a full IRI: "foaf:name" by its prefix, "name" by the vocabulary. */
function termsOf(value: string | null, context: Context): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean).slice(0, 10).map((term) => {
    if (/^https?:\/\//.test(term)) return term;
    const prefixed = /^([\w-]+):(.+)$/.exec(term);
    if (prefixed) return `${context.prefixes[prefixed[1].toLowerCase()] ?? `${prefixed[1]}:`}${prefixed[2]}`;
    return context.vocab ? `${context.vocab}${term}` : '';
  });
}

/** The schema.org name of a property IRI, '' for vocabularies Rapport does not read. */
function propertyName(iri: string): string {
  if (schemaOrg.test(iri)) return iri.replace(schemaOrg, '');
  if (iri.startsWith(foaf)) return foafProperties[iri.slice(foaf.length)] ?? '';
  if (iri.startsWith(initialPrefixes.vcard)) return vcardProperties[iri.slice(initialPrefixes.vcard.length)] ?? '';
  return '';
}

function typeName(iri: string): string {
  if (schemaOrg.test(iri)) return iri.replace(schemaOrg, '');
  if (iri.startsWith(foaf)) return foafTypes[iri.slice(foaf.length)] ?? '';
  if (iri.startsWith(initialPrefixes.vcard)) return vcardTypes[iri.slice(initialPrefixes.vcard.length)] ?? '';
  return '';
}

function addValues(subject: JsonObject, properties: string[], value: Json): void {
  if (value === '') return;
  for (const name of properties) {
    const list = (subject[name] ??= []) as Json[];
    if (Array.isArray(list) && list.length < 50 && !list.includes(value)) list.push(value);
  }
}

/** RDFa's value of a property: @content, else the link target (@resource, @href, @src), else the text. */
function propertyValue(element: Element, url: string): string {
  const content = element.getAttribute('content');
  if (content !== null) return cleanLine(content, 2000);
  const target = element.getAttribute('resource') ?? element.getAttribute('href') ?? element.getAttribute('src');
  if (target !== null) {
    if (/^(?:mailto|tel):/i.test(target)) return cleanLine(target, 2000);
    try {
      return cleanLine(new URL(target, url).href, 2000);
    } catch {
      return cleanLine(target, 2000);
    }
  }
  if (element.tagName.toLowerCase() === 'time' && element.hasAttribute('datetime')) return cleanLine(element.getAttribute('datetime'), 200);
  return cleanLine(inlineText(element, 2000), 2000);
}
