import { newId } from '../../../shared/ids';
import { syncRequestSchema, type ErrorCode, type SyncResponse } from '../../../shared/protocol';
import { tableNames } from '../../../shared/records';
import { memberForToken } from '../members';
import { membersStore, teamMembers } from '../sheets/members-store';
import { RowsMovedError } from '../sheets/record-tabs';
import { underScriptLock } from '../sheets/script-state';
import { openRecordWorkbook } from '../sheets/workbook';
import { planLinkedNames } from '../model/linked-names';
import { planSync } from './plan-sync';

const failure = (code: ErrorCode, message: string): SyncResponse => ({ ok: false, error: { code, message } });

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
  const member = memberForToken(membersStore(), request.token);
  if (!member) return failure('unauthorized', 'This sync token is not valid for this sheet. Ask the sheet owner for one (Rapport → Team members…).');

  try {
    const answer = underScriptLock(() => {
      const workbook = openRecordWorkbook();
      const plan = planSync(request, workbook.reads, { member, now: new Date(), newId, rev: workbook.rev, clock: workbook.clock, ids: workbook.ids });
      planLinkedNames(workbook.reads, plan.tabs, workbook.clock);
      workbook.commit({ tabs: plan.tabs, rev: plan.rev, index: plan.index, problems: plan.response.sheetProblems });
      return plan.response;
    });
    if (answer === 'busy') return failure('busy', 'The sheet is busy with another sync. Rapport will try again shortly.');
    teamMembers().noteSync(member, new Date());
    return answer;
  } catch (error) {
    if (error instanceof RowsMovedError) return failure('busy', `Someone is moving rows in the sheet (${error.message}); nothing was written. Rapport will try again shortly.`);
    throw error;
  }
}
