import { archivedHistoryAnswerSchema } from '../../shared/protocol';
import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { askSheet, type SheetFailure } from './sheet-answer';

export type ArchivedHistory = { ok: true; interactions: Interaction[]; deals: Deal[]; followUps: FollowUp[] } | { ok: false; error: SheetFailure };

/**
 * A contact's history that the sheet moved to its yearly archives, fetched on demand (it is not
 * kept in the browser: it is for reading, and stays where the team keeps it).
 */
export async function fetchArchivedHistory(settings: { url: string; token: string }, contactId: string, fetchImpl: typeof fetch = fetch): Promise<ArchivedHistory> {
  const target = new URL(settings.url);
  target.searchParams.set('token', settings.token);
  target.searchParams.set('history', contactId);
  const answer = await askSheet(target, {}, archivedHistoryAnswerSchema, fetchImpl);
  if (!answer.ok) return answer;
  if (!answer.value.ok) return { ok: false, error: answer.value.error };
  return { ok: true, ...answer.value.history };
}
