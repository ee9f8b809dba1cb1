import { archivedHistoryAnswerSchema } from '../../shared/protocol';
import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { askSheetWith, type SheetFailure } from './sheet-answer';

export type ArchivedHistory = { ok: true; interactions: Interaction[]; deals: Deal[]; followUps: FollowUp[] } | { ok: false; error: SheetFailure };

/**
 * A contact's history that the sheet moved to its yearly archives, fetched on demand (it is not
 * kept in the browser: it is for reading, and stays where the team keeps it). Free of the
 * extension's settings, so Node tests can run it against the local sheet.
 */
export async function fetchArchivedHistory(connection: { url: string; token: string }, contactId: string, fetchImpl: typeof fetch = fetch): Promise<ArchivedHistory> {
  const answer = await askSheetWith(connection, { history: contactId }, archivedHistoryAnswerSchema, fetchImpl);
  if (!answer.ok) return answer;
  if (!answer.value.ok) return { ok: false, error: answer.value.error };
  return { ok: true, ...answer.value.history };
}

