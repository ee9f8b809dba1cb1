import * as z from 'zod';
import { syncTokenItem, syncUrlItem } from '../settings';
import { classifyPage, classifyUnreachable } from './sheet-answer';

const answerSchema = z.union([
  z.object({ ok: z.literal(true), person: z.record(z.string(), z.array(z.record(z.string(), z.string()))) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * What the team's sheet holds about one person, every column as people see it (their own columns
 * included, which the sync does not carry), by tab. A sheet that cannot be reached is said so in
 * the export rather than failing it.
 */
export async function personSheetData(contactId: string, fetchImpl: typeof fetch = fetch): Promise<Record<string, unknown>> {
  const url = (await syncUrlItem.getValue()).trim();
  const token = (await syncTokenItem.getValue()).trim();
  if (!url || !token) return { unavailable: 'Rapport is not connected to a sheet.' };
  const target = new URL(url);
  target.searchParams.set('token', token);
  target.searchParams.set('person', contactId);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(target, { redirect: 'follow' });
    text = await response.text();
  } catch (error) {
    return { unavailable: (await classifyUnreachable(url, error, fetchImpl)).message };
  }
  let parsed: z.infer<typeof answerSchema> | null = null;
  try {
    const result = answerSchema.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // not JSON: a Google error page, classified below
  }
  if (!parsed) return { unavailable: classifyPage(response, text).message };
  if (!parsed.ok) return { unavailable: parsed.error.message };
  return { tabs: parsed.person, readAt: new Date().toISOString() };
}
