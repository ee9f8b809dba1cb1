import { abcClasses, sanitizeAbcThresholds, type AbcThresholds, type ValueClass } from './abc';
import { backtestOf, type Backtest } from './backtest';
import { fitBgNbd, probabilityAlive, type BgNbdFit } from './bgnbd';
import { customerLifetimeValue, sanitizeClvOptions, type ClvOptions } from './clv';
import { DAYS_PER_WEEK, dayNumber } from './dates';
import type { FitMethod } from './fit-positive';
import { fitBasis } from './fit-quality';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import { rfmQuintiles, rfmScoreOf, type Quintile, type RfmScore } from './rfm';
import { TripleMap } from './triple-map';
import {
  cachedDateOf,
  customerSummaryAt,
  customerTable,
  type CustomerSummary,
  type CustomerTable,
  type ExcludedCustomer,
  type Transaction,
} from './summary';
import type { ScoringWarning } from './warnings';

export interface ScoringOptions extends Partial<Pick<ClvOptions, 'horizonMonths' | 'annualDiscountRate'>> {
  /** 'YYYY-MM-DD': the day the scores are as of (usually today); later transactions are ignored */
  calibrationEnd: string;
  abcThresholds?: Partial<AbcThresholds>;
  /** a valuable (A or B) customer whose probability of being alive is below this is at risk */
  pAliveThreshold?: number;
  /** a customer is overdue when the days since their last purchase exceed this many usual gaps */
  overdueFactor?: number;
}

export interface ScoringSettings extends ClvOptions {
  calibrationEnd: string;
  abcThresholds: AbcThresholds;
  pAliveThreshold: number;
  overdueFactor: number;
}

export const defaultScoringSettings = { pAliveThreshold: 0.5, overdueFactor: 2 } as const;

export interface CustomerScore extends CustomerSummary, RfmScore {
  valueClass: ValueClass;
  /** expected purchases over the CLV horizon; null when BG/NBD could not be fitted */
  expectedPurchases: number | null;
  /** probability the customer is still active; null when BG/NBD could not be fitted */
  pAlive: number | null;
  /** expected spend per future purchase; null when the spend model could not be fitted */
  expectedSpend: number | null;
  /** discounted expected revenue over the horizon; null when either model is missing */
  clv: number | null;
  /** how the purchase model behind expectedPurchases and pAlive was fitted ('map': regularised); null when it was not */
  purchaseModel: FitMethod | null;
  /** how the spend model behind expectedSpend was fitted; 'mean' when it could not be and the mean purchase value stands in; null when there is neither */
  spendModel: FitMethod | 'mean' | null;
  /** days since the last purchase exceed overdueFactor × the customer's usual gap between purchases */
  overdue: boolean;
  /** valuable (A or B) and either pAlive below the threshold or overdue */
  atRisk: boolean;
}

interface ScoredParts {
  settings: ScoringSettings;
  params: { bgnbd: BgNbdFit; gammaGamma: GammaGammaFit };
  excluded: ExcludedCustomer[];
  warnings: ScoringWarning[];
  /** with a holdout end: how well the purchase model predicted the holdout */
  backtest: Backtest | null;
}

/** Scores of a table, computed customer by customer on request, so millions need not be held at once. */
export interface ScoredTable extends ScoredParts {
  size: number;
  score(index: number): CustomerScore;
}

export type ScoringResult = ({ ok: true; customers: CustomerScore[] } & ScoredParts) | { ok: false; error: string };

/**
 * Scores every customer from their dated purchases: summary (x, t_x, T, zbar, revenue), RFM scores
 * and segment, ABC class, BG/NBD expected purchases and P(alive), Gamma-Gamma expected spend, CLV,
 * and the at-risk flag. What cannot be computed comes back as null with a warning saying why; RFM
 * and ABC are always given. Options may come straight from a settings tab: unusable values fall
 * back to the defaults (see `settings` in the result for what was used).
 */
export function scoreCustomers(transactions: readonly Transaction[], options: ScoringOptions): ScoringResult {
  if (dayNumber(options.calibrationEnd) === null) {
    return { ok: false, error: `calibration end must be a date written YYYY-MM-DD, got "${options.calibrationEnd}"` };
  }
  const { score, size, ...parts } = scoreTable(customerTable(transactions, options.calibrationEnd), options);
  const customers = new Array<CustomerScore>(size);
  for (let i = 0; i < size; i++) customers[i] = score(i);
  return { ok: true, ...parts, customers };
}

/**
 * The models fitted and the customers ranked on a summary table (`customerTable`, or a file read
 * as a stream into `CustomerDays`); each customer's scores are then computed by `score(i)`. The
 * calibration end is the table's.
 */
