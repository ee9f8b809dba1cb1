import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { interactionTime } from './contact-rows';

/**
 * One contact's whole history on one line of time: every interaction (emails, calls, meetings,
 * notes, purchases, complaints…), stage changes, deals and follow-ups, newest first. Records in,
 * rows out: the contact page and the popup's history can share it.
 */

/** An interaction with this channel records a change of lifecycle stage; its outcome is the new stage. */
export const STAGE_CHANGE_CHANNEL = 'stage';

export type TimelineKind = Interaction['type'] | 'stage' | 'deal' | 'followUp';

export interface TimelineRow {
  key: string;
  table: 'interactions' | 'deals' | 'followUps';
  id: string;
  kind: TimelineKind;
  /** an instant, or a calendar day (follow-ups, deals) */
  at: string;
  title: string;
  detail: string;
  direction: string;
  channel: string;
  amount: number | null;
  currency: string;
  /** a deal's stage, a follow-up's status, the new lifecycle stage */
  state: string;
}

export interface TimelineInput {
  interactions: readonly Interaction[];
  deals: readonly Deal[];
  followUps: readonly FollowUp[];
}

export function timelineRows({ interactions, deals, followUps }: TimelineInput): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const i of interactions) {
    if (i.deleted) continue;
    const stage = i.channel === STAGE_CHANGE_CHANNEL;
    rows.push({
      key: `i:${i.id}`, table: 'interactions', id: i.id, kind: stage ? 'stage' : i.type, at: interactionTime(i),
      title: i.subject, detail: i.summary, direction: i.direction, channel: stage ? '' : i.channel, amount: i.amount, currency: '', state: stage ? i.outcome : i.outcome,
    });
  }
  for (const d of deals) {
    if (d.deleted) continue;
    rows.push({
      key: `d:${d.id}`, table: 'deals', id: d.id, kind: 'deal', at: d.closedAt || d.createdAt,
      title: d.name, detail: d.expectedClose, direction: '', channel: '', amount: d.amount, currency: d.currency, state: d.stage,
    });
  }
  for (const f of followUps) {
    if (f.deleted) continue;
    rows.push({
      key: `f:${f.id}`, table: 'followUps', id: f.id, kind: 'followUp', at: f.dueAt || f.createdAt,
      title: f.title, detail: '', direction: '', channel: '', amount: null, currency: '', state: f.status,
    });
  }
  // ISO instants and calendar days compare as text; the newest first, ties in a stable order.
  return rows.sort((a, b) => (a.at === b.at ? a.key.localeCompare(b.key) : a.at < b.at ? 1 : -1));
}
