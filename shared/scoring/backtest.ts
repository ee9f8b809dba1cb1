import { expectedPurchases, fitBgNbd, type BgNbdFit, type BgNbdParams } from './bgnbd';
import { DAYS_PER_WEEK, dayNumber, isoDateOf } from './dates';
import { wholeNumber } from './plain-numbers';
import { customerTable, type CustomerTable, type Transaction } from './summary';
import { TripleMap } from './triple-map';

/** Customers grouped by how often they bought before the cutoff: 1, 2, … 7 times, then 8 or more. */
const GROUPS = 8;

export interface BacktestGroup {
  /** purchase days up to the cutoff (x + 1); the last group is this many or more */
  purchasesBefore: number;
  orMore: boolean;
  customers: number;
  /** repeat purchases in the holdout, summed over the group's customers */
  actual: number;
  predicted: number;
}

/**
 * "How well would the model have predicted?": fitted on purchases up to the calibration end (the
 * cutoff), the purchases it expected in the holdout that follows against those that happened.
 * A purchase is a purchase day, as in the fit; customers first seen in the holdout are not in it.
 */
export interface Backtest {
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutWeeks: number;
  customers: number;
  actual: number;
  predicted: number;
  /** mean over customers of |actual − predicted| purchases */
  meanAbsoluteError: number;
  /** the calibration table: actual against predicted by purchases before the cutoff */
  groups: BacktestGroup[];
}

/** The backtest of fitted parameters on a table summarised with a holdout end. */
export function backtestOf(table: CustomerTable, params: BgNbdParams): Backtest {
  if (!table.holdout) throw new Error('the customer table has no holdout period');
  const holdoutWeeks = (table.holdout.endDay - table.endDay) / DAYS_PER_WEEK;
  const groups: BacktestGroup[] = Array.from({ length: GROUPS }, (_, k) => ({
    purchasesBefore: k + 1,
    orMore: k === GROUPS - 1,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  const cache = new TripleMap<number>();
  let absoluteError = 0;
  for (let i = 0; i < table.ids.length; i++) {
    const [x, t_x, T] = [table.x[i], table.t_x[i], table.T[i]];
    let predicted = cache.get(x, t_x, T);
    if (predicted === undefined) cache.set(x, t_x, T, (predicted = expectedPurchases(params, { x, t_x, T }, holdoutWeeks)));
    const actual = table.holdout.purchases[i];
    const group = groups[Math.min(x, GROUPS - 1)];
    group.customers++;
    group.actual += actual;
    group.predicted += predicted;
    absoluteError += Math.abs(actual - predicted);
  }
  const customers = table.ids.length;
  return {
    calibrationEnd: table.calibrationEnd,
    holdoutEnd: table.holdout.end,
    holdoutWeeks,
    customers,
    actual: groups.reduce((sum, g) => sum + g.actual, 0),
    predicted: groups.reduce((sum, g) => sum + g.predicted, 0),
    meanAbsoluteError: customers > 0 ? absoluteError / customers : 0,
    groups: groups.filter((g) => g.customers > 0),
  };
}

export type BacktestResult = { ok: true; backtest: Backtest; fit: Extract<BgNbdFit, { ok: true }> } | { ok: false; reason: string };

/**
 * Fits BG/NBD on the transactions up to `cutoff` (the same way the scores are fitted) and compares
 * its predictions for the days after it, up to `end`, with what happened.
 */
export function backtest(transactions: readonly Transaction[], cutoff: string, end: string): BacktestResult {
  const [cutoffDay, endDay] = [dayNumber(cutoff), dayNumber(end)];
  if (cutoffDay === null || endDay === null || endDay <= cutoffDay) throw new RangeError(`backtest needs two YYYY-MM-DD dates in order, got ${cutoff} and ${end}`);
  const table = customerTable(transactions, cutoff, end);
  if (table.ids.length === 0) return { ok: false, reason: `no purchases up to ${cutoff} to fit on` };
  const fit = fitBgNbd(table);
  if (!fit.ok) return { ok: false, reason: fit.reason };
  return { ok: true, backtest: backtestOf(table, fit.params), fit };
}

/**
 * The backtest in plain words: "Fitted on purchases up to 1997-09-30, the model expected 1,653
 * repeat purchases from 1997-10-01 to 1998-06-30 by the 2,357 customers; there were 1,882: it
 * predicted 12 % too few. Per customer it was off by 0.79 purchases on average."
 */
export function backtestSummary(check: Backtest): string {
  const from = isoDateOf((dayNumber(check.calibrationEnd) as number) + 1);
  const off = check.actual > 0 ? Math.round((100 * Math.abs(check.actual - check.predicted)) / check.actual) : null;
  const verdict =
    off === null ? 'there were none' : `there were ${wholeNumber(check.actual)}: ${off === 0 ? 'it was right within 1 %' : `it predicted ${off} % too ${check.predicted < check.actual ? 'few' : 'many'}`}`;
  return (
    `Fitted on purchases up to ${check.calibrationEnd}, the model expected ${wholeNumber(check.predicted)} repeat purchases from ${from} ` +
    `to ${check.holdoutEnd} by the ${wholeNumber(check.customers)} customers; ${verdict}. ` +
    `Per customer it was off by ${check.meanAbsoluteError.toFixed(2)} purchases on average.`
  );
}
