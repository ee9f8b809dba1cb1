import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { fitPositiveParameters, implausible, type FitMethod } from './fit-positive';
import { MIN_REPEAT_BUYERS_FOR_ML, priorPenalty, purchasePriorCentre } from './prior';
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

/** Many customers' histories as columns (customer i is position i of each). */
export interface RecencyFrequencyColumns {
  x: ArrayLike<number>;
  t_x: ArrayLike<number>;
  T: ArrayLike<number>;
}

export type BgNbdFit =
  | {
      ok: true;
      params: BgNbdParams;
      /** of the data at these parameters (for a regularised fit too: the prior is not in it) */
      logLikelihood: number;
      customers: number;
      /** customers with x > 0: how much the data say about repeat buying and dropping out */
      repeatBuyers: number;
      method: FitMethod;
      /** why the fit was regularised; null for maximum likelihood */
      regularisedBecause: string | null;
      evaluations: number;
    }
  | { ok: false; reason: string; customers: number; repeatBuyers: number };

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

function asColumns(data: readonly RecencyFrequency[] | RecencyFrequencyColumns): RecencyFrequencyColumns {
  if (!Array.isArray(data)) return data as RecencyFrequencyColumns;
  const customers = data as readonly RecencyFrequency[];
  return { x: customers.map((c) => c.x), t_x: customers.map((c) => c.t_x), T: customers.map((c) => c.T) };
}

function prepare({ x: xs, t_x: recencies, T: ages }: RecencyFrequencyColumns): PreparedData {
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const recencyIndex = new Map<number, number>();
  const groups = new TripleMap<number>();
  const groupX: number[] = [];
  const groupT: number[] = [];
  const groupRecency: number[] = [];
  const groupWeight: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t_x = recencies[i];
    const T = ages[i];
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
    customers: xs.length,
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

export function bgnbdLogLikelihood(params: BgNbdParams, data: readonly RecencyFrequency[] | RecencyFrequencyColumns): number {
  return preparedLogLikelihood(params, prepare(asColumns(data)));
}

/**
 * Fits BG/NBD: by maximum likelihood (Nelder-Mead in log-parameter space) when at least
 * MIN_REPEAT_BUYERS_FOR_ML customers bought twice and the result is plausible, otherwise by
 * maximum a posteriori under the retail prior (`prior.ts`), saying why. Not fitted, and said so,
 * when there are no customers or no repeat buyers: then nothing tells buying from dropping out.
 */
export function fitBgNbd(data: readonly RecencyFrequency[] | RecencyFrequencyColumns): BgNbdFit {
  const columns = asColumns(data);
  const customers = columns.x.length;
  let repeatBuyers = 0;
  let repeats = 0;
  let weeks = 0;
  for (let i = 0; i < customers; i++) {
    if (columns.x[i] > 0) repeatBuyers++;
    repeats += columns.x[i];
    weeks += columns.T[i];
  }
  if (customers === 0) return { ok: false, reason: 'no customers to fit', customers, repeatBuyers };
  if (repeatBuyers === 0) {
    return { ok: false, reason: 'no customer has bought twice: purchase and drop-out rates cannot be told apart', customers, repeatBuyers };
  }
  const prepared = prepare(columns);
  // Per customer, so the optimiser's tolerance means the same for 10 customers as for 100,000.
  const negativeLogLikelihood = (params: BgNbdParams) => -preparedLogLikelihood(params, prepared) / customers;
  // Customers all bought on the calibration end's day: no time observed, any pace will do.
  const centre = purchasePriorCentre(weeks > 0 ? repeats / weeks : 1);
  const fitted = (fit: { params: BgNbdParams; evaluations: number }, method: FitMethod, regularisedBecause: string | null): BgNbdFit => ({
    ok: true,
    params: fit.params,
    logLikelihood: preparedLogLikelihood(fit.params, prepared),
    customers,
    repeatBuyers,
    method,
    regularisedBecause,
    evaluations: fit.evaluations,
  });

  let regularisedBecause = `${repeatBuyers} repeat buyer(s), fewer than the ${MIN_REPEAT_BUYERS_FOR_ML} maximum likelihood needs`;
  if (repeatBuyers >= MIN_REPEAT_BUYERS_FOR_ML) {
    // Start: r = a = b = 1 and alpha on the scale of the observed ages.
    const ml = fitPositiveParameters({ r: 1, alpha: Math.max(weeks / customers, 1e-3), a: 1, b: 1 }, negativeLogLikelihood);
    const offRange = ml.ok ? implausible(ml.params, centre) : '';
    if (ml.ok && offRange === '') return fitted(ml, 'ml', null);
    regularisedBecause = `maximum likelihood was unusable: ${ml.ok ? offRange : ml.reason}`;
  }
  const map = fitPositiveParameters(centre, (params) => negativeLogLikelihood(params) + priorPenalty(params, centre) / customers);
  if (!map.ok) return { ok: false, reason: `the data do not identify the model, even with the retail prior: ${map.reason}`, customers, repeatBuyers };
  return fitted(map, 'map', regularisedBecause);
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
