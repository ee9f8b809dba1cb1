import { newId } from '../../../shared/ids';
import { syncRequestSchema, type ErrorCode, type SyncResponse } from '../../../shared/protocol';
import { tableNames } from '../../../shared/records';
import { checkToken, isMember, noteSync } from '../members';
import { membersTeam } from '../sheets/members-store';
import { noteWrongToken, tooManyWrongTokens } from '../sheets/throttle';
import { RowsMovedError } from '../sheets/record-tabs';
import { underScriptLock } from '../sheets/script-state';
import { openRecordWorkbook } from '../sheets/workbook';
import { readRev } from '../../../shared/sheet-rows';
import { planLinkedNames } from '../model/linked-names';
import { planReads } from './plan-reads';
import { planSync } from './plan-sync';

const failure = (code: ErrorCode, message: string): SyncResponse => ({ ok: false, error: { code, message } });

const idleAnswer = (cursor: number, now: Date): SyncResponse => ({
  ok: true,
  cursor,
  serverTime: now.toISOString(),
  changes: { contacts: [], companies: [], interactions: [], deals: [], followUps: [] },
  rejected: [],
  conflicts: [],
  sheetProblems: [],
});

/** The highest revision among a column's cells (Math.max over a spread would overflow the stack on long tabs). */
function highestOf(cells: unknown[]): number {
  let highest = 0;
  for (const cell of cells) {
    const rev = readRev(cell);
    if (rev !== null && rev > highest) highest = rev;
  }
  return highest;
}

/** One POST from a member's extension: check, merge under the script lock, answer. */
export function handleSyncPost(body: string): SyncResponse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure('bad_request', 'The request body is not JSON.');
  }
  const parsed = syncRequestSchema.safeParse(json);
  if (!parsed.success) {
    const unknown = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys' && issue.path.join('.') === 'changes');
    if (unknown && 'keys' in unknown) {
      return failure('unknown_table', `Unknown record type: ${unknown.keys.join(', ')}. Known types: ${tableNames.join(', ')}.`);
    }
    return failure('bad_request', `The sync request is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  }
  const request = parsed.data;
  if (tooManyWrongTokens(request.clientId)) return failure('unauthorized', 'Too many wrong sync tokens from this browser: wait ten minutes, then check the token in Rapport’s options.');
  const team = membersTeam();
  const check = checkToken(team, request.token);
  if (!check.ok) {
    noteWrongToken(request.clientId);
    return check.reason === 'revoked'
      ? failure('revoked', `The sheet’s owner withdrew this sync token on ${check.revokedAt.slice(0, 10)}. Your changes not yet synced stay in Rapport; ask the owner for a new token.`)
      : failure('unauthorized', 'This sync token is not valid for this sheet. Ask the sheet owner for one (Rapport → Team members…).');
  }
  const member = check.email;
  noteSync(team, check.member, new Date());
  const members = new Map<string, boolean>();
  const owners = { mayAssign: (email: string) => members.get(email) ?? members.set(email, isMember(team, email)).get(email)! };

  try {
    const answer = underScriptLock((): SyncResponse => {
      const now = new Date();
      const workbook = openRecordWorkbook();
      const sent = tableNames.some((table) => request.changes[table].length > 0);
      // Idle: nothing sent, nothing new since the member's cursor, nobody edited the sheet.
      if (!sent && request.since === workbook.rev && workbook.nothingEdited) return idleAnswer(workbook.rev, now);
      const counter = Math.max(workbook.rev, ...tableNames.map((table) => highestOf(workbook.index[table].revs)));
      const since = request.since > counter ? 0 : request.since; // a cursor from the future: the sheet was restored
      const reads = planReads(request.changes, workbook.index, { since, full: workbook.full, edited: workbook.edited, idsChanged: workbook.idsChanged });
      const read = workbook.read(reads.rows);
      const plan = planSync({ since, changes: request.changes }, read, {
        member, now, newId, rev: counter, clock: workbook.clock, ids: workbook.ids, page: { end: reads.pageEnd, remaining: reads.remaining }, owners,
      });
      planLinkedNames(read, plan.tabs, workbook.clock);
      workbook.commit({ tabs: plan.tabs, rev: plan.rev, index: plan.index, problems: plan.response.sheetProblems, erased: plan.erased });
      return plan.response;
    });
    return answer === 'busy' ? failure('busy', 'The sheet is busy with another sync. Rapport will try again shortly.') : answer;
  } catch (error) {
    if (error instanceof RowsMovedError) return failure('busy', `Someone is moving rows in the sheet (${error.message}); nothing was written. Rapport will try again shortly.`);
    // The Sheets API allows the deploying user 60 reads and 60 writes a minute: past that, try again later.
    if (/quota exceeded|rate limit|\b429\b/i.test(error instanceof Error ? error.message : String(error))) return failure('busy', 'The sheet has reached Google’s per-minute limit of requests; Rapport will try again shortly.');
    throw error;
  }
}