export function scoreTable(table: CustomerTable, options: Omit<ScoringOptions, 'calibrationEnd'>): ScoredTable {
  const settings = sanitizeSettings({ ...options, calibrationEnd: table.calibrationEnd });
  const warnings = [...table.warnings];
  const count = table.ids.length;

  const bgnbd = fitBgNbd(table);
  if (!bgnbd.ok) warnings.push({ code: 'model-not-identified', count, message: `no expected purchases, P(alive) or CLV: ${bgnbd.reason}` });
  else if (bgnbd.method === 'map') {
    warnings.push({
      code: 'model-regularised',
      count,
      message: `expected purchases, P(alive) and CLV ${fitBasis(bgnbd.repeatBuyers)}: fitted with a weak prior centred on published retail values (regularised): ${bgnbd.regularisedBecause}`,
    });
  }
  const gammaGamma = fitGammaGamma(table);
  if (!gammaGamma.ok && gammaGamma.meanSpend !== null) {
    const mean = gammaGamma.meanSpend.toFixed(2);
    warnings.push({ code: 'spend-model-mean', count, message: `expected spend is the mean repeat purchase, ${mean}, for every customer: ${gammaGamma.reason}` });
  } else if (!gammaGamma.ok) warnings.push({ code: 'spend-model-not-identified', count, message: `no expected spend or CLV: ${gammaGamma.reason}` });
  else if (gammaGamma.method === 'map') {
    warnings.push({
      code: 'spend-model-regularised',
      count,
      message: `expected spend ${fitBasis(gammaGamma.customers)}: fitted with a weak prior centred on published retail values (regularised): ${gammaGamma.regularisedBecause}`,
    });
  }

  const rfm = rfmQuintiles(table.lastDay, table.purchaseDays, table.revenueCents);
  const classes = abcClasses(table.revenueCents, settings.abcThresholds);
  const usualGap = usualGapDays(table);
  const dateOf = cachedDateOf();
  // CLV per unit of spend depends only on (x, t_x, T): customers who share them share the sum.
  const perUnitSpend = new TripleMap<{ expectedPurchases: number; clv: number }>();

  const score = (i: number): CustomerScore => {
    const customer = customerSummaryAt(table, i, dateOf);
    let expectedPurchases: number | null = null;
    let pAlive: number | null = null;
    let clv: number | null = null;
    const spend = gammaGamma.ok ? expectedSpend(gammaGamma.params, customer) : gammaGamma.meanSpend;
    if (bgnbd.ok) {
      const { x, t_x, T } = customer;
      let value = perUnitSpend.get(x, t_x, T);
      if (!value) {
        value = customerLifetimeValue(bgnbd.params, customer, 1, settings);
        perUnitSpend.set(x, t_x, T, value);
      }
      expectedPurchases = value.expectedPurchases;
      pAlive = probabilityAlive(bgnbd.params, customer);
      clv = spend === null ? null : value.clv * spend;
    }
    const gap = usualGap(i);
    const overdue = gap !== null && customer.daysSinceLastPurchase > settings.overdueFactor * gap;
    const valueClass = classes[i];
    const valuable = valueClass === 'A' || valueClass === 'B';
    const { recencyScore, frequencyScore, monetaryScore, rfmScore, rfmSegment } = rfmScoreOf(
      rfm.recency[i] as Quintile,
      rfm.frequency[i] as Quintile,
      rfm.monetary[i] as Quintile,
    );
    // Spelled out rather than spread: spreading two objects into one was 20× slower, the
    // biggest cost of the whole run on 23,570 customers.
    return {
      customerId: customer.customerId,
      x: customer.x,
      t_x: customer.t_x,
      T: customer.T,
      zbar: customer.zbar,
      revenue: customer.revenue,
      purchaseDays: customer.purchaseDays,
      monetaryMean: customer.monetaryMean,
      firstPurchase: customer.firstPurchase,
      lastPurchase: customer.lastPurchase,
      daysSinceLastPurchase: customer.daysSinceLastPurchase,
      recencyScore,
      frequencyScore,
      monetaryScore,
      rfmScore,
      rfmSegment,
      valueClass,
      expectedPurchases,
      pAlive,
      expectedSpend: spend,
      clv,
      purchaseModel: bgnbd.ok ? bgnbd.method : null,
      spendModel: gammaGamma.ok ? gammaGamma.method : gammaGamma.meanSpend === null ? null : 'mean',
      overdue,
      atRisk: valuable && ((pAlive !== null && pAlive < settings.pAliveThreshold) || overdue),
    };
  };

  return {
    settings,
    params: { bgnbd, gammaGamma },
    excluded: table.excluded,
    warnings,
    backtest: table.holdout && bgnbd.ok ? backtestOf(table, bgnbd.params) : null,
    size: count,
    score,
  };
}

function sanitizeSettings(options: ScoringOptions): ScoringSettings {
  const { pAliveThreshold, overdueFactor } = options;
  return {
    calibrationEnd: options.calibrationEnd,
    ...sanitizeClvOptions(options),
    abcThresholds: sanitizeAbcThresholds(options.abcThresholds),
    pAliveThreshold:
      typeof pAliveThreshold === 'number' && Number.isFinite(pAliveThreshold)
        ? Math.min(1, Math.max(0, pAliveThreshold))
        : defaultScoringSettings.pAliveThreshold,
    overdueFactor:
      typeof overdueFactor === 'number' && Number.isFinite(overdueFactor) && overdueFactor > 0
        ? overdueFactor
        : defaultScoringSettings.overdueFactor,
  };
}

/**
 * A customer's usual gap between purchases, in days: their own mean gap once they have two gaps
 * to average (x >= 2), otherwise the median of those own gaps across customers; null when no
 * customer has bought three times (nothing to judge "overdue" by).
 */
export function usualGapDays(table: Pick<CustomerTable, 'x' | 't_x'>): (index: number) => number | null {
  const ownGap = (i: number) => (table.t_x[i] * DAYS_PER_WEEK) / table.x[i];
  const gaps: number[] = [];
  for (let i = 0; i < table.x.length; i++) if (table.x[i] >= 2) gaps.push(ownGap(i));
  const sorted = Float64Array.from(gaps).sort();
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return (i) => (table.x[i] >= 2 ? ownGap(i) : median);
}
