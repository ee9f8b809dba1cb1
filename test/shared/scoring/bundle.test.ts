import { build } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type * as Scoring from '../../../shared/scoring';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

describe('shared/scoring bundled as Apps Script runs it', () => {
  it('bundles without Node built-ins and fits CDNOW in a bare V8 context', async () => {
    // The Apps Script build's settings: an ES2020 IIFE for a neutral platform.
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, '../../../shared/scoring/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'Scoring',
      target: 'es2020',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      minify: true,
      write: false,
    });
    const code = bundle.outputFiles[0].text;
    // A fresh context has the language's globals only: no require, process, Buffer, window.
    const scoring = runInNewContext(`${code};Scoring`, {}) as typeof Scoring;
    const result = scoring.scoreCustomers(cdnowSampleTransactions(), { calibrationEnd: '1997-09-30' });
    if (!result.ok || !result.params.bgnbd.ok) throw new Error('scoring failed in the bare context');
    expect(result.params.bgnbd.params.r).toBeCloseTo(0.243, 2);
    expect(result.customers).toHaveLength(2357);
  });
});
