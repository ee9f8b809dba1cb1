import { describe, expect, it } from 'vitest';
import { summarizeTransactions, type Transaction } from '../../../shared/scoring/summary';
import { cdnowPublishedSummary, cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

// The file rounds to 2 decimals, half up on the exact decimal value: 18 zbar values are exactly
// half a cent (e.g. 18.135), which binary floating point holds as 18.134999…, so compare within
// half a cent rather than re-rounding.
const matches2Decimals = (value: number, published: number) => Math.abs(value - published) <= 0.005 + 1e-9;

describe('summarizeTransactions on CDNOW', () => {
  it('reproduces the published calibration summary of the 2,357 sample customers row for row', () => {
    const { customers, excluded } = summarizeTransactions(cdnowSampleTransactions(), '1997-09-30');
    const published = cdnowPublishedSummary();
    expect(published).toHaveLength(2357);
    expect(customers).toHaveLength(2357);
    expect(excluded).toEqual([]);
    const byId = new Map(customers.map((c) => [c.customerId, c]));
    const mismatches = published.filter((row) => {
      const c = byId.get(row.id);
      return !c || c.x !== row.x || !matches2Decimals(c.t_x, row.t_x) || !matches2Decimals(c.T, row.T) || !matches2Decimals(c.zbar, row.zbar);
    });
    expect(mismatches).toEqual([]);
  });

  it('ignores the holdout purchases after the calibration end and says how many', () => {
    const transactions = cdnowSampleTransactions();
    const after = transactions.filter((t) => t.date > '1997-09-30').length;
    const { warnings } = summarizeTransactions(transactions, '1997-09-30');
    expect(after).toBeGreaterThan(0);
    expect(warnings).toEqual([expect.objectContaining({ code: 'future-dated', count: after })]);
  });
});

describe('summarizeTransactions rules', () => {
  const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

  it('counts purchases on one day once, summing their values', () => {
    const { customers } = summarizeTransactions(
      [tx('a', '2024-01-01', 10), tx('a', '2024-01-01', 5), tx('a', '2024-01-15', 20), tx('a', '2024-01-15', 4), tx('a', '2024-01-29', 30)],
      '2024-02-12',
    );
    expect(customers).toEqual([
      {
        customerId: 'a',
        x: 2,
        t_x: 4,
        T: 6,
        zbar: 27,
        revenue: 69,
        purchaseDays: 3,
        monetaryMean: 23,
        firstPurchase: '2024-01-01',
        lastPurchase: '2024-01-29',
        daysSinceLastPurchase: 14,
      },
    ]);
  });

  it('gives a one-time buyer x = 0, t_x = 0 and zbar = 0', () => {
    const [c] = summarizeTransactions([tx('a', '2024-01-01', 12)], '2024-01-08').customers;
    expect(c).toMatchObject({ x: 0, t_x: 0, T: 1, zbar: 0, revenue: 12, monetaryMean: 12 });
  });

  it('counts a purchase on the calibration end day, and T = 0 for a first purchase that day', () => {
    const { customers } = summarizeTransactions([tx('a', '2024-01-01', 1), tx('a', '2024-01-08', 2), tx('b', '2024-01-08', 3)], '2024-01-08');
    expect(customers.map((c) => [c.customerId, c.x, c.t_x, c.T])).toEqual([
      ['a', 1, 1, 1],
      ['b', 0, 0, 0],
    ]);
  });

  it('treats a refund as lowering revenue but never as a purchase day', () => {
    const { customers } = summarizeTransactions(
      [tx('a', '2024-01-01', 50), tx('a', '2024-01-08', -20), tx('a', '2024-01-15', 30), tx('a', '2024-01-15', -10)],
      '2024-01-29',
    );
    // 1-08 is a refund only (not a visit); 1-15 nets to 20 and is a repeat purchase.
    expect(customers[0]).toMatchObject({ x: 1, t_x: 2, T: 4, zbar: 20, revenue: 50, purchaseDays: 2, monetaryMean: 25 });
  });

  it('counts a zero-value purchase as a purchase (as CDNOW does)', () => {
    const [c] = summarizeTransactions([tx('a', '2024-01-01', 10), tx('a', '2024-01-08', 0)], '2024-01-15').customers;
    expect(c).toMatchObject({ x: 1, t_x: 1, zbar: 0, revenue: 10 });
  });

  it('excludes customers with only refunds or only future purchases, with the reason', () => {
    const result = summarizeTransactions(
      [tx('refunder', '2024-01-02', -5), tx('later', '2024-03-01', 10), tx('a', '2024-01-01', 10)],
      '2024-01-31',
    );
    expect(result.customers.map((c) => c.customerId)).toEqual(['a']);
    expect(result.excluded).toEqual([
      { customerId: 'refunder', reason: 'only refunds up to the calibration end' },
      { customerId: 'later', reason: 'all transactions are dated after the calibration end' },
    ]);
    expect(result.warnings.map((w) => [w.code, w.count])).toEqual([
      ['future-dated', 1],
      ['no-purchase-day', 2],
    ]);
  });

  it('skips rows with an empty id, an impossible date or a non-finite amount, and counts them', () => {
    const { customers, warnings } = summarizeTransactions(
      [tx('', '2024-01-01', 1), tx('a', '2024-02-30', 1), tx('a', '01/02/2024', 1), tx('a', '2024-01-03', Number.NaN), tx('a', '2024-01-04', 7)],
      '2024-01-31',
    );
    expect(customers.map((c) => [c.customerId, c.revenue])).toEqual([['a', 7]]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'invalid-transaction', count: 4 })]);
  });

  it('uses the date part of an ISO date-time as written', () => {
    const [c] = summarizeTransactions([tx('a', '2024-01-01T23:30:00+01:00', 5), tx('a', '2024-01-02T00:10:00Z', 5)], '2024-01-09').customers;
    expect(c).toMatchObject({ firstPurchase: '2024-01-01', lastPurchase: '2024-01-02', x: 1 });
  });

  it('rejects a calibration end that is not a date', () => {
    expect(() => summarizeTransactions([], '2024-13-01')).toThrow(RangeError);
  });
});
