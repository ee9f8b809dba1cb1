/**
 * A set-up link names a sheet's web app and a member's token in one line, so a new member pastes
 * one thing: `https://script.google.com/macros/s/…/exec#token=…` (the fragment never reaches a
 * server, so the token is not logged on the way). `?token=` is read too, the form the web app's
 * own connection test uses. Anything else is not a set-up link.
 */
export function parseSetupLink(text: string): { url: string; token: string } | null {
  let link: URL;
  try {
    link = new URL(text.trim());
  } catch {
    return null;
  }
  const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? link.searchParams.get('token') ?? '';
  if (!token.trim() || !/\/exec\/?$/.test(link.pathname)) return null;
  link.hash = '';
  link.searchParams.delete('token');
  return { url: link.href, token: token.trim() };
}
