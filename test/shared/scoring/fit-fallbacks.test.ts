import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../shared/scoring/bgnbd';
import { scoreCustomers } from '../../../shared/scoring/score-customers';
import type { Transaction } from '../../../shared/scoring/summary';

// Enough data for maximum likelihood, but data it cannot settle on: the fit must step back, and say so.
describe('when maximum likelihood runs off on plenty of data', () => {
  it('the purchase model is regularised instead, with the reason', () => {
    // 400 repeat buyers, all observed for 30 weeks, whose histories say nothing about dropping out.
    const customers = Array.from({ length: 400 }, (_, i) => ({ x: 1 + (i % 5), t_x: 10 + (i % 7), T: 30 }));
    const fit = fitBgNbd(customers);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.method).toBe('map');
    expect(fit.regularisedBecause).toMatch(/^maximum likelihood was unusable: .*ran off towards 0 or infinity$/);
    for (const value of Object.values(fit.params)) expect(value).toBeGreaterThan(1e-4), expect(value).toBeLessThan(1e4);
  });

  it('a spend that never varies (one subscription price) is expected as it is, the spend model set aside', () => {
    const transactions: Transaction[] = [];
    for (let c = 0; c < 350; c++) {
      for (let k = 0; k <= 1 + (c % 4); k++) transactions.push({ customerId: `c${c}`, date: `2026-0${1 + k}-1${c % 9}`, amount: 20 });
    }
    const result = scoreCustomers(transactions, { calibrationEnd: '2026-06-30' });
    if (!result.ok) throw new Error(result.error);
    expect(result.params.gammaGamma).toMatchObject({ ok: false, customers: 350, meanSpend: 20 });
    expect(result.warnings.find((w) => w.code === 'spend-model-mean')?.message).toMatch(/^expected spend is the mean repeat purchase, 20\.00, for every customer: /);
    for (const customer of result.customers) {
      expect(customer).toMatchObject({ expectedSpend: 20, spendModel: 'mean' });
      expect(customer.clv).toBeGreaterThan(0);
    }
  });
});
