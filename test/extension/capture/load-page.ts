import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '../../fixtures/capture');

/** The HTML of a fixture page in test/fixtures/capture. */
export function fixtureHtml(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/** A fixture page parsed into its own Document, as the injected script would see it. */
export function loadPage(name: string): Document {
  return parseHtml(fixtureHtml(name));
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
