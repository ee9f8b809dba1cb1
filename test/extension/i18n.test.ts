import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, dictionaryKeys } from '../../extension/ui/i18n';

const en = createI18n('en', 'en-GB');
const de = createI18n('de', 'de-DE');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !path.endsWith('i18n.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the dictionary', () => {
  it('has real plural forms in both languages', () => {
    expect(en.n('savedSelected', 1)).toBe('1 contact saved.');
    expect(en.n('savedSelected', 5)).toBe('5 contacts saved.');
    expect(en.n('savedSelected', 0)).toBe('0 contacts saved.');
    expect(de.n('savedSelected', 1)).toBe('1 Kontakt gespeichert.');
    expect(de.n('savedSelected', 2)).toBe('2 Kontakte gespeichert.');
    expect(de.n('pending', 1)).toBe('1 Änderung hier gespeichert, wartet auf Synchronisierung');
    expect(de.n('pending', 1200)).toBe('1.200 Änderungen hier gespeichert, warten auf Synchronisierung');
    expect(en.n('everyDays', 1)).toBe('day');
    expect(en.n('everyDays', 14)).toBe('14 days');
  });

  it('gives every value of a fixed set its words, and shows an unknown value as it is', () => {
    expect(en.label('stage', 'at risk')).toBe('at risk');
    expect(de.label('stage', 'customer')).toBe('Kunde');
    expect(de.label('syncError', 'not_rapport')).toContain('/exec');
    expect(en.label('syncError', 'script_error', { detail: 'TypeError: x' })).toBe('The sheet’s script failed: TypeError: x');
    expect(en.label('rfmSegment', 'our own segment')).toBe('our own segment');
  });

  it('formats days and amounts for the reader’s locale', () => {
    expect(en.day('2026-12-07')).toBe('Mon 7 Dec');
    expect(de.day('2026-12-07')).toBe('Mo., 7. Dez.');
    expect(createI18n('en', 'en-US').day('2026-12-07')).toBe('Mon, Dec 7');
    expect(en.relativeDay('2026-12-08', '2026-12-07')).toBe('tomorrow');
    expect(de.relativeDay('2026-12-06', '2026-12-07')).toBe('gestern');
    expect(de.money(1234.5, 'EUR')).toBe('1.235\u00a0€');
  });

  it('says the same things in German: every entry has the same placeholders', () => {
    for (const key of dictionaryKeys.text) expect(placeholders(de.t(key)), key).toEqual(placeholders(en.t(key)));
  });

  it('has no word nobody uses: each key appears in the extension’s code', () => {
    const code = sources(join(import.meta.dirname, '../../extension')).join('\n');
    const unused = [...dictionaryKeys.text, ...dictionaryKeys.plural].filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
