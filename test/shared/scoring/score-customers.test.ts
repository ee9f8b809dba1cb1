import { describe, expect, it } from 'vitest';
import { scoreCustomers, type CustomerScore, type ScoringResult } from '../../../shared/scoring/score-customers';
import type { Transaction } from '../../../shared/scoring/summary';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

/** Every number anywhere in the result, so a NaN or Infinity cannot hide. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

function scored(result: ScoringResult) {
  if (!result.ok) throw new Error(result.error);
  expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  return result;
}

const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

describe('scoreCustomers on CDNOW', () => {
  const result = scored(scoreCustomers(cdnowSampleTransactions(), { calibrationEnd: '1997-09-30' }));
  const byId = new Map(result.customers.map((c) => [c.customerId, c]));

  it('fits both models and scores every customer', () => {
    const { bgnbd, gammaGamma } = result.params;
    if (!bgnbd.ok || !gammaGamma.ok) throw new Error('a model was not fitted');
    expect(bgnbd.params.r).toBeCloseTo(0.243, 2);
    expect(gammaGamma.params.p).toBeCloseTo(6.25, 1);
    expect(result.customers).toHaveLength(2357);
    expect(result.customers.every((c) => c.expectedPurchases !== null && c.pAlive !== null && c.clv !== null)).toBe(true);
    expect(result.customers.every((c) => c.purchaseModel === 'ml' && c.spendModel === 'ml')).toBe(true);
    expect(byId.get('1')!.expectedSpend).toBeCloseTo(24.65, 1);
  });

  it('uses a year at 10 % a year by default, and the CLV is discounted purchases × spend', () => {
    expect(result.settings).toMatchObject({ horizonMonths: 12, annualDiscountRate: 0.1, pAliveThreshold: 0.5, overdueFactor: 2 });
    const first = byId.get('1')!;
    // Discounting makes the CLV a little less than the undiscounted expected revenue.
    expect(first.clv!).toBeLessThan(first.expectedPurchases! * first.expectedSpend!);
    expect(first.clv!).toBeGreaterThan(0.9 * first.expectedPurchases! * first.expectedSpend!);
  });

  it('splits revenue into A (first 80 %), B (to 95 %) and C', () => {
    const total = result.customers.reduce((sum, c) => sum + c.revenue, 0);
    const share = (cls: CustomerScore['valueClass']) =>
      result.customers.filter((c) => c.valueClass === cls).reduce((sum, c) => sum + c.revenue, 0) / total;
    expect(share('A')).toBeGreaterThanOrEqual(0.8);
    expect(share('A')).toBeLessThan(0.81);
    expect(share('A') + share('B')).toBeGreaterThanOrEqual(0.95);
  });

  it('flags only valuable customers as at risk, for a low P(alive) or an overdue purchase', () => {
    const atRisk = result.customers.filter((c) => c.atRisk);
    expect(atRisk.length).toBeGreaterThan(0);
    for (const c of atRisk) {
      expect(['A', 'B']).toContain(c.valueClass);
      expect(c.pAlive! < 0.5 || c.overdue).toBe(true);
    }
    const missed = result.customers.filter((c) => !c.atRisk && c.valueClass !== 'C' && (c.pAlive! < 0.5 || c.overdue));
    expect(missed).toEqual([]);
  });

  it('raises the P(alive) threshold on request, flagging more customers', () => {
    const strict = scored(scoreCustomers(cdnowSampleTransactions(), { calibrationEnd: '1997-09-30', pAliveThreshold: 0.9 }));
    expect(strict.customers.filter((c) => c.atRisk).length).toBeGreaterThan(result.customers.filter((c) => c.atRisk).length);
  });
});

describe('scoreCustomers on degenerate input', () => {
  it('refuses a calibration end that is not a date, saying what it needs', () => {
    expect(scoreCustomers([], { calibrationEnd: '30/09/1997' })).toEqual({
      ok: false,
      error: 'calibration end must be a date written YYYY-MM-DD, got "30/09/1997"',
    });
  });

  it('returns no customers and says the models could not be fitted when there is nothing', () => {
    const result = scored(scoreCustomers([], { calibrationEnd: '2026-06-30' }));
    expect(result.customers).toEqual([]);
    expect(result.params.bgnbd.ok).toBe(false);
    expect(result.warnings.map((w) => w.code)).toEqual(['model-not-identified', 'spend-model-not-identified']);
  });

  it('still gives one customer RFM and ABC, with null model values and the reason', () => {
    const result = scored(scoreCustomers([tx('solo', '2026-05-01', 80)], { calibrationEnd: '2026-06-30' }));
    expect(result.customers).toHaveLength(1);
    expect(result.customers[0]).toMatchObject({
      customerId: 'solo',
      x: 0,
      rfmScore: '333',
      rfmSegment: 'potential loyalist',
      valueClass: 'A',
      expectedPurchases: null,
      pAlive: null,
      expectedSpend: null,
      clv: null,
      purchaseModel: null,
      spendModel: null,
      atRisk: false,
    });
    const warning = result.warnings.find((w) => w.code === 'model-not-identified');
    expect(warning?.message).toMatch(/no customer has bought twice/);
  });

  it('gives a single repeat buyer regularised model values, and says they are rough and why', () => {
    const result = scored(
      scoreCustomers([tx('a', '2026-01-05', 20), tx('a', '2026-02-10', 30), tx('a', '2026-04-01', 25)], { calibrationEnd: '2026-06-30' }),
    );
    expect(result.customers[0]).toMatchObject({ x: 2, purchaseModel: 'map', spendModel: 'map' });
    expect(result.customers[0].pAlive).toBeGreaterThan(0);
    expect(result.customers[0].clv).toBeGreaterThan(0);
    expect(result.warnings.find((w) => w.code === 'model-regularised')?.message).toBe(
      'expected purchases, P(alive) and CLV based on 1 repeat buyer: rough: fitted with a weak prior centred on published retail values (regularised): 1 repeat buyer(s), fewer than the 300 maximum likelihood needs',
    );
    expect(result.warnings.map((w) => w.code)).toContain('spend-model-regularised');
  });

  it('handles everyone buying on one day: nobody repeated, RFM by spend only', () => {
    const result = scored(
      scoreCustomers(
        [tx('a', '2026-03-01', 10), tx('b', '2026-03-01', 50), tx('b', '2026-03-01', 50), tx('c', '2026-03-01', 30)],
        { calibrationEnd: '2026-03-01' },
      ),
    );
    expect(result.customers.map((c) => [c.customerId, c.x, c.T, c.revenue, c.rfmScore])).toEqual([
      ['a', 0, 0, 10, '331'],
      ['b', 0, 0, 100, '335'],
      ['c', 0, 0, 30, '333'],
    ]);
    expect(result.customers.every((c) => c.clv === null)).toBe(true);
  });

  it('leaves out refund-only customers and future-dated purchases, counting both', () => {
    const result = scored(
      scoreCustomers(
        [
          tx('a', '2026-01-05', 20),
          tx('a', '2026-03-05', -20),
          tx('refund-only', '2026-02-01', -15),
          tx('a', '2026-09-01', 99),
          tx('b', '2026-02-01', 40),
          tx('b', '2026-04-01', 0),
        ],
        { calibrationEnd: '2026-06-30' },
      ),
    );
    expect(result.customers.map((c) => [c.customerId, c.x, c.revenue, c.valueClass])).toEqual([
      ['a', 0, 0, 'C'],
      ['b', 1, 40, 'A'],
    ]);
    expect(result.excluded).toEqual([{ customerId: 'refund-only', reason: 'only refunds up to the calibration end' }]);
    expect(result.warnings.filter((w) => w.code === 'future-dated' || w.code === 'no-purchase-day').map((w) => w.count)).toEqual([1, 1]);
  });

  it('falls back to the defaults for settings it cannot use', () => {
    const result = scored(
      scoreCustomers([tx('a', '2026-01-05', 20)], {
        calibrationEnd: '2026-06-30',
        horizonMonths: -3,
        annualDiscountRate: Number.NaN,
        pAliveThreshold: 7,
        overdueFactor: 0,
        abcThresholds: { a: 0.6 },
      }),
    );
    expect(result.settings).toMatchObject({
      horizonMonths: 0,
      annualDiscountRate: 0.1,
      pAliveThreshold: 1,
      overdueFactor: 2,
      abcThresholds: { a: 0.6, b: 0.95 },
    });
  });
});
