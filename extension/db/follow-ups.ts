import type { FollowUp } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeUndoable, type UndoStep } from './undo';

export interface NewFollowUp {
  contactId: string;
  /** a date-time, or a calendar day for "some time that day" */
  dueAt: string;
  title: string;
  dealId?: string;
}

export function addFollowUp(db: RapportDatabase, input: NewFollowUp, author: string): Promise<{ record: FollowUp; undo: UndoStep }> {
  return writeUndoable(db, 'followUps', { contactId: input.contactId, dealId: input.dealId ?? '', dueAt: input.dueAt, title: input.title, status: 'open', owner: author }, author);
}

/** Done, or snoozed until a new time: a snoozed follow-up is due again then. */
export async function settleFollowUp(db: RapportDatabase, input: { followUpId: string; done: true } | { followUpId: string; snoozeUntil: string }, author: string) {
  const existing = await db.followUps.get(input.followUpId);
  if (!existing || existing.deleted) return null;
  const change = 'done' in input ? { status: 'done' as const } : { status: 'snoozed' as const, dueAt: input.snoozeUntil };
  return writeUndoable(db, 'followUps', { id: input.followUpId, ...change }, author);
}
