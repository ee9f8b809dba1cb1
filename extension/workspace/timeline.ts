import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { stageChangeOf } from '../../shared/stage-notes';
import { interactionTime } from './contact-rows';

/**
 * One contact's whole history on one line of time: every interaction (emails, calls, meetings,
 * notes, purchases, complaints…), stage changes, deals and follow-ups, newest first. Records in,
 * rows out: the workspace's contact page and the popup's card show them (ui/timeline/HistoryList.tsx).
 */

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
  /** a call's outcome ("Left a voicemail") */
  outcome: string;
  durationMinutes: number | null;
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
    const stage = stageChangeOf(i);
    rows.push({
      key: `i:${i.id}`, table: 'interactions', id: i.id, kind: stage ? 'stage' : i.type, at: interactionTime(i),
      title: i.subject, detail: i.summary, direction: i.direction, channel: stage ? '' : i.channel, outcome: stage ? '' : i.outcome,
      durationMinutes: i.durationMinutes ?? null, amount: i.amount, currency: '', state: stage ?? '',
    });
  }
  for (const d of deals) {
    if (d.deleted) continue;
    rows.push({
      key: `d:${d.id}`, table: 'deals', id: d.id, kind: 'deal', at: d.closedAt || d.createdAt,
      title: d.name, detail: '', direction: '', channel: '', outcome: '', durationMinutes: null, amount: d.amount, currency: d.currency, state: d.stage,
    });
  }
  for (const f of followUps) {
    if (f.deleted) continue;
    rows.push({
      key: `f:${f.id}`, table: 'followUps', id: f.id, kind: 'followUp', at: f.dueAt || f.createdAt,
      title: f.title, detail: '', direction: '', channel: '', outcome: '', durationMinutes: null, amount: null, currency: '', state: f.status,
    });
  }
  // ISO instants and calendar days compare as text; the newest first. Ids are UUIDv7, in the order
  // they were made, so at the same moment the later record comes first too.
  return rows.sort((a, b) => (a.at === b.at ? b.key.localeCompare(a.key) : a.at < b.at ? 1 : -1));
}

/**
 * The start of a timeline read from a contact's newest interactions only (personRecords with a
 * limit): the rows later than the last interaction read, which nothing unread can come before.
 */
export const wholeSoFar = (rows: readonly TimelineRow[], newerThan: string): TimelineRow[] => rows.filter((row) => row.at > newerThan);
