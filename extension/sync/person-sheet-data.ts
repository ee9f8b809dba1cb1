import { personAnswerSchema } from '../../shared/protocol';
import { syncTokenItem, syncUrlItem } from '../settings';
import { askSheet } from './sheet-answer';

/**
 * What the team's sheet holds about one person: every column as people see it (their own columns
 * included, which the sync does not carry), by tab, and their history in the yearly archives. A
 * sheet that cannot be reached is said so in the export rather than failing it.
 */
export async function personSheetData(contactId: string, fetchImpl: typeof fetch = fetch): Promise<Record<string, unknown>> {
  const url = (await syncUrlItem.getValue()).trim();
  const token = (await syncTokenItem.getValue()).trim();
  if (!url || !token) return { unavailable: 'Rapport is not connected to a sheet.' };
  const target = new URL(url);
  target.searchParams.set('token', token);
  target.searchParams.set('person', contactId);
  const answer = await askSheet(target, {}, personAnswerSchema, fetchImpl);
  if (!answer.ok) return { unavailable: answer.error.message };
  if (!answer.value.ok) return { unavailable: answer.value.error.message };
  return { tabs: answer.value.person, archived: answer.value.archived, readAt: new Date().toISOString() };
}
