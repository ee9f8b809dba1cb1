/**
 * The one-line set-up link a sheet owner hands a member: the web app's URL with the member's
 * token after `#rapport-token=`. The part after `#` never leaves the browser (it is not sent to
 * any server, nor kept in server logs), and the extension splits the line into URL and token
 * when it is pasted. `#token=` and `?token=` (the web app's own connection test) are read too.
 * Plain text handling: Apps Script's V8 has no URL class.
 */
const MARK = '#rapport-token=';

export const setupLink = (webAppUrl: string, token: string) => `${webAppUrl}${MARK}${encodeURIComponent(token)}`;

/** `a=1&b=2` as a map; null when a part is not valid percent-encoding. */
function parameters(text: string): Map<string, string> | null {
  const found = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    try {
      found.set(decodeURIComponent(at < 0 ? part : part.slice(0, at)), at < 0 ? '' : decodeURIComponent(part.slice(at + 1)));
    } catch {
      return null;
    }
  }
  return found;
}

/** The URL and token of a pasted set-up line, or null when the text is not one (no web app /exec URL, no token). */
export function parseSetupLink(text: string): { url: string; token: string } | null {
  const match = /^(https?:\/\/[^\s?#]+\/exec)\/?(?:\?([^\s#]*))?(?:#(\S*))?$/.exec(text.trim());
  if (!match) return null;
  const [, url = '', query = '', fragment = ''] = match;
  const [asked, marked] = [parameters(query), parameters(fragment)];
  if (!asked || !marked) return null;
  const token = (marked.get('rapport-token') ?? marked.get('token') ?? asked.get('token') ?? '').trim();
  if (token === '' || /\s/.test(token)) return null;
  asked.delete('token');
  const rest = [...asked].map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
  return { url: rest ? `${url}?${rest}` : url, token };
}
