import { personAnswerSchema } from '../../shared/protocol';
import { sheetConnection } from '../settings';
import { fetchArchivedHistory, type ArchivedHistory } from './archived-history';
import { askSheetWith, NOT_CONNECTED } from './sheet-answer';

// What an extension page asks the sheet this browser syncs with, on a person's click.

/**
 * What the team's sheet holds about one person: every column as people see it (their own columns
 * included, which the sync does not carry), by tab, and their history in the yearly archives. A
 * sheet that cannot be reached is said so in the export rather than failing it.
 */
export async function personSheetData(contactId: string, fetchImpl: typeof fetch = fetch): Promise<Record<string, unknown>> {
  const connection = await sheetConnection();
  if (!connection) return { unavailable: NOT_CONNECTED.message };
  const answer = await askSheetWith(connection, { person: contactId }, personAnswerSchema, fetchImpl);
  if (!answer.ok) return { unavailable: answer.error.message };
  if (!answer.value.ok) return { unavailable: answer.value.error.message };
  return { tabs: answer.value.person, archived: answer.value.archived, readAt: new Date().toISOString() };
}

/** A contact's history in the yearly archives of the sheet this browser syncs with. */
export async function archivedHistoryOf(contactId: string, fetchImpl: typeof fetch = fetch): Promise<ArchivedHistory> {
  const connection = await sheetConnection();
  return connection ? fetchArchivedHistory(connection, contactId, fetchImpl) : { ok: false, error: NOT_CONNECTED };
}
