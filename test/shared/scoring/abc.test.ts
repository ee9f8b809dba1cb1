import { describe, expect, it } from 'vitest';
import { abcClasses, sanitizeAbcThresholds } from '../../../shared/scoring/abc';

describe('abcClasses', () => {
  it('makes the customers that bring 80 % of revenue A, the next 15 % B, the rest C', () => {
    // Total 1000. Shares above each, by rank: 0, 50 %, 75 %, 85 %, 92 %, 96 %, 98 %, 99 %.
    const revenues = [500, 250, 100, 70, 40, 20, 10, 10];
    expect(abcClasses(revenues)).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C']);
  });

  it('does not depend on the input order', () => {
    const revenues = [10, 40, 500, 10, 70, 250, 20, 100];
    expect(abcClasses(revenues)).toEqual(['C', 'B', 'A', 'C', 'B', 'A', 'C', 'A']);
  });

  it('keeps the top customer A even when they alone bring more than 80 %', () => {
    expect(abcClasses([900, 60, 40])).toEqual(['A', 'B', 'C']);
  });

  it('gives tied revenues one class', () => {
    // Four customers of 25: the share above the first of them is 0, so all are A.
    expect(abcClasses([25, 25, 25, 25])).toEqual(['A', 'A', 'A', 'A']);
    // 85 % above the 5s: the three tied 5s are B together, though the last ends at 100 %.
    expect(abcClasses([85, 5, 5, 5])).toEqual(['A', 'B', 'B', 'B']);
  });

  it('makes zero and negative revenue C, and everyone C when nobody paid', () => {
    expect(abcClasses([100, 0, -20])).toEqual(['A', 'C', 'C']);
    expect(abcClasses([0, 0])).toEqual(['C', 'C']);
    expect(abcClasses([])).toEqual([]);
  });

  it('uses configured thresholds', () => {
    const revenues = [500, 250, 100, 70, 40, 20, 10, 10];
    expect(abcClasses(revenues, { a: 0.5, b: 0.9 })).toEqual(['A', 'B', 'B', 'B', 'C', 'C', 'C', 'C']);
  });
});

describe('sanitizeAbcThresholds', () => {
  it('clamps shares to 0-1, falls back on junk, and keeps B at or after A', () => {
    expect(sanitizeAbcThresholds({ a: 1.5, b: Number.NaN })).toEqual({ a: 1, b: 1 });
    expect(sanitizeAbcThresholds({ a: 0.9, b: 0.7 })).toEqual({ a: 0.9, b: 0.9 });
    expect(sanitizeAbcThresholds({ a: -1 })).toEqual({ a: 0, b: 0.95 });
    expect(sanitizeAbcThresholds()).toEqual({ a: 0.8, b: 0.95 });
  });
});
