import * as z from 'zod';
import { classifyPage, classifyUnreachable, wrongUrl } from './sheet-answer';

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
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(target, { redirect: 'follow' });
    text = await response.text();
  } catch (error) {
    return { ok: false, message: (await classifyUnreachable(url.trim(), error, fetchImpl)).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: classifyPage(response, text).message };
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: classifyPage(response, text).message };
  if (!parsed.data.ok) return { ok: false, message: parsed.data.error.message };
  if (!parsed.data.member) return { ok: false, message: 'The sheet did not recognise the token.' };
  return { ok: true, member: parsed.data.member };
}
