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
 */
export function abcClasses(revenues: readonly number[], thresholds: Partial<AbcThresholds> = {}): ValueClass[] {
  const { a, b } = sanitizeAbcThresholds(thresholds);
  const classes = revenues.map((): ValueClass => 'C');
  const paying = revenues.map((_, i) => i).filter((i) => revenues[i] > 0);
  const total = paying.reduce((sum, i) => sum + revenues[i], 0);
  if (!(total > 0) || !Number.isFinite(total)) return classes;
  paying.sort((i, j) => revenues[j] - revenues[i]);

  let above = 0;
  for (let start = 0; start < paying.length; ) {
    let end = start;
    let tied = 0;
    while (end < paying.length && revenues[paying[end]] === revenues[paying[start]]) tied += revenues[paying[end++]];
    const shareAbove = above / total;
    const valueClass: ValueClass = shareAbove < a ? 'A' : shareAbove < b ? 'B' : 'C';
    for (let k = start; k < end; k++) classes[paying[k]] = valueClass;
    above += tied;
    start = end;
  }
  return classes;
}
