import { normaliseEmail } from '../../shared/emails';

/**
 * The team's members and their sync tokens. Each member is one property (so a thousand fit well
 * inside the script properties' limits); a token is kept only as its SHA-256, under which the
 * member is found with one read. Revoking keeps the token's hash, so a revoked member is told so
 * rather than "unknown token". Pure: the caller passes the property store and the hash function.
 */
export interface PropertyStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getKeys(): string[];
}

export interface Team {
  store: PropertyStore;
  /** SHA-256 of a text, as lower-case hex */
  sha256(text: string): string;
}

export interface Member {
  email: string;
  addedAt: string;
  /** when the member last synced, to the hour */
  lastSyncAt?: string;
}

const MEMBER = 'rapport.member.';
const TOKEN = 'rapport.token.';
const REVOKED = 'rapport.revoked.';
/** Before member properties: one JSON object `{ [token]: email }`. Moved over on first use. */
const LEGACY_MEMBERS = 'rapport.members';
/** Writing the last sync of every member every minute would spend the properties' daily quota. */
const LAST_SYNC_PRECISION_MS = 60 * 60_000;

export type TokenCheck = { ok: true; email: string; member: Member } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'revoked'; email: string; revokedAt: string };

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Moves members kept the old way (tokens in plain text) to one property each, tokens hashed. */
function migrate(team: Team): void {
  const legacy = parse<Record<string, string>>(team.store.getProperty(LEGACY_MEMBERS));
  if (!legacy) return;
  for (const [token, email] of Object.entries(legacy)) {
    if (typeof email === 'string' && token) addMember(team, email, token, new Date(0));
  }
  team.store.deleteProperty(LEGACY_MEMBERS);
}

/** Adds a member with this token, or gives an existing member this new token (the old one is revoked). */
export function addMember(team: Team, email: string, token: string, now: Date): Member {
  const key = MEMBER + normaliseEmail(email);
  const existing = parse<Member & { tokenHash: string }>(team.store.getProperty(key));
  const tokenHash = team.sha256(token);
  if (existing && existing.tokenHash !== tokenHash) {
    team.store.deleteProperty(TOKEN + existing.tokenHash);
    team.store.setProperty(REVOKED + existing.tokenHash, JSON.stringify({ email: existing.email, revokedAt: now.toISOString() }));
  }
  const member: Member & { tokenHash: string } = { email: email.trim(), addedAt: existing?.addedAt ?? now.toISOString(), tokenHash, ...(existing?.lastSyncAt ? { lastSyncAt: existing.lastSyncAt } : {}) };
  team.store.setProperty(key, JSON.stringify(member));
  team.store.setProperty(TOKEN + tokenHash, member.email);
  team.store.deleteProperty(REVOKED + tokenHash);
  return publicMember(member);
}

/** Ends a member's access; their token is refused from now on with a message that says so. */
export function revokeMember(team: Team, email: string, now: Date): boolean {
  migrate(team);
  const key = MEMBER + normaliseEmail(email);
  const existing = parse<Member & { tokenHash: string }>(team.store.getProperty(key));
  if (!existing) return false;
  team.store.deleteProperty(TOKEN + existing.tokenHash);
  team.store.setProperty(REVOKED + existing.tokenHash, JSON.stringify({ email: existing.email, revokedAt: now.toISOString() }));
  team.store.deleteProperty(key);
  return true;
}

/** Whose token this is: one property read. The stored hash is compared in constant time. */
export function checkToken(team: Team, token: unknown): TokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'unknown' };
  const tokenHash = team.sha256(token);
  let email = team.store.getProperty(TOKEN + tokenHash);
  if (email === null && team.store.getProperty(LEGACY_MEMBERS) !== null) {
    migrate(team);
    email = team.store.getProperty(TOKEN + tokenHash);
  }
  if (email !== null) {
    const member = parse<Member & { tokenHash: string }>(team.store.getProperty(MEMBER + normaliseEmail(email)));
    if (member && sameText(member.tokenHash, tokenHash)) return { ok: true, email, member: publicMember(member) };
  }
  const revoked = parse<{ email: string; revokedAt: string }>(team.store.getProperty(REVOKED + tokenHash));
  return revoked ? { ok: false, reason: 'revoked', email: revoked.email, revokedAt: revoked.revokedAt } : { ok: false, reason: 'unknown' };
}

export function isMember(team: Team, email: string): boolean {
  return team.store.getProperty(MEMBER + normaliseEmail(email)) !== null;
}

export function listMembers(team: Team): Member[] {
  migrate(team);
  return team.store
    .getKeys()
    .filter((key) => key.startsWith(MEMBER))
    .map((key) => parse<Member & { tokenHash: string }>(team.store.getProperty(key)))
    .filter((member): member is Member & { tokenHash: string } => member !== null)
    .map(publicMember)
    .sort((a, b) => a.email.localeCompare(b.email));
}

/** Notes that a member (as `checkToken` found them) synced: written at most once an hour per member. */
export function noteSync(team: Team, member: Member, now: Date): void {
  if (member.lastSyncAt && now.getTime() - Date.parse(member.lastSyncAt) < LAST_SYNC_PRECISION_MS) return;
  const key = MEMBER + normaliseEmail(member.email);
  const stored = parse<Member & { tokenHash: string }>(team.store.getProperty(key));
  if (stored) team.store.setProperty(key, JSON.stringify({ ...stored, lastSyncAt: now.toISOString() }));
}

const publicMember = ({ email, addedAt, lastSyncAt }: Member): Member => ({ email, addedAt, ...(lastSyncAt ? { lastSyncAt } : {}) });

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
