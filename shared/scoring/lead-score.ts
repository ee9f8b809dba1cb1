import type { Contact, Deal, Interaction } from '../records';
import { daysBetween } from './dates';

/**
 * Lead score 0-100 for people who have not bought yet: how engaged they are, how well we know
 * them, how far along the life cycle they are and what is on the table. A marketing-qualified
 * lead is one whose score passes the threshold the team picks.
 */

type Stage = Contact['stage'];

export interface LeadInteraction {
  occurredAt: string;
  direction: Interaction['direction'];
}

export interface LeadSignals {
  interactions: readonly LeadInteraction[];
  /** share (0-1) of the profile fields that are filled */
  profileCompleteness: number;
  stage: Stage;
  /** summed amount of the person's open deals */
  openDealValue: number;
}

/**
 * The knobs, as a flat object of numbers so a settings tab of name/value rows can hold it.
 * The five component weights are relative: the score is their weighted mean × 100.
 */
export interface LeadScoreWeights {
  recency: number;
  engagement: number;
  profile: number;
  stage: number;
  deal: number;
  /** days after which the recency part halves */
  recencyHalfLifeDays: number;
  /** interactions older than this many days do not count towards engagement */
  engagementWindowDays: number;
  /** engagement points per interaction: the person reaching out counts more than us reaching out */
  inboundPoints: number;
  outboundPoints: number;
  internalPoints: number;
  /** engagement points that earn the full engagement part */
  engagementForFull: number;
  /** open deal value that earns the full deal part */
  dealValueForFull: number;
  /** share (0-1) of the stage part per lifecycle stage */
  stageLead: number;
  stageQualified: number;
  stageCustomer: number;
  stageLoyal: number;
  stageAtRisk: number;
  stageLost: number;
}

export const defaultLeadScoreWeights: LeadScoreWeights = {
  recency: 25,
  engagement: 25,
  profile: 15,
  stage: 15,
  deal: 20,
  recencyHalfLifeDays: 14,
  engagementWindowDays: 90,
  inboundPoints: 2,
  outboundPoints: 1,
  internalPoints: 0,
  engagementForFull: 10,
  dealValueForFull: 10_000,
  stageLead: 0.3,
  stageQualified: 1,
  stageCustomer: 1,
  stageLoyal: 1,
  stageAtRisk: 0.5,
  stageLost: 0,
};

/** Sizes that must be positive to divide by; the rest may be 0. */
const positiveKeys = new Set<keyof LeadScoreWeights>(['recencyHalfLifeDays', 'engagementWindowDays', 'engagementForFull', 'dealValueForFull']);
const shareKeys = new Set<keyof LeadScoreWeights>(['stageLead', 'stageQualified', 'stageCustomer', 'stageLoyal', 'stageAtRisk', 'stageLost']);

/**
 * Weights as a settings tab may give them (numbers, numeric strings or junk): anything missing,
 * unreadable or negative takes the default, a divisor must be above 0, a stage share is clamped to 0-1.
 */
export function sanitizeLeadScoreWeights(weights: Partial<Record<keyof LeadScoreWeights, unknown>> = {}): LeadScoreWeights {
  const result = { ...defaultLeadScoreWeights };
  for (const key of Object.keys(defaultLeadScoreWeights) as (keyof LeadScoreWeights)[]) {
    const raw = weights[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) continue;
    if (positiveKeys.has(key) && value === 0) continue;
    result[key] = shareKeys.has(key) ? Math.min(1, value) : value;
  }
  return result;
}

const stageShare = (weights: LeadScoreWeights, stage: Stage): number =>
  ({
    lead: weights.stageLead,
    qualified: weights.stageQualified,
    customer: weights.stageCustomer,
    loyal: weights.stageLoyal,
    'at risk': weights.stageAtRisk,
    lost: weights.stageLost,
  })[stage] ?? 0;

const clampShare = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

export interface LeadScore {
  /** 0-100, whole number */
  score: number;
  /** each component's share (0-1) of its points, to show why */
  parts: { recency: number; engagement: number; profile: number; stage: number; deal: number };
}

/**
 * The lead score as of `asOf` (ISO date or date-time). Interactions with an unreadable date or
 * dated after `asOf` are left out. Always a whole number from 0 to 100, never NaN.
 */
export function leadScore(signals: LeadSignals, asOf: string, weights: Partial<Record<keyof LeadScoreWeights, unknown>> = {}): LeadScore {
  const w = sanitizeLeadScoreWeights(weights);
  let newestAge = Infinity;
  let engagementPoints = 0;
  for (const { occurredAt, direction } of signals.interactions) {
    const age = daysBetween(occurredAt, asOf);
    if (age === null || age < 0) continue;
    newestAge = Math.min(newestAge, age);
    if (age > w.engagementWindowDays) continue;
    engagementPoints += direction === 'inbound' ? w.inboundPoints : direction === 'outbound' ? w.outboundPoints : w.internalPoints;
  }
  const parts = {
    recency: newestAge === Infinity ? 0 : clampShare(Math.pow(0.5, newestAge / w.recencyHalfLifeDays)),
    engagement: clampShare(engagementPoints / w.engagementForFull),
    profile: clampShare(signals.profileCompleteness),
    stage: clampShare(stageShare(w, signals.stage)),
    deal: clampShare(signals.openDealValue / w.dealValueForFull),
  };
  const totalWeight = w.recency + w.engagement + w.profile + w.stage + w.deal;
  const weighted =
    w.recency * parts.recency + w.engagement * parts.engagement + w.profile * parts.profile + w.stage * parts.stage + w.deal * parts.deal;
  const score = totalWeight > 0 ? Math.round((100 * weighted) / totalWeight) : 0;
  return { score: Number.isFinite(score) ? Math.min(100, Math.max(0, score)) : 0, parts };
}

/** The profile fields a lead score asks for: can we address, reach and place this person? */
const profileFields: ((contact: Contact) => boolean)[] = [
  (c) => c.firstName !== '' || c.lastName !== '',
  (c) => c.emails.length > 0,
  (c) => c.phones.length > 0,
  (c) => c.jobTitle !== '',
  (c) => c.company !== '' || c.companyId !== '',
  (c) => c.website !== '' || c.socialLinks.length > 0,
  (c) => c.address !== '',
];

export function profileCompleteness(contact: Contact): number {
  return profileFields.filter((filled) => filled(contact)).length / profileFields.length;
}

/**
 * The lead signals of a contact from the records the sheet holds: their (not deleted)
 * interactions, and the summed amount of their deals that are neither won nor lost.
 */
export function leadSignalsFromRecords(contact: Contact, interactions: readonly Interaction[], deals: readonly Deal[]): LeadSignals {
  return {
    interactions: interactions.filter((i) => i.contactId === contact.id && !i.deleted),
    profileCompleteness: profileCompleteness(contact),
    stage: contact.stage,
    openDealValue: deals
      .filter((d) => d.contactId === contact.id && !d.deleted && d.stage !== 'won' && d.stage !== 'lost')
      .reduce((sum, d) => sum + (d.amount ?? 0), 0),
  };
}
