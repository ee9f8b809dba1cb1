import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSignature } from '../../../extension/capture/signature';
import { precisionOf, recallOf, scoreRealSignatures, type RealSignatureCase, type Tally } from '../../fixtures/signatures-real/real-score';

const figures = (t: Tally) => `precision ${precisionOf(t).toFixed(3)}, recall ${recallOf(t).toFixed(3)} (tp ${t.truePositives}, fp ${t.falsePositives}, fn ${t.falseNegatives})`;

// Signatures from real public mail (Enron, Apache and kernel lists, German company mail): the
// development set the parser was tuned on, and a held-out set of the same sources (see each
// folder's README) that checks the rules generalise.
describe.each([
  { set: 'signatures-real', what: 'the development set', precision: 0.95, recall: 0.9 },
  { set: 'signatures-heldout', what: 'the held-out set', precision: 0.98, recall: 0.97 },
])('real signatures: $what', ({ set, precision, recall }) => {
  const cases = JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/${set}/signatures.json`), 'utf8')) as RealSignatureCase[];

  it(`reads the whole set with precision ≥ ${precision}, recall ≥ ${recall} and no language below 0.90 precision`, () => {
    const score = scoreRealSignatures(cases, (item) => parseSignature(item.text));
    const report = [
      `overall: ${figures(score.overall)}; ${score.fullyRight} of ${cases.length} signatures fully right`,
      ...Object.entries(score.byLanguage).map(([lang, tally]) => `${lang}: ${figures(tally)}`),
      ...score.misses.map((m) => `  ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`),
    ].join('\n');
    console.log(`${set}\n${report}`);
    expect(precisionOf(score.overall), report).toBeGreaterThanOrEqual(precision);
    expect(recallOf(score.overall), report).toBeGreaterThanOrEqual(recall);
    for (const tally of Object.values(score.byLanguage)) expect(precisionOf(tally), report).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(score.byLanguage).sort()).toEqual(['de', 'en']);
  });
});
