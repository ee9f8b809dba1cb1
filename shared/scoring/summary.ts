import { CustomerDays } from './customer-days';
import { DAYS_PER_WEEK, dayNumber, isoDateOf } from './dates';
import { fromCents, toCents } from './money';
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
  /** net revenue up to the calibration end, refunds subtracted (a whole number of cents) */
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
 * The scored customers' summaries as columns (customer i is position i of each), so that millions
 * of customers take a few dozen bytes each. Money is in cents.
 */
export interface CustomerTable {
  calibrationEnd: string;
  endDay: number;
  ids: string[];
  x: Int32Array;
  t_x: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
  revenueCents: Float64Array;
  purchaseDays: Int32Array;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** purchase days after the calibration end up to the holdout end (a backtest's actual purchases) */
  holdout: { end: string; endDay: number; purchases: Int32Array } | null;
  excluded: ExcludedCustomer[];
  warnings: ScoringWarning[];
}

/**
 * Transactions into per-customer day totals, up to `lastDay` (a day number). Rows with an empty
 * customer id, an unreadable date or a non-finite amount are skipped and counted.
 */
export function customerDaysOf(transactions: readonly Transaction[], lastDay: number): { days: CustomerDays; invalid: number } {
  const days = new CustomerDays(lastDay);
  const dayCache = new Map<string, number | null>();
  let invalid = 0;
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
    const { cents, subCent } = toCents(amount);
    if (subCent) days.subCentRows++;
    days.add(days.customer(customerId), day, cents);
  }
  return { days, invalid };
}

/**
 * Summarises per-customer day totals as of `calibrationEnd` ('YYYY-MM-DD', inclusive), and with
 * `holdoutEnd` counts each customer's purchase days after the calibration end up to it.
 *
 * Rules:
 * - All transactions of one customer on one day are one purchase; their amounts are summed.
 * - A day is a purchase day when its summed amount is zero or more: a zero-value purchase (a free
 *   item) is still a purchase, as in the published CDNOW summaries. A day whose sum is negative is a
 *   refund, not a purchase: it never counts as a visit. A refund on a purchase day lowers that
 *   day's value. Refunds lower `revenue` and so the RFM monetary value, but the spend model only
 *   sees the purchase days' values (`zbar`).
 * - Transactions after the calibration end (or the holdout end) are ignored and counted in a
 *   'future-dated' warning.
 * - Customers left with no purchase day are listed in `excluded`, not scored.
 * Customers come out in the order they first appear.
 *
 * @throws RangeError when a date is not a real 'YYYY-MM-DD' date, or the holdout end is not after the calibration end (a caller's bug).
 */
