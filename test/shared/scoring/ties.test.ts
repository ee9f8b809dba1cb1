import { describe, expect, it } from 'vitest';
import { scoreCustomers } from '../../../shared/scoring/score-customers';
import type { Transaction } from '../../../shared/scoring/summary';
import { cdnowMasterTransactions } from '../../fixtures/cdnow/load-cdnow';

// Revenue is summed in cents: 37.91 + 11.77 is 49.68, not 49.67999999999999, so customers who
// spent the same share their class and monetary score whatever the pieces.
const tx = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

describe('equal revenues made of different amounts', () => {
  it('share their ABC class and RFM monetary score', () => {
    const result = scoreCustomers(
      [tx('big', '2026-01-05', 200), tx('single', '2026-02-01', 49.68), tx('split', '2026-02-01', 37.91), tx('split', '2026-02-01', 11.77)],
      { calibrationEnd: '2026-06-30' },
    );
    if (!result.ok) throw new Error(result.error);
    const [, single, split] = result.customers;
    expect(split.revenue).toBe(49.68);
    expect(split.monetaryMean).toBe(single.monetaryMean);
    // Share above both: 200 / 299.36 = 67 %, under 80 %.
    expect([single.valueClass, split.valueClass]).toEqual(['A', 'A']);
    expect(split.monetaryScore).toBe(single.monetaryScore);
  });

  it('on CDNOW master: customer 00036 (37.91 + 11.77) is class A like the ten others with 49.68', () => {
    const result = scoreCustomers(cdnowMasterTransactions(), { calibrationEnd: '1997-09-30' });
    if (!result.ok) throw new Error(result.error);
    const same = result.customers.filter((c) => c.revenue === 49.68);
    expect(same.map((c) => c.customerId)).toContain('36');
    expect(same).toHaveLength(11);
    expect(new Set(same.map((c) => c.valueClass))).toEqual(new Set(['A']));
    // Monetary score is per purchase day: customers with the same days share it too.
    const twoDays = same.filter((c) => c.purchaseDays === 2);
    expect(twoDays.length).toBeGreaterThan(1);
    expect(new Set(twoDays.map((c) => c.monetaryScore)).size).toBe(1);
  });
});
