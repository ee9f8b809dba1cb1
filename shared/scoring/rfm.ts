import { firstIndexAbove } from './sorted-search';

/**
 * RFM: recency, frequency and monetary value scored 1-5 by quintile among the customers scored
 * together, and a named segment from the three scores.
 */

export type Quintile = 1 | 2 | 3 | 4 | 5;

export const rfmSegments = [
  'champions',
  'loyal',
  'potential loyalist',
  'new',
  'at risk',
  "can't lose",
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof rfmSegments)[number];

export interface RfmInput {
  daysSinceLastPurchase: number;
  purchaseDays: number;
  monetaryMean: number;
}

export interface RfmScore {
  recencyScore: Quintile;
  frequencyScore: Quintile;
  monetaryScore: Quintile;
  /** the three scores as digits, e.g. '545' */
  rfmScore: string;
  rfmSegment: RfmSegment;
}

/**
 * Quintile score of each value, higher value → higher score. A value's score comes from its
 * mid-rank percentile, (number below + half the number equal) / n, so equal values always get the
 * same score whatever their order, and a single customer or all-equal values score 3 (no
 * ranking). With n distinct values the scores split as evenly as quintiles can.
 */
export function quintileScores(values: ArrayLike<number>): Quintile[] {
  return Array.from(quintiles(Float64Array.from(values))) as Quintile[];
}

/** `quintileScores` as bytes: a native numeric sort and two binary searches per value, fast on millions. */
export function quintiles(values: Float64Array): Uint8Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const below = firstIndexAbove(sorted, values[i], false);
    const equal = firstIndexAbove(sorted, values[i], true) - below;
    scores[i] = Math.min(5, 1 + Math.floor(5 * ((below + equal / 2) / n)));
  }
  return scores;
}

/**
 * The segment of an R/F/M score triple. The rules are tried in this order; the first that holds
 * names the segment (so every triple has exactly one):
 *
 * | segment            | rule                    | meaning                                   |
 * |--------------------|-------------------------|-------------------------------------------|
 * | champions          | R ≥ 4, F ≥ 4, M ≥ 4     | bought recently, often, and much          |
 * | loyal              | R ≥ 3, F ≥ 4            | buy more often than most, still active    |
 * | new                | R ≥ 4, F ≤ 2            | bought recently, for the first time(s)    |
 * | potential loyalist | R ≥ 3 (F = 3, or R = 3) | fairly recent, not yet frequent           |
 * | can't lose         | R ≤ 2, F ≥ 4, M ≥ 4     | were among the best, have gone quiet      |
 * | at risk            | R ≤ 2, F ≥ 4 or M ≥ 4   | were good customers, have gone quiet      |
 * | hibernating        | R = 2                   | few, small purchases a while ago          |
 * | lost               | R = 1                   | few, small purchases long ago             |
 *
 * Scores of 3 mean "middle" (and are what everyone gets when there is nothing to rank), so a lone
 * or average customer is a potential loyalist, never loyal or a champion.
 */
export function rfmSegment(recency: Quintile, frequency: Quintile, monetary: Quintile): RfmSegment {
  if (recency >= 4 && frequency >= 4 && monetary >= 4) return 'champions';
  if (recency >= 3 && frequency >= 4) return 'loyal';
  if (recency >= 4 && frequency <= 2) return 'new';
  if (recency >= 3) return 'potential loyalist';
  if (frequency >= 4 && monetary >= 4) return "can't lose";
  if (frequency >= 4 || monetary >= 4) return 'at risk';
  return recency === 2 ? 'hibernating' : 'lost';
}

/** The scores and segment of one customer from their three quintiles. */
export function rfmScoreOf(recency: Quintile, frequency: Quintile, monetary: Quintile): RfmScore {
  return {
    recencyScore: recency,
    frequencyScore: frequency,
    monetaryScore: monetary,
    rfmScore: `${recency}${frequency}${monetary}`,
    rfmSegment: rfmSegment(recency, frequency, monetary),
  };
}

/**
 * RFM quintiles of customers scored together, as columns: recency by the day of the last purchase
 * (later → higher score), frequency by purchase days, monetary by revenue per purchase day, in
 * cents so that equal amounts are equal (4968 / 2 is exactly 2484).
 */
export function rfmQuintiles(lastDay: ArrayLike<number>, purchaseDays: ArrayLike<number>, revenueCents: ArrayLike<number>) {
  return {
    recency: quintiles(Float64Array.from(lastDay)),
    frequency: quintiles(Float64Array.from(purchaseDays)),
    monetary: quintiles(Float64Array.from(revenueCents, (cents, i) => cents / purchaseDays[i])),
  };
}

/**
 * RFM scores of customers scored together: recency by days since the last purchase (fewer days →
 * higher score), frequency by purchase days, monetary by revenue per purchase day.
 */
export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  const recency = quintiles(Float64Array.from(customers, (c) => -c.daysSinceLastPurchase));
  const frequency = quintiles(Float64Array.from(customers, (c) => c.purchaseDays));
  const monetary = quintiles(Float64Array.from(customers, (c) => c.monetaryMean));
  return customers.map((_, i) => rfmScoreOf(recency[i] as Quintile, frequency[i] as Quintile, monetary[i] as Quintile));
}
