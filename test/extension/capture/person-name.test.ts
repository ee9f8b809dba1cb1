import { describe, expect, it } from 'vitest';
import { looksLikePersonName, splitName, tidyName } from '../../../extension/capture/person-name';

describe('splitName', () => {
  it.each([
    ['Anna Schmidt', 'Anna', 'Schmidt'],
    ['Dr. Katrin von Hoffmann', 'Katrin', 'von Hoffmann'],
    ['Schmidt, Anna', 'Anna', 'Schmidt'],
    ['Mary Ann Lee', 'Mary Ann', 'Lee'],
    ['John Doe Jr.', 'John', 'Doe Jr.'],
    ['Dipl.-Ing. Frank Hartmann', 'Frank', 'Hartmann'],
    ['Cher', 'Cher', ''],
  ])('%s', (name, firstName, lastName) => {
    expect(splitName(name)).toEqual({ firstName, lastName });
  });
});

describe('tidyName', () => {
  it('drops degrees after the name and title-cases capitals', () => {
    expect(tidyName('Raj Patel, CPA')).toBe('Raj Patel');
    expect(tidyName('ROBERT KLEIN')).toBe('Robert Klein');
    expect(tidyName("MEGAN O'CONNOR")).toBe("Megan O'Connor");
  });
});

describe('looksLikePersonName', () => {
  it('accepts names and rejects labels, addresses and sentences', () => {
    for (const name of ['Anna Schmidt', 'Dr. med. Eva Schuster', 'Jan-Philipp Wagner', "Michael O'Neill", 'K. Lehmann', 'Håkon Wium Lie']) {
      expect(looksLikePersonName(name), name).toBe(true);
    }
    for (const text of ['E-Mail schreiben', 'anna@x.de', 'Hafenstraße 21', 'see you tomorrow', 'Tel: 0171 2345678', 'Anna']) {
      expect(looksLikePersonName(text), text).toBe(false);
    }
    expect(looksLikePersonName('Anna', true)).toBe(true);
  });
});
