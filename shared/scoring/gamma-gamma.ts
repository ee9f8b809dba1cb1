import gammaln from '@stdlib/math-base-special-gammaln';
import { fitPositiveParameters } from './fit-positive';

/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie, "The Gamma-Gamma model of
 * monetary value", 2013): a customer's transaction values are Gamma(p, ν), and ν is Gamma(q, v)
 * across customers (the note's γ is `v` here). Assumes spend is independent of purchase frequency.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A repeat buyer's x repeat purchases with mean value zbar. */
export interface RepeatSpend {
  x: number;
  zbar: number;
}

export type GammaGammaFit =
  | { ok: true; params: GammaGammaParams; logLikelihood: number; customers: number }
  | { ok: false; reason: string };

/** Only repeat buyers with a positive mean spend carry information about spend (zbar = 0 has no density). */
export const informsSpendModel = ({ x, zbar }: RepeatSpend): boolean => x > 0 && zbar > 0;

/**
 * The informative customers in arrays, with what does not depend on the parameters taken once:
 * log Γ terms are needed per distinct x only, and there are few distinct x.
 */
interface PreparedSpend {
  xValues: number[];
  customerX: Int32Array;
  x: Float64Array;
  zbar: Float64Array;
  logZbar: Float64Array;
  logX: Float64Array;
}

function prepare(data: readonly RepeatSpend[]): PreparedSpend {
  const informative = data.filter(informsSpendModel);
  const xIndex = new Map<number, number>();
  const customerX = informative.map(({ x }) => {
    let index = xIndex.get(x);
    if (index === undefined) xIndex.set(x, (index = xIndex.size));
    return index;
  });
  return {
    xValues: [...xIndex.keys()],
    customerX: Int32Array.from(customerX),
    x: Float64Array.from(informative, (c) => c.x),
    zbar: Float64Array.from(informative, (c) => c.zbar),
    logZbar: Float64Array.from(informative, (c) => Math.log(c.zbar)),
    logX: Float64Array.from(informative, (c) => Math.log(c.x)),
  };
}

/**
 * Sum of log f(zbar | p, q, v; x) = log[ Γ(px+q) / (Γ(px) Γ(q)) · v^q x^(px) zbar^(px-1) / (v + x zbar)^(px+q) ]
 * over the customers that inform the model.
 */
function preparedLogLikelihood({ p, q, v }: GammaGammaParams, data: PreparedSpend): number {
  const shared = q * Math.log(v) - gammaln(q);
  const logGammaRatio = data.xValues.map((x) => gammaln(p * x + q) - gammaln(p * x));
  const { customerX, x, zbar, logZbar, logX } = data;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total += logGammaRatio[customerX[i]] + (px - 1) * logZbar[i] + px * logX[i] - (px + q) * Math.log(v + x[i] * zbar[i]);
  }
  return total + shared * x.length;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly RepeatSpend[]): number {
  return preparedLogLikelihood(params, prepare(data));
}

/**
 * Fits Gamma-Gamma by maximum likelihood on the repeat buyers with positive spend. Not identified
 * with fewer than two of them, when a parameter runs off towards 0 or infinity (e.g. every
 * customer spends exactly the same), or when q <= 1 (no finite mean spend).
 */
export function fitGammaGamma(data: readonly RepeatSpend[]): GammaGammaFit {
  const prepared = prepare(data);
  const customers = prepared.x.length;
  if (customers < 2) {
    return { ok: false, reason: `${customers} repeat buyer(s) with a positive spend: at least 2 are needed to fit the spend model` };
  }
  const meanSpend = prepared.zbar.reduce((sum, zbar) => sum + zbar, 0) / customers;
  // Start: p = q = 1 and v on the scale of the spend.
  const fit = fitPositiveParameters({ p: 1, q: 1, v: meanSpend }, (params) => -preparedLogLikelihood(params, prepared) / customers);
  if (!fit.ok) return fit;
  if (fit.params.q <= 1) {
    return { ok: false, reason: `q = ${fit.params.q.toPrecision(3)} <= 1: the spend distribution has no finite mean` };
  }
  return { ok: true, params: fit.params, logLikelihood: -fit.value * customers, customers };
}

/**
 * E[spend per transaction | x, zbar] = (p (v + x zbar)) / (p x + q - 1): a weighted average of the
 * population mean p v / (q - 1) and the customer's own mean zbar, leaning on zbar the more
 * purchases back it. For x = 0 it is the population mean.
 */
export function expectedSpend({ p, q, v }: GammaGammaParams, { x, zbar }: RepeatSpend): number {
  return (p * (v + x * zbar)) / (p * x + q - 1);
}
