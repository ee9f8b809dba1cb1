import { archivedHistoryAnswerSchema } from '../../shared/protocol';
import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { syncTokenItem, syncUrlItem } from '../settings';
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

/** The same for the sheet this browser syncs with (the workspace's contact page asks on a click). */
export async function archivedHistoryOf(contactId: string, fetchImpl: typeof fetch = fetch): Promise<ArchivedHistory> {
  const url = (await syncUrlItem.getValue()).trim();
  const token = (await syncTokenItem.getValue()).trim();
  if (!url || !token) return { ok: false, error: { code: 'not_configured', message: 'Rapport is not connected to a sheet.' } };
  return fetchArchivedHistory({ url, token }, contactId, fetchImpl);
}
