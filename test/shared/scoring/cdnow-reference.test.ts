import { describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../../shared/scoring/score-customers';
import { summarizeTransactions } from '../../../shared/scoring/summary';
import { retailPurchaseModel, retailSpendModel } from '../../../shared/scoring/prior';
import { cdnowMasterTransactions, cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

// The parameters Rapport fitted on CDNOW before the regularised small-data fit and money in cents
// (the same as Python lifetimes' to about 1e-5): large data must still get exactly these.
const before = {
  sample: {
    bgnbd: { r: 0.2425940566973294, alpha: 4.4135893341940635, a: 0.7929212698042234, b: 2.425896581376119 },
    gammaGamma: { p: 6.249541061069855, q: 3.7442336131032943, v: 15.443647992384838 },
  },
  master: {
    bgnbd: { r: 0.2516241127077773, alpha: 4.788950665829617, a: 0.7234353465546759, b: 2.161101289544986 },
    gammaGamma: { p: 6.275395740597984, q: 3.6244504544232448, v: 14.983592697127852 },
  },
};

/** The parameters further than `tolerance` (relative) from the expected values. */
const offBy = <P extends object>(actual: P, expected: P, tolerance: number) =>
  (Object.keys(expected) as (keyof P)[]).filter((name) => {
    const [value, wanted] = [actual[name] as number, expected[name] as number];
    return !(Math.abs(value - wanted) / wanted < tolerance);
  });

describe.each([
  ['sample', cdnowSampleTransactions],
  ['master', cdnowMasterTransactions],
] as const)('CDNOW %s, calibration to 1997-09-30', (name, load) => {
  it('is fitted by maximum likelihood to the same parameters as before, within 1e-4 relative', () => {
    const result = scoreCustomers(load(), { calibrationEnd: '1997-09-30' });
    if (!result.ok || !result.params.bgnbd.ok || !result.params.gammaGamma.ok) throw new Error('not fitted');
    expect(result.params.bgnbd.method).toBe('ml');
    expect(result.params.gammaGamma.method).toBe('ml');
    expect(offBy(result.params.bgnbd.params, before[name].bgnbd, 1e-4)).toEqual([]);
    expect(offBy(result.params.gammaGamma.params, before[name].gammaGamma, 1e-4)).toEqual([]);
  });
});

describe('the retail prior', () => {
  it('is scaled by the CDNOW sample’s own repeat rate and repeat spend', () => {
    const customers = summarizeTransactions(cdnowSampleTransactions(), '1997-09-30').customers;
    const repeats = customers.reduce((sum, c) => sum + c.x, 0);
    const weeks = customers.reduce((sum, c) => sum + c.T, 0);
    const buyers = customers.filter((c) => c.x > 0 && c.zbar > 0);
    expect(retailPurchaseModel.repeatsPerWeek).toBeCloseTo(repeats / weeks, 7);
    expect(retailSpendModel.meanRepeatSpend).toBeCloseTo(buyers.reduce((sum, c) => sum + c.zbar, 0) / buyers.length, 4);
  });
});
