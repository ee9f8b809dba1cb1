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

describe('fitGammaGamma on few repeat buyers', () => {
  it('is not fitted without a repeat buyer who spent something', () => {
    expect(fitGammaGamma([{ x: 0, zbar: 0 }, { x: 1, zbar: 0 }])).toEqual({ ok: false, reason: 'no repeat buyer with a positive spend', customers: 0, meanSpend: null });
  });

  it('fits a single repeat buyer by the retail prior, expecting about what they spend', () => {
    const fit = fitGammaGamma([
      { x: 0, zbar: 0 },
      { x: 2, zbar: 30 },
      { x: 1, zbar: 0 },
    ]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit).toMatchObject({ method: 'map', customers: 1, regularisedBecause: expect.stringMatching(/^1 repeat buyer\(s\) with a spend, fewer than the 300/) });
    expect(fit.params.q).toBeGreaterThan(1);
    const spend = expectedSpend(fit.params, { x: 2, zbar: 30 });
    expect(spend).toBeGreaterThan(20);
    expect(spend).toBeLessThan(45);
  });

  it('expects the common amount when every repeat buyer spends exactly the same, where maximum likelihood has no answer', () => {
    const fit = fitGammaGamma([
      { x: 1, zbar: 20 },
      { x: 3, zbar: 20 },
      { x: 2, zbar: 20 },
    ]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.method).toBe('map');
    for (const x of [0, 1, 3]) expect(Math.abs(expectedSpend(fit.params, { x, zbar: x ? 20 : 0 }) - 20)).toBeLessThan(0.2 * 20);
  });
});
