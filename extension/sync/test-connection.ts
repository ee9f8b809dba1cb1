import * as z from 'zod';
import { askSheet, wrongUrl } from './sheet-answer';

const answerSchema = z.union([
  z.object({ ok: z.literal(true), app: z.literal('Rapport'), member: z.string().optional() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type ConnectionCheck = { ok: true; member: string } | { ok: false; message: string };

/** Asks the sheet's web app whether this URL and token work, and whose token it is. */
export async function testConnection(url: string, token: string, fetchImpl: typeof fetch = fetch): Promise<ConnectionCheck> {
  let target: URL;
  try {
    target = new URL(url.trim());
  } catch {
    return { ok: false, message: 'That is not a URL. Paste the web app URL ending in /exec.' };
  }
  if (target.protocol !== 'https:' && target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
    return { ok: false, message: 'The sync URL must use https (or be the local sheet on 127.0.0.1).' };
  }
  const wrong = wrongUrl(url);
  if (wrong) return { ok: false, message: wrong.message };
  target.searchParams.set('token', token.trim());
  const answer = await askSheet(target, {}, answerSchema, fetchImpl);
  if (!answer.ok) return { ok: false, message: answer.error.message };
  if (!answer.value.ok) return { ok: false, message: answer.value.error.message };
  if (!answer.value.member) return { ok: false, message: 'The sheet did not recognise the token.' };
  return { ok: true, member: answer.value.member };
}
