import { expectedPurchases, type BgNbdParams, type RecencyFrequency } from './bgnbd';

/** Weeks per month, the factor `lifetimes` uses to turn a monthly horizon into model time (weeks). */
export const WEEKS_PER_MONTH = 4.345;

export interface ClvOptions {
  /** how many months ahead the value is counted */
  horizonMonths: number;
  /** yearly discount rate, e.g. 0.1 for 10 % */
  annualDiscountRate: number;
  /**
   * model time units per month: WEEKS_PER_MONTH, as the summaries count weeks. (`lifetimes`' own
   * README example of CDNOW CLV ran with its default of 30, treating weeks as days.)
   */
  periodsPerMonth: number;
}

export const defaultClvOptions: ClvOptions = { horizonMonths: 12, annualDiscountRate: 0.1, periodsPerMonth: WEEKS_PER_MONTH };

/**
 * Options as a settings tab may give them: the horizon becomes whole months (0-600); a discount
 * rate below 0, a period length not above 0, or anything not a number falls back to the default.
 */
export function sanitizeClvOptions(options: Partial<ClvOptions> = {}): ClvOptions {
  const { horizonMonths, annualDiscountRate, periodsPerMonth } = options;
  return {
    horizonMonths:
      typeof horizonMonths === 'number' && Number.isFinite(horizonMonths)
        ? Math.min(600, Math.max(0, Math.floor(horizonMonths)))
        : defaultClvOptions.horizonMonths,
    annualDiscountRate:
      typeof annualDiscountRate === 'number' && Number.isFinite(annualDiscountRate) && annualDiscountRate >= 0
        ? annualDiscountRate
        : defaultClvOptions.annualDiscountRate,
    periodsPerMonth:
      typeof periodsPerMonth === 'number' && Number.isFinite(periodsPerMonth) && periodsPerMonth > 0
        ? periodsPerMonth
        : defaultClvOptions.periodsPerMonth,
  };
}

export interface CustomerValue {
  /** expected purchases over the whole horizon */
  expectedPurchases: number;
  /** discounted expected revenue over the horizon */
  clv: number;
}

/**
 * CLV as `lifetimes` computes it: for each month of the horizon, the purchases expected in that
 * month (the increase of the cumulative BG/NBD expectation) times the expected spend per purchase,
 * discounted to today at the monthly equivalent of the annual rate.
 */
export function customerLifetimeValue(
  params: BgNbdParams,
  customer: RecencyFrequency,
  spendPerPurchase: number,
  options: Partial<ClvOptions> = {},
): CustomerValue {
  const { horizonMonths, annualDiscountRate, periodsPerMonth } = sanitizeClvOptions(options);
  const monthlyDiscount = Math.pow(1 + annualDiscountRate, 1 / 12);
  let clv = 0;
  let before = 0;
  for (let month = 1; month <= horizonMonths; month++) {
    const upToMonth = expectedPurchases(params, customer, month * periodsPerMonth);
    clv += ((upToMonth - before) * spendPerPurchase) / Math.pow(monthlyDiscount, month);
    before = upToMonth;
  }
  return { expectedPurchases: before, clv };
}