export function summarizeCustomerDays(days: CustomerDays, invalid: number, calibrationEnd: string, holdoutEnd?: string): CustomerTable {
  const endDay = dayNumber(calibrationEnd);
  if (endDay === null) throw new RangeError(`calibration end is not a YYYY-MM-DD date: ${calibrationEnd}`);
  const holdoutEndDay = holdoutEnd === undefined ? endDay : dayNumber(holdoutEnd);
  if (holdoutEndDay === null || holdoutEndDay < endDay) throw new RangeError(`holdout end is not a YYYY-MM-DD date after the calibration end: ${holdoutEnd}`);
  if (days.lastDay !== holdoutEndDay) throw new RangeError('the customer days were collected up to another day');

  const { offsets, days: dayOf, cents: centsOf } = days.grouped();
  const customers = days.ids.length;
  const columns = {
    x: new Int32Array(customers),
    t_x: new Float64Array(customers),
    T: new Float64Array(customers),
    zbar: new Float64Array(customers),
    revenueCents: new Float64Array(customers),
    purchaseDays: new Int32Array(customers),
    firstDay: new Int32Array(customers),
    lastDay: new Int32Array(customers),
    holdout: new Int32Array(holdoutEnd === undefined ? 0 : customers),
  };
  const ids: string[] = [];
  const excluded: ExcludedCustomer[] = [];
  for (let c = 0; c < customers; c++) {
    let revenue = 0;
    let purchases = 0;
    let first = 0;
    let last = 0;
    let repeatCents = 0;
    let holdoutPurchases = 0;
    let calibrationDays = 0;
    for (let i = offsets[c]; i < offsets[c + 1]; i++) {
      const day = dayOf[i];
      const cents = centsOf[i];
      if (day > endDay) {
        if (cents >= 0) holdoutPurchases++;
        continue;
      }
      calibrationDays++;
      revenue += cents;
      if (cents < 0) continue;
      if (purchases === 0) first = day;
      else repeatCents += cents;
      last = day;
      purchases++;
    }
    if (purchases === 0) {
      const reason = calibrationDays > 0 ? 'only refunds up to the calibration end' : 'all transactions are dated after the calibration end';
      excluded.push({ customerId: days.ids[c], reason });
      continue;
    }
    const row = ids.length;
    ids.push(days.ids[c]);
    const x = purchases - 1;
    columns.x[row] = x;
    columns.t_x[row] = (last - first) / DAYS_PER_WEEK;
    columns.T[row] = (endDay - first) / DAYS_PER_WEEK;
    columns.zbar[row] = x > 0 ? fromCents(repeatCents) / x : 0;
    columns.revenueCents[row] = revenue;
    columns.purchaseDays[row] = purchases;
    columns.firstDay[row] = first;
    columns.lastDay[row] = last;
    if (holdoutEnd !== undefined) columns.holdout[row] = holdoutPurchases;
  }
  const n = ids.length;
  const trimmed = <T extends Int32Array | Float64Array>(column: T) => (column.length === n ? column : (column.slice(0, n) as T));

  const lastDate = holdoutEnd === undefined ? `the calibration end ${calibrationEnd}` : `the holdout end ${holdoutEnd}`;
  const warnings: ScoringWarning[] = [];
  const warn = (code: ScoringWarning['code'], count: number, message: string) => {
    if (count > 0) warnings.push({ code, count, message });
  };
  warn('invalid-transaction', invalid, `${invalid} transaction(s) skipped: empty customer id, date not YYYY-MM-DD, or amount not a number`);
  warn('future-dated', days.laterRows, `${days.laterRows} transaction(s) dated after ${lastDate} ignored`);
  warn('sub-cent-amount', days.subCentRows, `${days.subCentRows} amount(s) had a fraction of a cent and were rounded to the cent`);
  warn('no-purchase-day', excluded.length, `${excluded.length} customer(s) not scored: no purchase up to ${calibrationEnd}`);

  return {
    calibrationEnd,
    endDay,
    ids,
    x: trimmed(columns.x),
    t_x: trimmed(columns.t_x),
    T: trimmed(columns.T),
    zbar: trimmed(columns.zbar),
    revenueCents: trimmed(columns.revenueCents),
    purchaseDays: trimmed(columns.purchaseDays),
    firstDay: trimmed(columns.firstDay),
    lastDay: trimmed(columns.lastDay),
    holdout: holdoutEnd === undefined ? null : { end: holdoutEnd, endDay: holdoutEndDay, purchases: trimmed(columns.holdout) },
    excluded,
    warnings,
  };
}

/** Transactions straight to the table: see `summarizeCustomerDays` for the rules. */
export function customerTable(transactions: readonly Transaction[], calibrationEnd: string, holdoutEnd?: string): CustomerTable {
  const lastDay = dayNumber(holdoutEnd ?? calibrationEnd);
  if (lastDay === null) throw new RangeError(`not a YYYY-MM-DD date: ${holdoutEnd ?? calibrationEnd}`);
  const { days, invalid } = customerDaysOf(transactions, lastDay);
  return summarizeCustomerDays(days, invalid, calibrationEnd, holdoutEnd);
}

/** Row `i` of the table as an object. `dateOf` caches day → 'YYYY-MM-DD' across calls. */
export function customerSummaryAt(table: CustomerTable, i: number, dateOf: (day: number) => string = isoDateOf): CustomerSummary {
  const revenue = fromCents(table.revenueCents[i]);
  return {
    customerId: table.ids[i],
    x: table.x[i],
    t_x: table.t_x[i],
    T: table.T[i],
    zbar: table.zbar[i],
    revenue,
    purchaseDays: table.purchaseDays[i],
    monetaryMean: table.revenueCents[i] / table.purchaseDays[i] / 100,
    firstPurchase: dateOf(table.firstDay[i]),
    lastPurchase: dateOf(table.lastDay[i]),
    daysSinceLastPurchase: table.endDay - table.lastDay[i],
  };
}

/** A day → 'YYYY-MM-DD' function that formats each day once (there are few distinct days). */
export function cachedDateOf(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let date = cache.get(day);
    if (date === undefined) cache.set(day, (date = isoDateOf(day)));
    return date;
  };
}

/** Summarises dated transactions per customer as of `calibrationEnd`: see `summarizeCustomerDays`. */
export function summarizeTransactions(transactions: readonly Transaction[], calibrationEnd: string): TransactionSummary {
  const table = customerTable(transactions, calibrationEnd);
  const dateOf = cachedDateOf();
  const customers = table.ids.map((_, i) => customerSummaryAt(table, i, dateOf));
  return { customers, excluded: table.excluded, warnings: table.warnings };
}
