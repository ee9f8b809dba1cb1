import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { fitPositiveParameters } from './fit-positive';
import { TripleMap } from './triple-map';

/**
 * The BG/NBD customer-base model (Fader, Hardie & Lee, "Counting your customers the easy way",
 * Marketing Science 24(2), 2005): while alive a customer buys as a Poisson process whose rate is
 * Gamma(r, alpha) across customers; after each purchase they drop out with probability p, which is
 * Beta(a, b) across customers. Formulas and numerical forms follow the `lifetimes` library.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration history: x repeat purchases, the last at t_x, observed for T (weeks). */
export interface RecencyFrequency {
  x: number;
  t_x: number;
  T: number;
}

export type BgNbdFit =
  | { ok: true; params: BgNbdParams; logLikelihood: number; customers: number; evaluations: number }
  | { ok: false; reason: string };

/**
 * The data compressed for fast likelihood evaluation: identical (x, t_x, T) triples become one
 * weighted group, and the logarithms that depend on alpha are taken once per distinct T and t_x
 * (with dates in whole days there are only a few hundred of each, however many customers).
 */
interface PreparedData {
  customers: number;
  xValues: number[];
  tValues: Float64Array;
  recencyValues: Float64Array;
  groupX: Int32Array;
  groupT: Int32Array;
  groupRecency: Int32Array;
  groupWeight: Float64Array;
}

function indexOf(map: Map<number, number>, value: number): number {
  let index = map.get(value);
  if (index === undefined) {
    index = map.size;
    map.set(value, index);
  }
  return index;
}

function prepare(data: readonly RecencyFrequency[]): PreparedData {
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const recencyIndex = new Map<number, number>();
  const groups = new TripleMap<number>();
  const groupX: number[] = [];
  const groupT: number[] = [];
  const groupRecency: number[] = [];
  const groupWeight: number[] = [];
  for (const { x, t_x, T } of data) {
    const group = groups.get(x, t_x, T);
    if (group !== undefined) {
      groupWeight[group]++;
      continue;
    }
    groups.set(x, t_x, T, groupWeight.length);
    groupX.push(indexOf(xIndex, x));
    groupT.push(indexOf(tIndex, T));
    groupRecency.push(indexOf(recencyIndex, t_x));
    groupWeight.push(1);
  }
  return {
    customers: data.length,
    xValues: [...xIndex.keys()],
    tValues: Float64Array.from(tIndex.keys()),
    recencyValues: Float64Array.from(recencyIndex.keys()),
    groupX: Int32Array.from(groupX),
    groupT: Int32Array.from(groupT),
    groupRecency: Int32Array.from(groupRecency),
    groupWeight: Float64Array.from(groupWeight),
  };
}

/**
 * Sum over customers of the log-likelihood (FHL 2005, eq. 6):
 * L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + [x > 0] B(a+1, b+x-1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 * the sum of the two terms taken in log space so large x does not overflow.
 */
function preparedLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: PreparedData): number {
  const { xValues, tValues, recencyValues } = data;
  const common = new Float64Array(xValues.length);
  const dropout = new Float64Array(xValues.length);
  const shared = r * Math.log(alpha) - gammaln(r) - betaln(a, b);
  for (let i = 0; i < xValues.length; i++) {
    const x = xValues[i];
    common[i] = shared + gammaln(r + x) + betaln(a, b + x);
    dropout[i] = x > 0 ? betaln(a + 1, b + x - 1) - betaln(a, b + x) : -Infinity;
  }
  const logAgeTerm = tValues.map((T) => Math.log(alpha + T));
  const logRecencyTerm = recencyValues.map((t_x) => Math.log(alpha + t_x));

  const { groupX, groupT, groupRecency, groupWeight } = data;
  let total = 0;
  for (let g = 0; g < groupWeight.length; g++) {
    const xi = groupX[g];
    const rx = r + xValues[xi];
    const alive = -rx * logAgeTerm[groupT[g]];
    let term = alive;
    if (dropout[xi] !== -Infinity) {
      const droppedOut = dropout[xi] - rx * logRecencyTerm[groupRecency[g]];
      const high = Math.max(alive, droppedOut);
      term = high + Math.log1p(Math.exp(Math.min(alive, droppedOut) - high));
    }
    total += groupWeight[g] * (common[xi] + term);
  }
  return total;
}

