import { describe, expect, it } from 'vitest';
import { quintileScores, rfmScores, rfmSegment, rfmSegments, type Quintile } from '../../../shared/scoring/rfm';

describe('quintileScores', () => {
  it('spreads ten distinct values two per quintile, higher value higher score', () => {
    expect(quintileScores([10, 90, 30, 50, 70, 20, 40, 60, 80, 100])).toEqual([1, 5, 2, 3, 4, 1, 2, 3, 4, 5]);
  });

  it('gives equal values equal scores whatever their order', () => {
    const values = [5, 1, 5, 3, 5, 2];
    const scores = quintileScores(values);
    expect(new Set(values.map((v, i) => (v === 5 ? scores[i] : -1)).filter((s) => s > 0)).size).toBe(1);
    const reversed = quintileScores([...values].reverse()).reverse();
    expect(reversed).toEqual(scores);
    // Sorted 1 2 3 5 5 5; mid-rank percentiles 1/12, 3/12, 5/12 and, for the three 5s, (3 + 1.5)/6.
    expect(scores).toEqual([4, 1, 4, 3, 4, 2]);
  });

  it('scores one customer, or all-equal values, 3: nothing to rank', () => {
    expect(quintileScores([42])).toEqual([3]);
    expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
    expect(quintileScores([])).toEqual([]);
  });
});

describe('rfmSegment', () => {
  it('names the hand-checked corners', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(4, 4, 4)).toBe('champions');
    expect(rfmSegment(5, 5, 1)).toBe('loyal');
    expect(rfmSegment(3, 4, 5)).toBe('loyal');
    expect(rfmSegment(5, 1, 5)).toBe('new');
    expect(rfmSegment(3, 2, 5)).toBe('potential loyalist');
    expect(rfmSegment(1, 5, 5)).toBe("can't lose");
    expect(rfmSegment(3, 3, 3)).toBe('potential loyalist');
    expect(rfmSegment(5, 3, 5)).toBe('potential loyalist');
    expect(rfmSegment(2, 4, 1)).toBe('at risk');
    expect(rfmSegment(2, 3, 3)).toBe('hibernating');
    expect(rfmSegment(1, 1, 4)).toBe('at risk');
    expect(rfmSegment(2, 2, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
  });

  it('names every one of the 125 score triples, and uses every segment', () => {
    const seen = new Set<string>();
    const q: Quintile[] = [1, 2, 3, 4, 5];
    for (const r of q) for (const f of q) for (const m of q) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...rfmSegments].sort());
  });
});

describe('rfmScores', () => {
  it('scores recent, frequent, big spenders high and the opposite low', () => {
    const customers = [
      { daysSinceLastPurchase: 2, purchaseDays: 12, monetaryMean: 300 },
      { daysSinceLastPurchase: 400, purchaseDays: 1, monetaryMean: 10 },
      { daysSinceLastPurchase: 30, purchaseDays: 4, monetaryMean: 80 },
      { daysSinceLastPurchase: 90, purchaseDays: 2, monetaryMean: 40 },
      { daysSinceLastPurchase: 10, purchaseDays: 6, monetaryMean: 120 },
    ];
    const scores = rfmScores(customers);
    expect(scores[0]).toEqual({ recencyScore: 5, frequencyScore: 5, monetaryScore: 5, rfmScore: '555', rfmSegment: 'champions' });
    expect(scores[1]).toEqual({ recencyScore: 1, frequencyScore: 1, monetaryScore: 1, rfmScore: '111', rfmSegment: 'lost' });
    expect(scores.map((s) => s.rfmScore)).toEqual(['555', '111', '333', '222', '444']);
  });
});
