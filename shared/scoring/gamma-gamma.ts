import gammaln from '@stdlib/math-base-special-gammaln';
import { fitPositiveParameters, implausible, type FitMethod } from './fit-positive';
import { MIN_REPEAT_BUYERS_FOR_ML, priorPenalty, spendPriorCentre } from './prior';

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

/** Many customers' repeat spend as columns. */
export interface RepeatSpendColumns {
  x: ArrayLike<number>;
  zbar: ArrayLike<number>;
}

export type GammaGammaFit =
  | {
      ok: true;
      params: GammaGammaParams;
      /** of the data at these parameters (for a regularised fit too: the prior is not in it) */
      logLikelihood: number;
      /** the repeat buyers with a positive spend it was fitted on */
      customers: number;
      method: FitMethod;
      /** why the fit was regularised; null for maximum likelihood */
      regularisedBecause: string | null;
    }
  | {
      ok: false;
      reason: string;
      customers: number;
      /**
       * The simpler estimate when repeat buyers spent something but the model cannot be fitted
       * (it runs off when spend hardly varies, e.g. one subscription price): their mean purchase value.
       */
      meanSpend: number | null;
    };

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

function prepare(data: readonly RepeatSpend[] | RepeatSpendColumns): PreparedSpend {
  const columns = Array.isArray(data)
    ? { x: (data as readonly RepeatSpend[]).map((c) => c.x), zbar: (data as readonly RepeatSpend[]).map((c) => c.zbar) }
    : (data as RepeatSpendColumns);
  const informative: number[] = [];
  for (let i = 0; i < columns.x.length; i++) if (informsSpendModel({ x: columns.x[i], zbar: columns.zbar[i] })) informative.push(i);
  const xIndex = new Map<number, number>();
  const customerX = informative.map((i) => {
    let index = xIndex.get(columns.x[i]);
    if (index === undefined) xIndex.set(columns.x[i], (index = xIndex.size));
    return index;
  });
  return {
    xValues: [...xIndex.keys()],
    customerX: Int32Array.from(customerX),
    x: Float64Array.from(informative, (i) => columns.x[i]),
    zbar: Float64Array.from(informative, (i) => columns.zbar[i]),
    logZbar: Float64Array.from(informative, (i) => Math.log(columns.zbar[i])),
    logX: Float64Array.from(informative, (i) => Math.log(columns.x[i])),
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

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly RepeatSpend[] | RepeatSpendColumns): number {
  return preparedLogLikelihood(params, prepare(data));
}

/**
 * Fits Gamma-Gamma on the repeat buyers with positive spend: by maximum likelihood when there are
 * at least MIN_REPEAT_BUYERS_FOR_ML of them and the result is plausible with q > 1 (a finite mean
 * spend), otherwise by maximum a posteriori under the retail prior (`prior.ts`), saying why. Not
 * fitted without any such buyer, or when even the prior cannot hold a parameter (hundreds of
 * customers who all spend exactly the same): then `meanSpend` is the simpler estimate.
 */
export function fitGammaGamma(data: readonly RepeatSpend[] | RepeatSpendColumns): GammaGammaFit {
  const prepared = prepare(data);
  const customers = prepared.x.length;
  if (customers === 0) return { ok: false, reason: 'no repeat buyer with a positive spend', customers, meanSpend: null };
  const meanSpend = prepared.zbar.reduce((sum, zbar) => sum + zbar, 0) / customers;
  const meanPurchase = prepared.zbar.reduce((sum, zbar, i) => sum + zbar * prepared.x[i], 0) / prepared.x.reduce((sum, x) => sum + x, 0);
  const negativeLogLikelihood = (params: GammaGammaParams) => -preparedLogLikelihood(params, prepared) / customers;
  const centre = spendPriorCentre(meanSpend);
  const model = ({ p, qMinusOne, v }: typeof centre): GammaGammaParams => ({ p, q: 1 + qMinusOne, v });

  let regularisedBecause = `${customers} repeat buyer(s) with a spend, fewer than the ${MIN_REPEAT_BUYERS_FOR_ML} maximum likelihood needs`;
  if (customers >= MIN_REPEAT_BUYERS_FOR_ML) {
    // Start: p = q = 1 and v on the scale of the spend.
    const ml = fitPositiveParameters({ p: 1, q: 1, v: meanSpend }, negativeLogLikelihood);
    const offRange = !ml.ok ? ml.reason : ml.params.q <= 1 ? `q = ${ml.params.q.toPrecision(3)} <= 1: no finite mean spend` : implausible(ml.params, model(centre));
    if (ml.ok && offRange === '') {
      return { ok: true, params: ml.params, logLikelihood: -ml.value * customers, customers, method: 'ml', regularisedBecause: null };
    }
    regularisedBecause = `maximum likelihood was unusable: ${offRange}`;
  }
  const map = fitPositiveParameters(centre, (params) => negativeLogLikelihood(model(params)) + priorPenalty(params, centre) / customers);
  if (!map.ok) {
    return { ok: false, reason: `the spend data do not identify the model, even with the retail prior: ${map.reason}`, customers, meanSpend: meanPurchase };
  }
  const params = model(map.params);
  return { ok: true, params, logLikelihood: preparedLogLikelihood(params, prepared), customers, method: 'map', regularisedBecause };
}

/**
 * E[spend per transaction | x, zbar] = (p (v + x zbar)) / (p x + q - 1): a weighted average of the
 * population mean p v / (q - 1) and the customer's own mean zbar, leaning on zbar the more
 * purchases back it. For x = 0 it is the population mean.
 */
export function expectedSpend({ p, q, v }: GammaGammaParams, { x, zbar }: RepeatSpend): number {
  return (p * (v + x * zbar)) / (p * x + q - 1);
}