export function bgnbdLogLikelihood(params: BgNbdParams, data: readonly RecencyFrequency[]): number {
  return preparedLogLikelihood(params, prepare(data));
}

/**
 * Fits BG/NBD by maximum likelihood (Nelder-Mead in log-parameter space).
 * Not identified, and said so, when there are no customers or no repeat buyers, or when a
 * parameter runs off towards 0 or infinity.
 */
export function fitBgNbd(data: readonly RecencyFrequency[]): BgNbdFit {
  if (data.length === 0) return { ok: false, reason: 'no customers to fit' };
  if (!data.some((c) => c.x > 0)) {
    return { ok: false, reason: 'no customer has bought twice: purchase and drop-out rates cannot be told apart' };
  }
  const prepared = prepare(data);
  const meanAge = data.reduce((sum, c) => sum + c.T, 0) / data.length;
  // Start: r = a = b = 1 and alpha on the scale of the observed ages. The objective is per customer
  // so the optimiser's tolerance means the same for 10 customers as for 100,000.
  const fit = fitPositiveParameters(
    { r: 1, alpha: Math.max(meanAge, 1e-3), a: 1, b: 1 },
    (params) => -preparedLogLikelihood(params, prepared) / prepared.customers,
  );
  if (!fit.ok) return fit;
  return {
    ok: true,
    params: fit.params,
    logLikelihood: -fit.value * prepared.customers,
    customers: prepared.customers,
    evaluations: fit.evaluations,
  };
}

/** log of the odds that a customer with x > 0 dropped out right after their last purchase. */
function logOddsDroppedOut({ r, alpha, a, b }: BgNbdParams, { x, t_x, T }: RecencyFrequency): number {
  return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + t_x));
}

/**
 * P(alive | x, t_x, T). In BG/NBD customers can only drop out right after a purchase, so someone
 * who has not bought again (x = 0) is alive with probability 1: use recency for them.
 */
export function probabilityAlive(params: BgNbdParams, customer: RecencyFrequency): number {
  if (customer.x === 0) return 1;
  return 1 / (1 + Math.exp(logOddsDroppedOut(params, customer)));
}

/**
 * E[purchases in (T, T + t] | x, t_x, T] (FHL 2005, eq. 10), with the Gaussian hypergeometric
 * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t)). Where 2F1 overflows (large x, long horizons) its Euler
 * transform (1-z)^(c-a-b) 2F1(c-a, c-b; c; z) is used instead, as `lifetimes` does.
 */
export function expectedPurchases(params: BgNbdParams, customer: RecencyFrequency, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, b } = params;
  // The formula has a removable 0/0 at a = 1; just beside it the result is accurate to ~1e-9.
  const a = Math.abs(params.a - 1) < 1e-7 ? 1 + 1e-7 : params.a;
  const { x, T } = customer;
  const [hypA, hypB, hypC] = [r + x, b + x, a + b + x - 1];
  const z = t / (alpha + T + t);
  let logHyp = Math.log(hyp2f1(hypA, hypB, hypC, z));
  if (!Number.isFinite(logHyp)) {
    logHyp = Math.log(hyp2f1(hypC - hypA, hypC - hypB, hypC, z)) + (hypC - hypA - hypB) * Math.log1p(-z);
  }
  const purchasesIfAlive = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logHyp + (r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const expected = purchasesIfAlive * probabilityAlive({ r, alpha, a, b }, customer);
  return Number.isFinite(expected) && expected > 0 ? expected : 0;
}
