import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd } from '../../../shared/scoring/bgnbd';
import { customerLifetimeValue, sanitizeClvOptions, WEEKS_PER_MONTH } from '../../../shared/scoring/clv';
import { expectedSpend, fitGammaGamma } from '../../../shared/scoring/gamma-gamma';
import { cdnowPublishedSummary } from '../../fixtures/cdnow/load-cdnow';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('customerLifetimeValue', () => {
  it('reproduces the CLV of CDNOW customers 1-10 in the lifetimes README', () => {
    // lifetimes' README fits both models on cdnow_customers_summary_with_transactions.csv and calls
    // customer_lifetime_value(time=12, discount_rate=0.01 a month) with its default of 30 model
    // periods per month.
    const rows = cdnowPublishedSummary();
    const bgnbd = fitBgNbd(rows);
    const gammaGamma = fitGammaGamma(rows);
    if (!bgnbd.ok || !gammaGamma.ok) throw new Error('fit failed');
    const options = { horizonMonths: 12, annualDiscountRate: 1.01 ** 12 - 1, periodsPerMonth: 30 };
    const clv = rows.slice(0, 10).map((row) => customerLifetimeValue(bgnbd.params, row, expectedSpend(gammaGamma.params, row), options).clv);
    const readme = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574];
    clv.forEach((value, i) => expect(Math.abs(value - readme[i]), `ID ${i + 1}`).toBeLessThan(0.01));
  });

  it('is expected purchases over the horizon × spend when nothing is discounted', () => {
    const customer = { x: 2, t_x: 30.43, T: 38.86 };
    const value = customerLifetimeValue(published, customer, 24.65, { horizonMonths: 12, annualDiscountRate: 0 });
    const purchases = expectedPurchases(published, customer, 12 * WEEKS_PER_MONTH);
    expect(value.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(value.clv).toBeCloseTo(purchases * 24.65, 10);
  });

  it('shrinks with the discount rate and grows with the horizon', () => {
    const customer = { x: 5, t_x: 35, T: 38 };
    const clv = (horizonMonths: number, annualDiscountRate: number) =>
      customerLifetimeValue(published, customer, 30, { horizonMonths, annualDiscountRate }).clv;
    expect(clv(12, 0.2)).toBeLessThan(clv(12, 0.05));
    expect(clv(24, 0.1)).toBeGreaterThan(clv(12, 0.1));
    expect(clv(0, 0.1)).toBe(0);
  });
});

describe('sanitizeClvOptions', () => {
  it('takes whole months and falls back on unusable values', () => {
    expect(sanitizeClvOptions({ horizonMonths: 18.7, annualDiscountRate: 0.08 })).toEqual({
      horizonMonths: 18,
      annualDiscountRate: 0.08,
      periodsPerMonth: WEEKS_PER_MONTH,
    });
    expect(sanitizeClvOptions({ horizonMonths: Number.NaN, annualDiscountRate: -0.5, periodsPerMonth: 0 })).toEqual({
      horizonMonths: 12,
      annualDiscountRate: 0.1,
      periodsPerMonth: WEEKS_PER_MONTH,
    });
  });
});
