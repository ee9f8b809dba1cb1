/**
 * What came back from the sheet's web app, in words a person can act on. Google answers a web
 * app's failures with pages, not statuses: a script error or a quota/time limit is an HTML page
 * titled "Error" (status 200); a deployment not open to "Anyone" redirects to the Google sign-in;
 * a spreadsheet's own URL answers with the spreadsheet's page. One cause, one message.
 */
export type SheetFailureCode =
  | 'not_configured'
  | 'network'
  | 'sign_in'
  | 'not_rapport'
  | 'script_error'
  | 'timeout'
  | 'quota'
  | 'http'
  | 'bad_response'
  | 'unauthorized'
  | 'revoked'
  | 'bad_request'
  | 'unknown_table'
  | 'busy'
  | 'internal';

export interface SheetFailure {
  code: SheetFailureCode;
  /** in English, for logs and tests; people read the dictionary's words for the code */
  message: string;
  /** what only this cause can say, in any language: Google's error text, the HTTP status, the browser's network error */
  detail?: string;
}

const SIGN_IN = 'The sheet’s web app asks for a Google sign-in. In the script editor, deploy it as a web app with access “Anyone”, then paste that /exec URL.';
const NOT_RAPPORT = 'This URL is not a Rapport sheet’s web app. Did you paste the spreadsheet’s URL instead of the web app’s /exec URL (Deploy → Manage deployments)?';

/** A URL that is certainly not a web app's: the spreadsheet's own address. Known before any request. */
export function wrongUrl(url: string): SheetFailure | null {
  return /^https:\/\/docs\.google\.com\/spreadsheets\//i.test(url.trim()) ? { code: 'not_rapport', message: NOT_RAPPORT } : null;
}

/** The text Google put in its error page, if this is one. */
function googleErrorMessage(html: string): string | null {
  if (!/<title>\s*Error\s*<\/title>/i.test(html)) return null;
  const block = /<div[^>]*font-family:\s*monospace[^>]*>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '';
  const text = block.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  return text || 'The sheet’s script failed.';
}

/** A response that is not Rapport's JSON, classified. */
export function classifyPage(response: { status: number; url: string; redirected?: boolean }, text: string): SheetFailure {
  const url = response.url || '';
  if (/accounts\.google\.com|\/ServiceLogin/i.test(url) || /<title>[^<]*Sign in[^<]*<\/title>/i.test(text)) return { code: 'sign_in', message: SIGN_IN };
  const googleError = googleErrorMessage(text);
  if (googleError) {
    if (/Exceeded maximum execution time/i.test(googleError)) return { code: 'timeout', message: 'The sheet took too long to answer (Google stops a script after 6 minutes). Rapport will try again with less at once.' };
    if (/too many times|quota|Service invoked|Bandwidth/i.test(googleError)) return { code: 'quota', message: `The sheet has used its daily Google quota (${googleError}). Rapport will try again later.`, detail: googleError };
    if (/Script function not found/i.test(googleError)) return { code: 'not_rapport', message: NOT_RAPPORT };
    return { code: 'script_error', message: `The sheet’s script failed: ${googleError}`, detail: googleError };
  }
  if (response.status !== 200) return { code: 'http', message: `The sheet answered with HTTP ${response.status}.`, detail: String(response.status) };
  if (/^\s*</.test(text)) return { code: 'not_rapport', message: NOT_RAPPORT };
  return { code: 'bad_response', message: 'The sheet’s answer was not understood; is the Rapport add-on in the sheet up to date?' };
}

/**
 * A fetch that failed without an answer: either there is no connection, or the web app redirected
 * to a page the browser may not read (the Google sign-in). A no-cors request tells them apart: it
 * reaches any server that answers, readable or not.
 */
export async function classifyUnreachable(url: string, error: unknown, fetchImpl: typeof fetch): Promise<SheetFailure> {
  try {
    await fetchImpl(url, { method: 'GET', mode: 'no-cors', redirect: 'follow', credentials: 'omit' });
    return { code: 'sign_in', message: SIGN_IN };
  } catch {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: 'network', message: `No connection to the sheet (${detail}). Your changes are kept and sent when the connection is back.`, detail };
  }
}

/** Why a request for the sheet's data could not be made: this browser has no sheet URL or token. */
export const NOT_CONNECTED: SheetFailure = { code: 'not_configured', message: 'Rapport is not connected to a sheet.' };

/** A GET of the web app with the member's token and `query` (…/exec?token=…&history=…), its answer parsed by `schema`. */
export function askSheetWith<T>(connection: { url: string; token: string }, query: Record<string, string>, schema: Parameters<typeof askSheet<T>>[2], fetchImpl: typeof fetch = fetch) {
  const target = new URL(connection.url);
  target.searchParams.set('token', connection.token);
  for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
  return askSheet(target, {}, schema, fetchImpl);
}

/**
 * One request to the sheet's web app, its answer parsed by `schema`: the parsed answer, or the
 * failure in words (no connection, a Google page, an answer that is not Rapport's).
 */
export async function askSheet<T>(url: string | URL, init: RequestInit, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, fetchImpl: typeof fetch = fetch): Promise<{ ok: true; value: T } | { ok: false; error: SheetFailure }> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { redirect: 'follow', ...init });
    text = await response.text();
  } catch (error) {
    return { ok: false, error: await classifyUnreachable(String(url), error, fetchImpl) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: classifyPage(response, text) };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: classifyPage(response, text) };
}
