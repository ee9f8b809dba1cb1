import { daysBetween } from '../../../shared/reminders/due-items';
import type { Transaction } from '../../../shared/scoring';

/**
 * The stages that move by themselves, as a pure plan. Each contact's evidence (purchases and won
 * deals, the chance they are still buying, how long since they last bought) against their stage:
 *
 * - lead or qualified → customer on the first purchase or won deal (→ loyal if already past the
 *   threshold);
 * - customer → loyal once the purchases reach the threshold;
 * - customer or loyal → at risk when P(alive) drops below the at-risk threshold or the days since
 *   the last purchase exceed the at-risk factor times their usual gap;
 * - at risk → customer (or loyal) when they buy again after Rapport moved them there.
 *
 * A stage a person set (changed after Rapport's last stage note for the contact) is respected:
 * Rapport moves it only forward, and only on a purchase made since (a qualified lead who then
 * buys becomes a customer), never to at risk or back. "Lost" is only ever set and left by people. Each change comes with the note
 * that says why, logged as an interaction so the timeline shows it.
 */
export interface StageContact {
  id: string;
  stage: string;
  pAlive: number | null;
  /** when a person or Rapport last changed the stage (ms); null when it is as the contact was made */
  stageChangedAt: number | null;
  /** when Rapport last logged a stage change for them (ms), or null */
  lastStageNoteAt: number | null;
}

export interface StageRules {
  loyalAfterPurchases: number;
  pAliveThreshold: number;
  overdueFactor: number;
}

export interface StageChange {
  contactId: string;
  from: string;
  to: string;
  /** one sentence for the note's summary */
  why: string;
}

/** Who the stage changes and their notes are by, for every member's copy. */
export const STAGE_NOTE_CHANGE_EDITOR = 'rapport';

export function planStageChanges(contacts: readonly StageContact[], purchases: readonly Transaction[], rules: StageRules, today: string): StageChange[] {
  const byContact = new Map<string, string[]>();
  for (const p of purchases) {
    if (p.date > today) continue;
    const days = byContact.get(p.customerId);
    if (days) days.push(p.date);
    else byContact.set(p.customerId, [p.date]);
  }
  const changes: StageChange[] = [];
  for (const contact of contacts) {
    const days = (byContact.get(contact.id) ?? []).sort();
    const count = days.length;
    const evidence = count >= rules.loyalAfterPurchases ? 'loyal' : count >= 1 ? 'customer' : null;
    const manual = contact.stageChangedAt !== null && (contact.lastStageNoteAt === null || contact.lastStageNoteAt < contact.stageChangedAt);
    const stage = contact.stage;
    // A stage a person set moves forward only on a purchase made since they set it.
    const newEvidence = !manual || days.some((day) => day > new Date(contact.stageChangedAt!).toISOString().slice(0, 10));
    const reason = (to: string) =>
      to === 'loyal' ? `${count} purchases (customers become loyal at ${rules.loyalAfterPurchases}).` : `First purchase or won deal on ${days[0]}.`;

    if ((stage === 'lead' || stage === 'qualified') && evidence && newEvidence) {
      changes.push({ contactId: contact.id, from: stage, to: evidence, why: evidence === 'loyal' ? `${reason('customer')} ${reason('loyal')}` : reason('customer') });
      continue;
    }
    if (stage === 'customer' && evidence === 'loyal' && newEvidence) {
      changes.push({ contactId: contact.id, from: stage, to: 'loyal', why: reason('loyal') });
      continue;
    }
    if ((stage === 'customer' || stage === 'loyal') && !manual && count > 0) {
      const slipping = slippingAway(contact.pAlive, days, rules, today);
      if (slipping) changes.push({ contactId: contact.id, from: stage, to: 'at risk', why: slipping });
      continue;
    }
    if (stage === 'at risk' && !manual && evidence && contact.stageChangedAt !== null) {
      const since = new Date(contact.stageChangedAt).toISOString().slice(0, 10);
      const again = days.filter((day) => day > since);
      if (again.length > 0) changes.push({ contactId: contact.id, from: stage, to: evidence, why: `Bought again on ${again[again.length - 1]} after being at risk.` });
    }
  }
  return changes;
}

/** Why a customer seems to be slipping away, or null. */
function slippingAway(pAlive: number | null, days: readonly string[], rules: StageRules, today: string): string | null {
  if (pAlive !== null && pAlive < rules.pAliveThreshold) return `P(alive) ${Math.round(pAlive * 100)} % is below ${Math.round(rules.pAliveThreshold * 100)} %.`;
  const distinct = [...new Set(days)];
  if (distinct.length < 2) return null;
  const usualGap = daysBetween(distinct[0]!, distinct[distinct.length - 1]!) / (distinct.length - 1);
  const since = daysBetween(distinct[distinct.length - 1]!, today);
  if (usualGap > 0 && since > rules.overdueFactor * usualGap) return `${since} days since the last purchase; usually ${Math.round(usualGap)} (at risk after ${rules.overdueFactor} × that).`;
  return null;
}
