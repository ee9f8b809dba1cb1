import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSignature } from '../../../extension/capture/signature';
import { precisionOf, recallOf, scoreRealSignatures, type RealSignatureCase, type Tally } from '../../fixtures/signatures-real/real-score';

const cases = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/signatures-real/signatures.json'), 'utf8'),
) as RealSignatureCase[];

const figures = (t: Tally) => `precision ${precisionOf(t).toFixed(3)}, recall ${recallOf(t).toFixed(3)} (tp ${t.truePositives}, fp ${t.falsePositives}, fn ${t.falseNegatives})`;

describe('signatures from real public mail (Enron, Apache and kernel lists, German company mail)', () => {
  it('reads the whole set with precision ≥ 0.95, recall ≥ 0.90 and no language below 0.90 precision', () => {
    const score = scoreRealSignatures(cases, (item) => parseSignature(item.text));
    const report = [
      `overall: ${figures(score.overall)}; ${score.fullyRight} of ${cases.length} signatures fully right`,
      ...Object.entries(score.byLanguage).map(([lang, tally]) => `${lang}: ${figures(tally)}`),
      ...score.misses.map((m) => `  ${m.id} ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`),
    ].join('\n');
    console.log(`Real signatures\n${report}`);
    expect(precisionOf(score.overall), report).toBeGreaterThanOrEqual(0.95);
    expect(recallOf(score.overall), report).toBeGreaterThanOrEqual(0.9);
    for (const tally of Object.values(score.byLanguage)) expect(precisionOf(tally), report).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(score.byLanguage).sort()).toEqual(['de', 'en']);
  });
});
