import { DAYS_PER_WEEK, dayNumber, isoDateOf } from './dates';
import type { ScoringWarning } from './warnings';

/** One purchase (or refund, when negative). `date` is 'YYYY-MM-DD' (an ISO date-time's date part is used). */
export interface Transaction {
  customerId: string;
  date: string;
  amount: number;
}

/**
 * A customer's purchase history up to the calibration end, in the form the customer-base models
 * (BG/NBD, Gamma-Gamma) and RFM read. Time in weeks (days / 7).
 */
export interface CustomerSummary {
  customerId: string;
  /** frequency: purchase days after the first one */
  x: number;
  /** recency: weeks from the first to the last purchase day (0 when x = 0) */
  t_x: number;
  /** age: weeks from the first purchase day to the calibration end */
  T: number;
  /** mean value of the repeat purchase days (0 when x = 0): the spend model's input */
  zbar: number;
  /** net revenue up to the calibration end, refunds subtracted */
  revenue: number;
  /** purchase days including the first (x + 1) */
  purchaseDays: number;
  /** revenue per purchase day: the M of RFM */
  monetaryMean: number;
  firstPurchase: string;
  lastPurchase: string;
  daysSinceLastPurchase: number;
}

export interface ExcludedCustomer {
  customerId: string;
  reason: string;
}

export interface TransactionSummary {
  customers: CustomerSummary[];
  /** customers with transactions but no purchase day to score */
  excluded: ExcludedCustomer[];
  warnings: ScoringWarning[];
}

/**
 * Summarises dated transactions per customer as of `calibrationEnd` ('YYYY-MM-DD', inclusive).
 *
 * Rules:
 * - All transactions of one customer on one day are one purchase; their amounts are summed.
 * - A day is a purchase day when its summed amount is zero or more: a zero-value purchase (a free
 *   item) is still a purchase, as in the published CDNOW summaries. A day whose sum is negative is a
 *   refund, not a purchase: it never counts as a visit. A refund on a purchase day lowers that
 *   day's value. Refunds lower `revenue` and so the RFM monetary value, but the spend model only
 *   sees the purchase days' values (`zbar`).
 * - Transactions after the calibration end are ignored and counted in a 'future-dated' warning.
 * - Rows with an empty customer id, an unreadable date or a non-finite amount are skipped and
 *   counted in an 'invalid-transaction' warning.
 * - Customers left with no purchase day are listed in `excluded`, not scored.
 * Customers come out in the order they first appear in `transactions`.
 *
 * @throws RangeError when `calibrationEnd` is not a real 'YYYY-MM-DD' date (a caller's bug).
 */
export function summarizeTransactions(transactions: readonly Transaction[], calibrationEnd: string): TransactionSummary {
  const endDay = dayNumber(calibrationEnd);
  if (endDay === null) throw new RangeError(`calibration end is not a YYYY-MM-DD date: ${calibrationEnd}`);

  const dayTotalsByCustomer = new Map<string, Map<number, number>>();
  const dayCache = new Map<string, number | null>();
  let invalid = 0;
  let future = 0;
  const futureOnly = new Set<string>();

  for (const { customerId, date, amount } of transactions) {
    let day = dayCache.get(date);
    if (day === undefined) {
      day = typeof date === 'string' ? dayNumber(date) : null;
      dayCache.set(date, day);
    }
    if (typeof customerId !== 'string' || customerId === '' || day === null || typeof amount !== 'number' || !Number.isFinite(amount)) {
      invalid++;
      continue;
    }
    if (day > endDay) {
      future++;
      if (!dayTotalsByCustomer.has(customerId)) futureOnly.add(customerId);
      continue;
    }
    let totals = dayTotalsByCustomer.get(customerId);
    if (!totals) {
      totals = new Map();
      dayTotalsByCustomer.set(customerId, totals);
      futureOnly.delete(customerId);
    }
    totals.set(day, (totals.get(day) ?? 0) + amount);
  }

  const customers: CustomerSummary[] = [];
  const excluded: ExcludedCustomer[] = [];
  const dateCache = new Map<number, string>();
  const dateOf = (day: number) => {
    let date = dateCache.get(day);
    if (date === undefined) dateCache.set(day, (date = isoDateOf(day)));
    return date;
  };
  for (const [customerId, totals] of dayTotalsByCustomer) {
    const summary = summarizeCustomer(customerId, totals, endDay, dateOf);
    if (summary) customers.push(summary);
    else excluded.push({ customerId, reason: 'only refunds up to the calibration end' });
  }
  for (const customerId of futureOnly) {
    excluded.push({ customerId, reason: 'all transactions are dated after the calibration end' });
  }

  const warnings: ScoringWarning[] = [];
  if (invalid > 0) {
    warnings.push({
      code: 'invalid-transaction',
      count: invalid,
      message: `${invalid} transaction(s) skipped: empty customer id, date not YYYY-MM-DD, or amount not a number`,
    });
  }
  if (future > 0) {
    warnings.push({
      code: 'future-dated',
      count: future,
      message: `${future} transaction(s) dated after the calibration end ${calibrationEnd} ignored`,
    });
  }
  if (excluded.length > 0) {
    warnings.push({
      code: 'no-purchase-day',
      count: excluded.length,
      message: `${excluded.length} customer(s) not scored: no purchase up to ${calibrationEnd}`,
    });
  }
  return { customers, excluded, warnings };
}

function summarizeCustomer(
  customerId: string,
  totals: Map<number, number>,
  endDay: number,
  dateOf: (day: number) => string,
): CustomerSummary | null {
  let revenue = 0;
  const purchaseDays: number[] = [];
  for (const [day, total] of totals) {
    revenue += total;
    if (total >= 0) purchaseDays.push(day);
  }
  if (purchaseDays.length === 0) return null;
  purchaseDays.sort((p, q) => p - q);

  const first = purchaseDays[0];
  const last = purchaseDays[purchaseDays.length - 1];
  const x = purchaseDays.length - 1;
  let repeatValue = 0;
  for (let i = 1; i < purchaseDays.length; i++) repeatValue += totals.get(purchaseDays[i]) ?? 0;

  return {
    customerId,
    x,
    t_x: (last - first) / DAYS_PER_WEEK,
    T: (endDay - first) / DAYS_PER_WEEK,
    zbar: x > 0 ? repeatValue / x : 0,
    revenue,
    purchaseDays: purchaseDays.length,
    monetaryMean: revenue / purchaseDays.length,
    firstPurchase: dateOf(first),
    lastPurchase: dateOf(last),
    daysSinceLastPurchase: endDay - last,
  };
}
