import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSignature } from '../extension/capture/signature';
import { precision, recall, scoreFields, type SignatureCase } from '../test/fixtures/signatures/field-score';
import { precisionOf, recallOf, scoreRealSignatures, type RealSignatureCase } from '../test/fixtures/signatures-real/real-score';
import type { BenchFigure } from './types';

// Field-level precision and recall of the signature parser over the corpus, and how long one
// signature takes to parse (the popup parses the open message's signature on every click).
export default async (): Promise<BenchFigure[]> => {
  const corpus = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/signatures/signatures.json'), 'utf8')) as SignatureCase[];
  const score = scoreFields(corpus, (text) => parseSignature(text));
  const realCases = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/signatures-real/signatures.json'), 'utf8')) as RealSignatureCase[];
  const real = scoreRealSignatures(realCases, (item) => parseSignature(item.text));
  const languages = (score: typeof real) => Object.entries(score.byLanguage).map(([lang, t]) => `${lang} P ${precisionOf(t).toFixed(3)} R ${recallOf(t).toFixed(3)}`).join(', ');
  const byLanguage = languages(real);
  // Signatures of the same sources outside the development set (test/fixtures/signatures-heldout).
  const heldOutCases = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/signatures-heldout/signatures.json'), 'utf8')) as RealSignatureCase[];
  const heldOut = scoreRealSignatures(heldOutCases, (item) => parseSignature(item.text));

  // Warm up (first calls compile regexes and load phone metadata), then time each signature many times.
  for (const item of corpus) parseSignature(item.text);
  const rounds = 20;
  const perSignature: number[] = [];
  for (const item of corpus) {
    const start = performance.now();
    for (let i = 0; i < rounds; i++) parseSignature(item.text);
    perSignature.push((performance.now() - start) / rounds);
  }
  perSignature.sort((a, b) => a - b);
  const median = perSignature[Math.floor(perSignature.length / 2)];
  const slowest = perSignature.at(-1) ?? 0;

  return [
    { name: 'real signatures (public mail): precision', value: precisionOf(real.overall), unit: 'ratio', target: { op: '>=', value: 0.95 }, note: `${realCases.length} signatures, ${real.fullyRight} fully right; ${byLanguage}` },
    { name: 'real signatures (public mail): recall', value: recallOf(real.overall), unit: 'ratio', target: { op: '>=', value: 0.9 } },
    { name: 'held-out real signatures: precision', value: precisionOf(heldOut.overall), unit: 'ratio', target: { op: '>=', value: 0.95 }, note: `${heldOutCases.length} signatures, ${heldOut.fullyRight} fully right; ${languages(heldOut)}` },
    { name: 'held-out real signatures: recall', value: recallOf(heldOut.overall), unit: 'ratio', target: { op: '>=', value: 0.9 } },
    { name: 'hand-written signatures: precision', value: precision(score), unit: 'ratio', target: { op: '>=', value: 0.9 }, note: `${corpus.length} signatures, ${score.truePositives} fields right, ${score.falsePositives} wrong` },
    { name: 'hand-written signatures: recall', value: recall(score), unit: 'ratio', target: { op: '>=', value: 0.9 }, note: `${score.falseNegatives} fields missed` },
    { name: 'signature parse time, median', value: median, unit: 'ms', note: `slowest ${slowest.toFixed(2)} ms` },
  ];
};
