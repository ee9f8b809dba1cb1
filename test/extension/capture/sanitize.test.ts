import { describe, expect, it } from 'vitest';
import { makeCandidate } from '../../../extension/capture/make-candidate';
import { cleanBlock, cleanEmail, cleanLine, cleanWebsite, limits } from '../../../extension/capture/sanitize';

describe('cleanLine', () => {
  it('strips bidi overrides and isolates that can disguise text', () => {
    // "moc.elpmaxe@nna" shown reversed by U+202E reads like an address it is not.
    expect(cleanLine('Ann\u202Eexample\u202C \u2066Smith\u2069', 100)).toBe('Annexample Smith');
  });

  it('strips control characters and collapses whitespace', () => {
    expect(cleanLine('  Ann\u0000\u0007\n\t  Smith\u200F ', 100)).toBe('Ann Smith');
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(cleanLine('a'.repeat(10_000), limits.name)).toHaveLength(200);
    expect(cleanLine(`${'a'.repeat(199)}😀`, 200)).toBe('a'.repeat(199));
  });

  it('keeps formula-like text as text (the sheet neutralises formulas)', () => {
    expect(cleanLine('=HYPERLINK("http://evil.example","x")', 200)).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('gives an empty string for anything that is not a string', () => {
    expect(cleanLine(undefined, 10)).toBe('');
    expect(cleanLine({ toString: () => 'x' }, 10)).toBe('');
  });
});

describe('cleanBlock', () => {
  it('keeps line breaks but removes hidden characters and blank runs', () => {
    expect(cleanBlock('Ann\r\n\u202ESmith\n\n\n\nCEO')).toBe('Ann\nSmith\n\nCEO');
  });
});

describe('cleanEmail', () => {
  it('lower-cases and keeps Gmail dots', () => {
    expect(cleanEmail(' mailto:Anna.Berger@Gmail.com ')).toBe('anna.berger@gmail.com');
  });

  it('rejects what is not an address', () => {
    for (const junk of ['anna', 'a@b', '<script>@x.com', 'a b@c.de', `${'x'.repeat(300)}@example.com`]) {
      expect(cleanEmail(junk)).toBe('');
    }
  });
});

describe('cleanWebsite', () => {
  it('adds the scheme to a bare domain and drops the root slash', () => {
    expect(cleanWebsite('www.example.de')).toBe('https://www.example.de');
    expect(cleanWebsite('example.co.uk/about')).toBe('https://example.co.uk/about');
  });

  it('rejects links that are not http(s)', () => {
    expect(cleanWebsite('javascript:alert(1)')).toBe('');
    expect(cleanWebsite('data:text/html,hi')).toBe('');
  });

  it('resolves relative links against the page', () => {
    expect(cleanWebsite('/team/anna.vcf', 'https://example.de/kontakt/')).toBe('https://example.de/team/anna.vcf');
  });
});

describe('makeCandidate', () => {
  it('bounds every field and splits person names, not organisation names', () => {
    const person = makeCandidate({ source: 'mailto', name: `Ann ${'B'.repeat(10_000)}`, emails: ['X@Y.COM', 'x@y.com', 'bad'] });
    expect(person.name).toHaveLength(200);
    expect(person.firstName).toBe('Ann');
    expect(person.emails).toEqual(['x@y.com']);
    const organization = makeCandidate({ source: 'site', role: 'organization', name: 'Acme Robotics GmbH' });
    expect(organization).toMatchObject({ firstName: '', lastName: '' });
  });

  it('drops a name that is an address and phones that are not E.164', () => {
    expect(makeCandidate({ source: 'gmail', name: 'ann@example.com', phones: ['0171 2345678', '+491712345678'] }))
      .toMatchObject({ name: '', phones: ['+491712345678'] });
  });
});
