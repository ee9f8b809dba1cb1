/**
 * The Done and Snooze links of a digest: a claim (what to do to which item, for whom, until when,
 * and a nonce that makes it usable once) signed with the script's secret (HMAC-SHA256). Anyone
 * holding the link can use it once, before it expires; nobody can make or alter one without the
 * secret, which never leaves the script's properties. Pure: the caller signs.
 */
export interface LinkClaim {
  action: 'done' | 'snooze';
  /** the digest item's key (followUp:…, cadence:…, …) */
  key: string;
  /** the owner it was sent to */
  owner: string;
  /** ms since the epoch after which it no longer works */
  expires: number;
  /** one use: the log keeps the nonces of used links */
  nonce: string;
}

export type LinkCheck = { ok: true; claim: LinkClaim } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** How long a link works: a digest read after a fortnight away still acts. */
export const LINK_LIFETIME_MS = 14 * 86_400_000;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

export function base64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]! & 255, (bytes[i + 1] ?? 0) & 255, (bytes[i + 2] ?? 0) & 255];
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    buffer = (buffer << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return null;
  }
}

const sameText = (a: string, b: string) => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

export function signLink(claim: LinkClaim, sign: (text: string) => string): string {
  const body = base64Url(utf8(JSON.stringify({ a: claim.action, k: claim.key, o: claim.owner, x: claim.expires, n: claim.nonce })));
  return `${body}.${sign(body)}`;
}

export function readLink(token: unknown, sign: (text: string) => string, nowMs: number): LinkCheck {
  if (typeof token !== 'string' || token.length > 2000) return { ok: false, reason: 'malformed' };
  const [body = '', signature = '', extra] = token.split('.');
  if (extra !== undefined || body === '' || signature === '') return { ok: false, reason: 'malformed' };
  if (!sameText(sign(body), signature)) return { ok: false, reason: 'forged' };
  const json = fromBase64Url(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '');
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = parsed as Record<string, unknown>;
  if (!c || (c.a !== 'done' && c.a !== 'snooze') || typeof c.k !== 'string' || typeof c.o !== 'string' || typeof c.x !== 'number' || typeof c.n !== 'string') return { ok: false, reason: 'malformed' };
  if (nowMs > c.x) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { action: c.a, key: c.k, owner: c.o, expires: c.x, nonce: c.n } };
}
