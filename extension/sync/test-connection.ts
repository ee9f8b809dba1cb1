import * as z from 'zod';
import { askSheet, wrongUrl, type SheetFailureCode } from './sheet-answer';

const answerSchema = z.union([
  z.object({ ok: z.literal(true), app: z.literal('Rapport'), member: z.string().optional() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Why a URL and token were not taken: a sync failure's cause, or a URL that is no URL or not https. */
export type ConnectionProblemCode = SheetFailureCode | 'not_a_url' | 'not_https';

export type ConnectionCheck = { ok: true; member: string } | { ok: false; code: ConnectionProblemCode; detail?: string };

const serverCodes: readonly string[] = ['unauthorized', 'revoked', 'bad_request', 'unknown_table', 'busy', 'internal'];

/** Asks the sheet's web app whether this URL and token work, and whose token it is. */
export async function testConnection(url: string, token: string, fetchImpl: typeof fetch = fetch): Promise<ConnectionCheck> {
  let target: URL;
  try {
    target = new URL(url.trim());
  } catch {
    return { ok: false, code: 'not_a_url' };
  }
  if (target.protocol !== 'https:' && target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') return { ok: false, code: 'not_https' };
  const wrong = wrongUrl(url);
  if (wrong) return { ok: false, code: wrong.code };
  target.searchParams.set('token', token.trim());
  const answer = await askSheet(target, {}, answerSchema, fetchImpl);
  if (!answer.ok) return { ok: false, code: answer.error.code, ...(answer.error.detail ? { detail: answer.error.detail } : {}) };
  if (!answer.value.ok) {
    const { code, message } = answer.value.error;
    return serverCodes.includes(code) ? { ok: false, code: code as SheetFailureCode, detail: message } : { ok: false, code: 'bad_response', detail: message };
  }
  if (!answer.value.member) return { ok: false, code: 'unauthorized' };
  return { ok: true, member: answer.value.member };
}
