import { newId } from '../../../shared/ids';
import { syncRequestSchema, type ErrorCode, type SyncResponse } from '../../../shared/protocol';
import { tableNames } from '../../../shared/records';
import { tabSpecs } from '../../../shared/sheet-columns';
import { memberForToken } from '../members';
import { readTabs, writeTab } from '../sheets/tabs';
import { applySync } from './apply-sync';

/** The last revision handed out, kept with the script so cursors survive between syncs. */
export const REV_PROPERTY = 'rapport.rev';
const LOCK_WAIT_MS = 30_000;

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
  const properties = PropertiesService.getScriptProperties();
  const member = memberForToken(properties, request.token);
  if (!member) return failure('unauthorized', 'This sync token is not valid for this sheet. Ask the sheet owner for one (Rapport menu → Add team member).');

  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure('busy', 'The sheet is busy with another sync. Rapport will try again shortly.');
  try {
    const { snapshots, sheets } = readTabs();
    const rev = Number(properties.getProperty(REV_PROPERTY) ?? '0') || 0;
    const { response, writes } = applySync(request, snapshots, { member, now: new Date(), newId, rev });
    for (const table of tableNames) writeTab(sheets[table], tabSpecs[table], writes[table], snapshots[table]);
    if (response.ok && response.cursor !== rev) properties.setProperty(REV_PROPERTY, String(response.cursor));
    return response;
  } finally {
    lock.releaseLock();
  }
}
