import type { Candidate } from './candidate';
import { inlineText } from './dom-text';
import { schemaOrgCandidates, type Json, type JsonObject } from './json-ld';
import { cleanLine } from './sanitize';

// HTML microdata (itemscope, itemtype, itemprop, itemref) as the WHATWG spec reads it, turned into
// the JSON-LD shape that json-ld.ts reads: `<div itemscope itemtype="https://schema.org/Person">`
// becomes `{"@type": ["Person"], "name": [...]}`. Nested items are property values.

const maxItems = 200;
const maxDepth = 8;

export function readMicrodata(doc: Document, url: string, region: string): Candidate[] {
  const roots = [...doc.querySelectorAll('[itemscope]')].filter((e) => !e.hasAttribute('itemprop')).slice(0, maxItems);
  if (roots.length === 0) return [];
  const items = roots.map((root) => itemOf(root, url, 0));
  return schemaOrgCandidates(items, 'microdata', region, doc.documentElement?.getAttribute('lang') ?? '');
}

/** "https://schema.org/LocalBusiness" → "LocalBusiness"; "http://schema.org/email" → "email". */
export const localName = (term: string) => term.replace(/[/#]+$/, '').split(/[/#:]/).at(-1) ?? term;

function itemOf(root: Element, url: string, depth: number): JsonObject {
  const item: JsonObject = { '@type': (root.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean).map(localName) };
  if (depth > maxDepth) return item;
  for (const element of propertyElements(root)) {
    const value = element.hasAttribute('itemscope') ? itemOf(element, url, depth + 1) : propertyValue(element, url);
    if (value === '') continue;
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean).map(localName)) {
      const list = (item[name] ??= []) as Json[];
      if (Array.isArray(list) && list.length < 50) list.push(value);
    }
  }
  return item;
}

/** The item's property elements: descendants (and itemref targets) up to the next nested item. */
function propertyElements(root: Element): Element[] {
  const found: Element[] = [];
  const referenced = (root.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)
    .map((id) => root.ownerDocument.getElementById(id)).filter((e): e is HTMLElement => e !== null);
  const stack: Element[] = [...[...root.children].reverse(), ...referenced];
  let visited = 0;
  while (stack.length && visited++ < 20_000) {
    const element = stack.pop()!;
    if (element.hasAttribute('itemprop')) found.push(element);
    if (element.hasAttribute('itemscope')) continue;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
  return found;
}

/** A property's value by the element it is on: links give their address, meta its content, time its datetime. */
function propertyValue(element: Element, url: string): string {
  const tag = element.tagName.toLowerCase();
  const absolute = (attribute: string) => {
    const value = element.getAttribute(attribute) ?? '';
    try {
      return /^(?:mailto|tel):/i.test(value) ? value : new URL(value, url).href;
    } catch {
      return value;
    }
  };
  if (tag === 'meta') return cleanLine(element.getAttribute('content'), 2000);
  if (['a', 'area', 'link'].includes(tag)) return cleanLine(absolute('href'), 2000);
  if (['img', 'audio', 'video', 'source', 'iframe', 'embed', 'track'].includes(tag)) return cleanLine(absolute('src'), 2000);
  if (tag === 'object') return cleanLine(absolute('data'), 2000);
  if (tag === 'data' || tag === 'meter') return cleanLine(element.getAttribute('value'), 2000);
  if (tag === 'time' && element.hasAttribute('datetime')) return cleanLine(element.getAttribute('datetime'), 200);
  return cleanLine(element.getAttribute('content') ?? inlineText(element, 2000), 2000);
}
