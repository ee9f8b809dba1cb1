import { archivedHistoryAnswerSchema } from '../../shared/protocol';
import type { Deal, FollowUp, Interaction } from '../../shared/records';
import { classifyPage, classifyUnreachable, type SheetFailure } from './sheet-answer';

export type ArchivedHistory = { ok: true; interactions: Interaction[]; deals: Deal[]; followUps: FollowUp[] } | { ok: false; error: SheetFailure };

/**
 * A contact's history that the sheet moved to its yearly archives, fetched on demand (it is not
 * kept in the browser: it is for reading, and stays where the team keeps it).
 */
export async function fetchArchivedHistory(settings: { url: string; token: string }, contactId: string, fetchImpl: typeof fetch = fetch): Promise<ArchivedHistory> {
  const target = new URL(settings.url);
  target.searchParams.set('token', settings.token);
  target.searchParams.set('history', contactId);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(target, { redirect: 'follow' });
    text = await response.text();
  } catch (error) {
    return { ok: false, error: await classifyUnreachable(settings.url, error, fetchImpl) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: classifyPage(response, text) };
  }
  const parsed = archivedHistoryAnswerSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: classifyPage(response, text) };
  if (!parsed.data.ok) return { ok: false, error: parsed.data.error };
  return { ok: true, ...parsed.data.history };
}
