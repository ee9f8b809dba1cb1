import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdFit,
  type BgNbdParams,
} from '../../../shared/scoring/bgnbd';
import { summarizeTransactions } from '../../../shared/scoring/summary';
import { cdnowSampleTransactions } from '../../fixtures/cdnow/load-cdnow';

/** Fader, Hardie & Lee (2005), Table 1: BG/NBD on the CDNOW sample, calibration to 1997-09-30. */
const published: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on CDNOW', () => {
  const customers = summarizeTransactions(cdnowSampleTransactions(), '1997-09-30').customers;
  let fit: BgNbdFit;
  beforeAll(() => {
    fit = fitBgNbd(customers);
  });

  it('recovers the published parameters and log-likelihood', () => {
    if (!fit.ok) throw new Error(fit.reason);
    expect(Math.abs(fit.params.r - published.r)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.alpha - published.alpha)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.a - published.a)).toBeLessThan(0.005);
    expect(Math.abs(fit.params.b - published.b)).toBeLessThan(0.005);
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.5);
    expect(fit.customers).toBe(2357);
  });

  it('finds a maximum: nudging any parameter lowers the likelihood', () => {
    if (!fit.ok) throw new Error(fit.reason);
    const best = bgnbdLogLikelihood(fit.params, customers);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) {
        expect(bgnbdLogLikelihood({ ...fit.params, [name]: fit.params[name] * factor }, customers)).toBeLessThan(best);
      }
    }
  });

  it("matches Hardie's spreadsheet: E[purchases in the next 39 weeks | x=2, t_x=30.43, T=38.86] = 1.226", () => {
    // The check in lifetimes' test suite (test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet).
    expect(expectedPurchases(published, { x: 2, t_x: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });
});

/** 2F1(a, b; c; z) by its defining power series, summed until the terms no longer matter. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1_000_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
  }
  return sum;
}

describe('@stdlib hyp2f1 where BG/NBD uses it', () => {
  // Arguments (r+x, b+x; a+b+x-1; t/(alpha+T+t)) for the CDNOW parameters over the range of
  // histories and horizons scoring uses: z from 0.02 to 0.996.
  const points = [0, 1, 2, 7, 20, 40].flatMap((x) =>
    [0, 10, 38.86].flatMap((T) => [1, 4.345, 52.14, 1000].map((t) => ({ x, T, t }))),
  );

  it('agrees with the power series to 1e-11 relative', () => {
    const { r, alpha, a, b } = published;
    for (const { x, T, t } of points) {
      const args = [r + x, b + x, a + b + x - 1, t / (alpha + T + t)] as const;
      const series = hyp2f1Series(...args);
      expect(Math.abs(hyp2f1(...args) - series) / series, `x=${x} T=${T} t=${t}`).toBeLessThan(1e-11);
    }
  });
});

describe('BG/NBD predictions', () => {
  it('expects nothing over no time and more over longer horizons', () => {
    const customer = { x: 3, t_x: 20, T: 30 };
    expect(expectedPurchases(published, customer, 0)).toBe(0);
    const horizons = [1, 4, 13, 52, 260].map((t) => expectedPurchases(published, customer, t));
    for (let i = 1; i < horizons.length; i++) expect(horizons[i]).toBeGreaterThan(horizons[i - 1]);
  });

  it('stays finite where 2F1 itself overflows (very frequent buyer, 20-year horizon)', () => {
    // Bought on 400 days, the last one today: almost surely alive.
    const customer = { x: 400, t_x: 39, T: 39 };
    const t = 1043;
    const { r, alpha, a, b } = published;
    expect(hyp2f1(r + customer.x, b + customer.x, a + b + customer.x - 1, t / (alpha + customer.T + t))).toBe(Infinity);
    const expected = expectedPurchases(published, customer, t);
    expect(Number.isFinite(expected)).toBe(true);
    // About 10 purchases a week while alive, with some chance of dropping out on the way:
    // over a thousand, fewer than at 10 a week for 20 years.
    expect(expected).toBeGreaterThan(1000);
    expect(expected).toBeLessThan((400 / 39) * t);
  });

  it('is finite and continuous at a = 1, where the formula is 0/0', () => {
    const customer = { x: 2, t_x: 30.43, T: 38.86 };
    const at = expectedPurchases({ ...published, a: 1 }, customer, 39);
    const beside = expectedPurchases({ ...published, a: 1.001 }, customer, 39);
    expect(Number.isFinite(at)).toBe(true);
    expect(Math.abs(at - beside)).toBeLessThan(0.01);
  });

  it('calls a customer who has not bought again alive, and one who went quiet likely gone', () => {
    expect(probabilityAlive(published, { x: 0, t_x: 0, T: 38 })).toBe(1);
    const regular = probabilityAlive(published, { x: 10, t_x: 38, T: 39 });
    const quiet = probabilityAlive(published, { x: 10, t_x: 5, T: 39 });
    expect(regular).toBeGreaterThan(0.9);
    expect(quiet).toBeLessThan(0.01);
    expect(quiet).toBeGreaterThanOrEqual(0);
  });
});

describe('fitBgNbd on little data', () => {
  it('says so when there are no customers', () => {
    expect(fitBgNbd([])).toEqual({ ok: false, reason: 'no customers to fit', customers: 0, repeatBuyers: 0 });
  });

  it('says so when nobody has bought twice', () => {
    const fit = fitBgNbd([
      { x: 0, t_x: 0, T: 10 },
      { x: 0, t_x: 0, T: 20 },
    ]);
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.reason).toMatch(/no customer has bought twice/);
  });

  it('regularises the fit for a single repeat buyer instead of returning runaway numbers, and says why', () => {
    const customer = { x: 3, t_x: 10, T: 12 };
    const fit = fitBgNbd([customer]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit).toMatchObject({ method: 'map', customers: 1, repeatBuyers: 1 });
    expect(fit.regularisedBecause).toBe('1 repeat buyer(s), fewer than the 300 maximum likelihood needs');
    for (const value of Object.values(fit.params)) expect(value).toBeGreaterThan(1e-2), expect(value).toBeLessThan(1e2);
    // Three purchases in ten weeks, the last two weeks ago: likely still buying.
    expect(probabilityAlive(fit.params, customer)).toBeGreaterThan(0.5);
  });
});
