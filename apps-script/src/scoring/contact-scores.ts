import type { Contact, Deal, Interaction } from '../../../shared/records';
import { leadScore, leadSignalsFromRecords, type CustomerScore, type LeadScoreWeights } from '../../../shared/scoring';

/**
 * The computed fields of a contact as the sheet shows them (scoredAt aside, which says when they
 * last changed). Customers get value class, RFM, CLV, P(alive) and the at-risk flag; people who
 * have not bought get a lead score. A value the models could not give is null: an empty cell.
 */
export interface ComputedValues {
  valueClass: string;
  rfmSegment: string;
  rfmScore: string;
  leadScore: number | null;
  clv: number | null;
  pAlive: number | null;
  atRisk: boolean;
}

export const computedValueFields = ['valueClass', 'rfmSegment', 'rfmScore', 'leadScore', 'clv', 'pAlive', 'atRisk'] as const satisfies readonly (keyof ComputedValues)[];

/**
 * Rounded to what a person reads (CLV in whole currency units, P(alive) in whole percent): the
 * models' day-to-day drift does not count as a change, so a nightly run does not make every member
 * download every contact again.
 */
const rounded = (value: number | null, decimals: number): number | null => {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

export function customerValues(score: CustomerScore): ComputedValues {
  return {
    valueClass: score.valueClass,
    rfmSegment: score.rfmSegment,
    rfmScore: score.rfmScore,
    leadScore: null,
    clv: rounded(score.clv, 0),
    pAlive: rounded(score.pAlive, 2),
    atRisk: score.atRisk,
  };
}

export function leadValues(score: number): ComputedValues {
  return { valueClass: '', rfmSegment: '', rfmScore: '', leadScore: rounded(score, 0), clv: null, pAlive: null, atRisk: false };
}

/**
 * Lead scores of the contacts that have not bought, as of `asOf`. Interactions and deals are
 * grouped by contact first, so the cost grows with the rows, not contacts × rows.
 */
export function leadScores(
  leads: readonly Contact[],
  interactions: readonly Interaction[],
  deals: readonly Deal[],
  asOf: string,
  weights: LeadScoreWeights,
): Map<string, number> {
  const interactionsOf = groupByContact(interactions);
  const dealsOf = groupByContact(deals);
  const scores = new Map<string, number>();
  for (const contact of leads) {
    const signals = leadSignalsFromRecords(contact, interactionsOf.get(contact.id) ?? [], dealsOf.get(contact.id) ?? []);
    scores.set(contact.id, leadScore(signals, asOf, weights).score);
  }
  return scores;
}

function groupByContact<T extends { contactId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.contactId);
    if (group) group.push(record);
    else groups.set(record.contactId, [record]);
  }
  return groups;
}
