import { describe, expect, it } from 'vitest';
import { backtest } from '../../../shared/scoring/backtest';
import { scoreTable } from '../../../shared/scoring/score-customers';
import { customerTable, type Transaction } from '../../../shared/scoring/summary';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

describe('backtest on the CDNOW sample: fitted to 1997-09-30, holdout to 1998-06-30', () => {
  const result = backtest(cdnowSampleTransactions(), '1997-09-30', '1998-06-30');
  if (!result.ok) throw new Error(result.reason);
  const { backtest: check } = result;

  it('gives what Python lifetimes gives: 1,882 actual against about 1,653 predicted repeat purchases over 2,357 customers', () => {
    expect(check.customers).toBe(2357);
    expect(check.holdoutWeeks).toBe(39);
    expect(check.actual).toBe(1882);
    expect(Math.abs(check.predicted - 1653)).toBeLessThan(1);
    expect(result.fit.method).toBe('ml');
  });

  it('gives the mean absolute error per customer and the calibration table by purchases before the cutoff', () => {
    expect(check.meanAbsoluteError).toBeGreaterThan(0.7);
    expect(check.meanAbsoluteError).toBeLessThan(0.9);
    expect(check.groups.map((g) => g.purchasesBefore)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(check.groups.at(-1)!.orMore).toBe(true);
    expect(check.groups.reduce((sum, g) => sum + g.customers, 0)).toBe(2357);
    // 946 customers bought more than once before the cutoff.
    expect(check.groups[0].customers).toBe(2357 - 946);
    // Who bought more before buys more after, in the model and in fact.
    const perCustomer = check.groups.map((g) => [g.actual / g.customers, g.predicted / g.customers]);
    expect(perCustomer[0][0]).toBeLessThan(perCustomer[3][0]);
    expect(perCustomer[0][1]).toBeLessThan(perCustomer[3][1]);
  });

  it('is what scoring with a holdout end reports too', () => {
    const scored = scoreTable(customerTable(cdnowSampleTransactions(), '1997-09-30', '1998-06-30'), {});
    expect(scored.backtest).toEqual(check);
  });
});

describe('backtest rules', () => {
  const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

  it('counts holdout purchase days (not rows, not refunds) of customers seen before the cutoff', () => {
    const result = backtest(
      [
        tx('a', '2026-01-05', 20),
        tx('a', '2026-02-05', 20),
        tx('a', '2026-04-02', 10),
        tx('a', '2026-04-02', 5),
        tx('a', '2026-04-20', -15),
        tx('b', '2026-01-10', 30),
        tx('new', '2026-04-03', 99),
      ],
      '2026-03-31',
      '2026-06-30',
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.backtest).toMatchObject({ customers: 2, actual: 1, holdoutWeeks: 13 });
    expect(result.backtest.groups.map((g) => [g.purchasesBefore, g.customers, g.actual])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
  });

  it('says why when there is nothing before the cutoff', () => {
    expect(backtest([tx('a', '2026-05-01', 10)], '2026-03-31', '2026-06-30')).toEqual({ ok: false, reason: 'no purchases up to 2026-03-31 to fit on' });
  });
});
