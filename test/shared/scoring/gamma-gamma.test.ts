import { describe, expect, it } from 'vitest';
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood } from '../../../shared/scoring/gamma-gamma';
import { summarizeTransactions } from '../../../shared/scoring/summary';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

describe('Gamma-Gamma on CDNOW', () => {
  const customers = summarizeTransactions(cdnowSampleTransactions(), '1997-09-30').customers;
  const fit = fitGammaGamma(customers);

  it('recovers the published parameters from the 946 repeat buyers', () => {
    // Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": p 6.25, q 3.74, gamma 15.44.
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.customers).toBe(946);
    expect(Math.abs(fit.params.p - 6.25)).toBeLessThan(0.05);
    expect(Math.abs(fit.params.q - 3.74)).toBeLessThan(0.05);
    expect(Math.abs(fit.params.v - 15.44)).toBeLessThan(0.05);
  });

  it('gives the published conditional expected spend of customers 1-10', () => {
    if (!fit.ok) throw new Error(fit.reason);
    const byId = new Map(customers.map((c) => [c.customerId, c]));
    const spend = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map((id) => expectedSpend(fit.params, byId.get(id)!));
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    spend.forEach((value, i) => expect(Math.abs(value - published[i]), `ID ${i + 1}`).toBeLessThan(0.1));
  });

  it('finds a maximum: nudging any parameter lowers the likelihood', () => {
    if (!fit.ok) throw new Error(fit.reason);
    const best = gammaGammaLogLikelihood(fit.params, customers);
    for (const name of ['p', 'q', 'v'] as const) {
      for (const factor of [0.99, 1.01]) {
        expect(gammaGammaLogLikelihood({ ...fit.params, [name]: fit.params[name] * factor }, customers)).toBeLessThan(best);
      }
    }
  });
});

describe('expectedSpend', () => {
  const params = { p: 6.25, q: 3.74, v: 15.44 };

  it('is the population mean p·v/(q-1) for someone with no repeat purchase', () => {
    expect(expectedSpend(params, { x: 0, zbar: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
  });

  it('moves towards the customer’s own mean the more purchases back it', () => {
    const population = expectedSpend(params, { x: 0, zbar: 0 });
    const few = expectedSpend(params, { x: 1, zbar: 100 });
    const many = expectedSpend(params, { x: 20, zbar: 100 });
    expect(few).toBeGreaterThan(population);
    expect(many).toBeGreaterThan(few);
    expect(many).toBeLessThan(100);
  });
});

describe('fitGammaGamma on data that cannot identify it', () => {
  it('needs two repeat buyers with a positive spend', () => {
    const fit = fitGammaGamma([
      { x: 0, zbar: 0 },
      { x: 2, zbar: 30 },
      { x: 1, zbar: 0 },
    ]);
    expect(fit).toEqual({ ok: false, reason: '1 repeat buyer(s) with a positive spend: at least 2 are needed to fit the spend model' });
  });

  it('says so when every repeat buyer spends exactly the same', () => {
    const fit = fitGammaGamma([
      { x: 1, zbar: 20 },
      { x: 3, zbar: 20 },
      { x: 2, zbar: 20 },
    ]);
    expect(fit.ok).toBe(false);
  });
});
