import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSignature } from '../../../extension/capture/index';
import { readSelection } from '../../../extension/capture/selection';
import { precision, recall, scoreFields, type SignatureCase } from '../../fixtures/signatures/field-score';

const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/signatures/signatures.json'), 'utf8'),
) as SignatureCase[];

describe('signature corpus', () => {
  it('holds at least 40 English and German signatures', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(corpus.filter((c) => c.lang === 'de').length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((c) => c.lang === 'en').length).toBeGreaterThanOrEqual(15);
  });

  it('reads the fields with precision and recall of at least 0.9', () => {
    const score = scoreFields(corpus, (text) => parseSignature(text));
    const report = score.misses.map((m) => `${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
    expect(precision(score), report.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(recall(score), report.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});

describe('parseSignature', () => {
  it('normalises numbers to E.164 and leaves fax numbers out', () => {
    const candidate = parseSignature('Best regards,\nRaj Patel\nOffice: 312.555.0110 | Fax: 312.555.0111');
    expect(candidate.phones).toEqual(['+13125550110']);
  });

  it('takes nothing from a quoted reply below the writer’s sign-off', () => {
    const candidate = parseSignature([
      'Sounds good.', '', 'Best,', 'Emily', '',
      'On Mon, Mar 3, 2025 at 9:14 AM Peter Grant <peter.grant@grantco.com> wrote:',
      '> Peter Grant', '> Grant & Co. LLC', '> +1 212 555 0199',
    ].join('\n'));
    expect(candidate).toMatchObject({ name: 'Emily', company: '', phones: [], emails: [] });
  });

  it('reads a German quote header that spans two lines', () => {
    const candidate = parseSignature('Danke!\n\nVG\nTim Schäfer\n\nAm 03.02.2025 um 09:15 schrieb Jana Koch\n<jana.koch@koch-druck.de>:\n\nJana Koch\nKoch Druck GmbH');
    expect(candidate.name).toBe('Tim Schäfer');
    expect(candidate.company).toBe('');
  });

  it('reads national numbers in the default region when the text names no country', () => {
    const text = 'Regards,\nAlex Novak\nPhone 020 7946 0958';
    expect(parseSignature(text).phones).toEqual([]);
    expect(parseSignature(text, { defaultRegion: 'GB' }).phones).toEqual(['+442079460958']);
  });

  it('prefers the country the signature itself shows over the default region', () => {
    const candidate = parseSignature('Viele Grüße\nLena Vogt\nMobil: 0171 2345678\nlena.vogt@nordlicht-beratung.de', { defaultRegion: 'US' });
    expect(candidate.phones).toEqual(['+491712345678']);
  });

  it('takes no title from the message above the signature', () => {
    const candidate = parseSignature([
      'Thanks!', '', 'I looked at the figures you sent over yesterday and they look right to me.', 'Project Timeline', '',
      'Anna Lindner', 'Geschäftsführerin', 'Lindner Design UG (haftungsbeschränkt)',
    ].join('\n'));
    expect(candidate).toMatchObject({ name: 'Anna Lindner', jobTitle: 'Geschäftsführerin', company: 'Lindner Design UG (haftungsbeschränkt)' });
  });

  it('prefers a company with a legal form over one guessed from its words', () => {
    const candidate = parseSignature('Mit freundlichen Grüßen\n\nIhr Team der Stadtwerke\nStadtwerke Musterstadt GmbH\nTelefon 030 1234-5678');
    expect(candidate).toMatchObject({ name: '', company: 'Stadtwerke Musterstadt GmbH', phones: ['+493012345678'] });
  });

  it('splits the name into first and last name', () => {
    const candidate = parseSignature('Mit freundlichen Grüßen\nDr. Katrin von Hoffmann\nLeiterin Einkauf');
    expect(candidate).toMatchObject({ name: 'Dr. Katrin von Hoffmann', firstName: 'Katrin', lastName: 'von Hoffmann', jobTitle: 'Leiterin Einkauf' });
  });

  it('returns an empty candidate for text without a signature, and never throws', () => {
    const prose = 'We met at the trade fair last week and talked about the new range of pumps that you are launching in autumn.';
    expect(parseSignature(prose)).toMatchObject({ name: '', emails: [], phones: [], company: '' });
    expect(parseSignature('')).toMatchObject({ name: '', source: 'signature' });
    const junk = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    expect(() => parseSignature(junk)).not.toThrow();
    expect(() => parseSignature(`${'A'.repeat(10_000)}\n${'+4'.repeat(5000)}`)).not.toThrow();
  });
});

describe('readSelection', () => {
  it('reads a selected signature as a selection candidate', () => {
    const candidate = readSelection('Greg Simmons\nRegional Sales Manager at Atlas Industrial Supply\nCell (713) 555-0175');
    expect(candidate).toMatchObject({
      source: 'selection', name: 'Greg Simmons', jobTitle: 'Regional Sales Manager', company: 'Atlas Industrial Supply', phones: ['+17135550175'],
    });
  });

  it('gives null when the selection holds no contact data', () => {
    expect(readSelection('the quarterly numbers are attached and look fine to me, see you tomorrow.')).toBeNull();
    expect(readSelection('   ')).toBeNull();
  });
});
