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
export function quintileScores(values: readonly number[]): Quintile[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const scores = new Array<Quintile>(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const midRank = (start + (end - start) / 2) / n;
    const score = Math.min(5, 1 + Math.floor(5 * midRank)) as Quintile;
    for (let k = start; k < end; k++) scores[order[k]] = score;
    start = end;
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

/**
 * RFM scores of customers scored together: recency by days since the last purchase (fewer days →
 * higher score), frequency by purchase days, monetary by revenue per purchase day.
 */
export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  const recency = quintileScores(customers.map((c) => -c.daysSinceLastPurchase));
  const frequency = quintileScores(customers.map((c) => c.purchaseDays));
  const monetary = quintileScores(customers.map((c) => c.monetaryMean));
  return customers.map((_, i) => ({
    recencyScore: recency[i],
    frequencyScore: frequency[i],
    monetaryScore: monetary[i],
    rfmScore: `${recency[i]}${frequency[i]}${monetary[i]}`,
    rfmSegment: rfmSegment(recency[i], frequency[i], monetary[i]),
  }));
}
