/**
 * The one-line set-up link a sheet owner hands a member: the web app's URL with the member's
 * token after `#rapport-token=`. The part after `#` never leaves the browser (it is not sent to
 * any server, nor kept in server logs), and the extension's options split the line into URL and
 * token when it is pasted.
 */
const MARK = '#rapport-token=';

export const setupLink = (webAppUrl: string, token: string) => `${webAppUrl}${MARK}${encodeURIComponent(token)}`;

/** The URL and token of a pasted set-up line, or null when the text is not one. */
export function parseSetupLink(text: string): { url: string; token: string } | null {
  const line = text.trim();
  const at = line.indexOf(MARK);
  if (at <= 0) return null;
  const url = line.slice(0, at);
  let token: string;
  try {
    token = decodeURIComponent(line.slice(at + MARK.length)).trim();
  } catch {
    return null;
  }
  if (!/^https?:\/\/\S+$/.test(url) || token === '' || /\s/.test(token)) return null;
  return { url, token };
}
