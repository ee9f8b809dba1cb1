import type { CustomerScore } from '../../shared/scoring/score-customers';

/** The scores file's columns, one row per customer. */
export const scoresHeader = [
  'customer_id', 'x', 't_x', 'T', 'zbar', 'revenue', 'purchase_days', 'monetary_mean', 'first_purchase', 'last_purchase',
  'days_since_last_purchase', 'recency_score', 'frequency_score', 'monetary_score', 'rfm_score', 'rfm_segment', 'value_class',
  'expected_purchases', 'p_alive', 'expected_spend', 'clv', 'overdue', 'at_risk', 'purchase_model', 'spend_model',
].join(',');

const scales = [1, 10, 100, 1000, 10_000];
const round = (value: number | null, digits: number) => (value === null ? '' : String(Math.round(value * scales[digits]) / scales[digits] || 0));

/**
 * A text cell as a spreadsheet must read it: quoted when it holds a comma, quote or line break,
 * and a leading = + - @ (a formula, e.g. a customer id "=HYPERLINK(…)") made text with a quote mark.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One customer's row (no line end). Written by hand: building objects for a CSV library took as long as scoring. */
export function scoresRow(c: CustomerScore): string {
  return [
    csvText(c.customerId), c.x, round(c.t_x, 4), round(c.T, 4), round(c.zbar, 2), round(c.revenue, 2), c.purchaseDays,
    round(c.monetaryMean, 2), c.firstPurchase, c.lastPurchase, c.daysSinceLastPurchase, c.recencyScore, c.frequencyScore,
    c.monetaryScore, c.rfmScore, csvText(c.rfmSegment), c.valueClass, round(c.expectedPurchases, 4), round(c.pAlive, 4),
    round(c.expectedSpend, 2), round(c.clv, 2), c.overdue, c.atRisk, c.purchaseModel ?? '', c.spendModel ?? '',
  ].join(',');
}
