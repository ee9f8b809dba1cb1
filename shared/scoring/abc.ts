import { firstIndexAbove } from './sorted-search';

/**
 * ABC analysis: the few customers that bring most of the revenue are A, the next slice B, the rest C.
 */

export type ValueClass = 'A' | 'B' | 'C';

/** Cumulative revenue shares (0-1) where class A and class B end. */
export interface AbcThresholds {
  a: number;
  b: number;
}

export const defaultAbcThresholds: AbcThresholds = { a: 0.8, b: 0.95 };

/**
 * Thresholds as a settings tab may give them: a share outside 0-1 is clamped, a missing or
 * non-numeric one falls back to the default, and B never ends before A.
 */
export function sanitizeAbcThresholds(thresholds: Partial<AbcThresholds> = {}): AbcThresholds {
  const share = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback;
  const a = share(thresholds.a, defaultAbcThresholds.a);
  return { a, b: Math.max(a, share(thresholds.b, defaultAbcThresholds.b)) };
}

/**
 * Class of each customer from their revenue. Customers are ranked by revenue, highest first; a
 * customer is A while the revenue share of the customers ranked above them is below `a` (so the
 * customer who crosses 80 % is still A, and the top customer is A even if they bring 95 %), B
 * while it is below `b`, C after that. Customers with equal revenue share one class (the class of
 * the first of them), so the order of the input never decides. Zero or negative revenue is C.
 * Give revenues in cents: sums of whole numbers are exact, so equal revenues are equal.
 */
export function abcClasses(revenues: ArrayLike<number>, thresholds: Partial<AbcThresholds> = {}): ValueClass[] {
  const { a, b } = sanitizeAbcThresholds(thresholds);
  const classes = new Array<ValueClass>(revenues.length).fill('C');
  const paying = Float64Array.from(revenues).filter((revenue) => revenue > 0).sort();
  // below[k] = sum of the k smallest paying revenues, so the revenue above a value v is total - below[first index above v].
  const below = new Float64Array(paying.length + 1);
  for (let k = 0; k < paying.length; k++) below[k + 1] = below[k] + paying[k];
  const total = below[paying.length];
  if (!(total > 0) || !Number.isFinite(total)) return classes;
  for (let i = 0; i < revenues.length; i++) {
    const revenue = revenues[i];
    if (!(revenue > 0)) continue;
    const shareAbove = (total - below[firstIndexAbove(paying, revenue, true)]) / total;
    classes[i] = shareAbove < a ? 'A' : shareAbove < b ? 'B' : 'C';
  }
  return classes;
}
