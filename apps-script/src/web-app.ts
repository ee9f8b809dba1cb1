import type { SyncResponse } from '../../shared/protocol';
import { archivedHistory } from './archive/archived-history';
import { checkToken } from './members';
import { handleReminderLink } from './reminders/reminder-action';
import { membersTeam } from './sheets/members-store';
import { handleSyncPost } from './sync/endpoint';
import { personRows } from './sheets/person-rows';

export const APP_VERSION = '0.1.0';

const json = (body: unknown) => ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);

/** POST /exec: a sync batch. Every failure is answered in the body; a web app cannot set a status. */
export function post(e: GoogleAppsScript.Events.DoPost | undefined) {
  let answer: SyncResponse;
  try {
    answer = handleSyncPost(e?.postData?.contents ?? '');
  } catch (error) {
    console.error(error);
    answer = { ok: false, error: { code: 'internal', message: `The sheet could not process the sync: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return json(answer);
}

/**
 * GET /exec?token=…: lets the extension's options page test the URL and token.
 * GET /exec?token=…&history=CONTACT_ID: that contact's history in the yearly archives.
 * GET /exec?a=…: a Done or Snooze link from a reminder digest.
 * GET /exec?token=…&person=ID: what the sheet holds about one person, for their data export.
 */
export function get(e: GoogleAppsScript.Events.DoGet | undefined) {
  if (e?.parameter?.a !== undefined) return handleReminderLink(e.parameter.a);
  const token = e?.parameter?.token;
  if (!token) return json({ ok: true, app: 'Rapport', version: APP_VERSION });
  const check = checkToken(membersTeam(), token);
  if (check.ok && e?.parameter?.history) return json({ ok: true, history: archivedHistory(e.parameter.history) });
  const person = e?.parameter?.person;
  if (check.ok && person) return json({ ok: true, person: personRows(person), archived: archivedHistory(person) });
  if (check.ok) return json({ ok: true, app: 'Rapport', version: APP_VERSION, member: check.email });
  return json(check.reason === 'revoked'
    ? { ok: false, error: { code: 'revoked', message: `The sheet’s owner withdrew this sync token on ${check.revokedAt.slice(0, 10)}. Ask them for a new one.` } }
    : { ok: false, error: { code: 'unauthorized', message: 'This sync token is not valid for this sheet.' } });
}
