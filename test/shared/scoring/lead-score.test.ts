import { describe, expect, it } from 'vitest';
import { contactSchema, dealSchema, interactionSchema } from '../../../shared/records';
import {
  defaultLeadScoreWeights,
  leadScore,
  leadSignalsFromRecords,
  sanitizeLeadScoreWeights,
  type LeadInteraction,
  type LeadSignals,
} from '../../../shared/scoring/lead-score';

const asOf = '2026-06-30T12:00:00Z';
const daysAgo = (days: number) => new Date(Date.parse(asOf) - days * 86_400_000).toISOString();
const touch = (days: number, direction: LeadInteraction['direction']): LeadInteraction => ({ occurredAt: daysAgo(days), direction });
const cold: LeadSignals = { interactions: [], profileCompleteness: 0, stage: 'lead', openDealValue: 0 };

describe('leadScore with the default weights', () => {
  it('scores a hand-checked middle case', () => {
    const signals: LeadSignals = {
      // newest 14 days ago (one half-life): recency 0.5; 2 inbound × 2 + 1 outbound × 1 = 5 of 10 points: 0.5
      interactions: [touch(14, 'inbound'), touch(30, 'inbound'), touch(60, 'outbound')],
      profileCompleteness: 4 / 7,
      stage: 'lead',
      openDealValue: 2500,
    };
    const result = leadScore(signals, asOf);
    expect(result.parts).toEqual({ recency: 0.5, engagement: 0.5, profile: 4 / 7, stage: 0.3, deal: 0.25 });
    // (25·0.5 + 25·0.5 + 15·4/7 + 15·0.3 + 20·0.25) / 100 = 43.07 %
    expect(result.score).toBe(43);
  });

  it('gives 100 to a qualified, fully known lead who writes to us today with a big deal open', () => {
    const signals: LeadSignals = {
      interactions: [0, 1, 2, 3, 4].map((d) => touch(d, 'inbound')),
      profileCompleteness: 1,
      stage: 'qualified',
      openDealValue: 50_000,
    };
    expect(leadScore(signals, asOf).score).toBe(100);
  });

  it('gives only the stage points to someone we know nothing about', () => {
    // 15 × 0.3 = 4.5 of 100; a lost contact gets 0
    expect(leadScore(cold, asOf).score).toBe(5);
    expect(leadScore({ ...cold, stage: 'lost' }, asOf).score).toBe(0);
  });

  it('values them reaching out over us reaching out', () => {
    const inbound = leadScore({ ...cold, interactions: [touch(3, 'inbound'), touch(5, 'inbound')] }, asOf);
    const outbound = leadScore({ ...cold, interactions: [touch(3, 'outbound'), touch(5, 'outbound')] }, asOf);
    expect(inbound.score).toBeGreaterThan(outbound.score);
  });

  it('lets old contact fade: outside the window it adds no engagement, and recency decays', () => {
    const recent = leadScore({ ...cold, interactions: [touch(7, 'inbound')] }, asOf);
    const old = leadScore({ ...cold, interactions: [touch(200, 'inbound')] }, asOf);
    expect(old.parts.engagement).toBe(0);
    expect(old.parts.recency).toBeLessThan(0.0001);
    expect(recent.score).toBeGreaterThan(old.score);
  });

  it('ignores interactions dated in the future or not dated at all', () => {
    const result = leadScore({ ...cold, interactions: [touch(-3, 'inbound'), { occurredAt: '', direction: 'inbound' }] }, asOf);
    expect(result.parts.recency).toBe(0);
    expect(result.parts.engagement).toBe(0);
  });

  it('is never NaN and stays within 0-100 on broken input', () => {
    const broken: LeadSignals = { interactions: [touch(1, 'inbound')], profileCompleteness: Number.NaN, stage: 'lead', openDealValue: -500 };
    const result = leadScore(broken, 'not a date');
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(Object.values(result.parts).every(Number.isFinite)).toBe(true);
    expect(leadScore({ ...cold, profileCompleteness: 7 }, asOf).parts.profile).toBe(1);
  });
});

describe('lead score weights from a settings tab', () => {
  it('reads numbers and numeric strings, and falls back on blanks, junk and negatives', () => {
    const weights = sanitizeLeadScoreWeights({ deal: '60', recency: 'lots', engagement: -5, profile: '', stageLead: 3 });
    expect(weights.deal).toBe(60);
    expect(weights.recency).toBe(defaultLeadScoreWeights.recency);
    expect(weights.engagement).toBe(defaultLeadScoreWeights.engagement);
    expect(weights.profile).toBe(defaultLeadScoreWeights.profile);
    expect(weights.stageLead).toBe(1);
  });

  it('never divides by a zero half-life or size', () => {
    const weights = sanitizeLeadScoreWeights({ recencyHalfLifeDays: 0, dealValueForFull: 0 });
    expect(weights.recencyHalfLifeDays).toBe(defaultLeadScoreWeights.recencyHalfLifeDays);
    expect(weights.dealValueForFull).toBe(defaultLeadScoreWeights.dealValueForFull);
  });

  it('lets the team score on deals alone, and gives 0 when every weight is 0', () => {
    const dealsOnly = { recency: 0, engagement: 0, profile: 0, stage: 0, deal: 1 };
    expect(leadScore({ ...cold, openDealValue: 5000 }, asOf, dealsOnly).score).toBe(50);
    expect(leadScore({ ...cold, openDealValue: 5000 }, asOf, { ...dealsOnly, deal: 0 }).score).toBe(0);
  });
});

describe('leadSignalsFromRecords', () => {
  const base = { createdAt: asOf, updatedAt: asOf, updatedBy: 'ann@example.com' };
  const contact = contactSchema.parse({
    ...base,
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    firstName: 'Ada',
    emails: ['ada@example.com'],
    jobTitle: 'CTO',
    company: 'Analytical Engines',
    stage: 'qualified',
  });
  const other = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
  const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b${String(n).padStart(2, '0')}`;

  it('takes the contact’s live interactions and open deals, and the filled share of the profile', () => {
    const interactions = [
      interactionSchema.parse({ ...base, id: id(1), contactId: contact.id, type: 'email', direction: 'inbound', occurredAt: daysAgo(2) }),
      interactionSchema.parse({ ...base, id: id(2), contactId: contact.id, type: 'call', direction: 'outbound', occurredAt: daysAgo(9), deleted: true }),
      interactionSchema.parse({ ...base, id: id(3), contactId: other, type: 'email', direction: 'inbound', occurredAt: daysAgo(1) }),
    ];
    const deals = [
      dealSchema.parse({ ...base, id: id(4), contactId: contact.id, amount: 3000, stage: 'proposal' }),
      dealSchema.parse({ ...base, id: id(5), contactId: contact.id, amount: 1000, stage: 'negotiation' }),
      dealSchema.parse({ ...base, id: id(6), contactId: contact.id, amount: 9000, stage: 'won' }),
      dealSchema.parse({ ...base, id: id(7), contactId: contact.id, amount: 7000, stage: 'lost' }),
      dealSchema.parse({ ...base, id: id(8), contactId: other, amount: 5000, stage: 'proposal' }),
    ];
    const signals = leadSignalsFromRecords(contact, interactions, deals);
    expect(signals.interactions.map((i) => i.occurredAt)).toEqual([daysAgo(2)]);
    expect(signals.openDealValue).toBe(4000);
    // name, email, job title, company filled; phone, web, address not
    expect(signals.profileCompleteness).toBeCloseTo(4 / 7, 12);
    expect(signals.stage).toBe('qualified');
  });
});
