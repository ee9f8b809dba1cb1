/**
 * Team members and their sync tokens, kept in the script properties as one JSON object
 * `{ [token]: email }` under MEMBERS_PROPERTY. Pure: the caller passes the property store.
 */
export const MEMBERS_PROPERTY = 'rapport.members';

export interface PropertyStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
}

export function readMembers(store: PropertyStore): Record<string, string> {
  const raw = store.getProperty(MEMBERS_PROPERTY);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function writeMembers(store: PropertyStore, members: Record<string, string>): void {
  store.setProperty(MEMBERS_PROPERTY, JSON.stringify(members));
}

/** Registers (or re-registers) a member's token and returns it. */
export function addMember(store: PropertyStore, email: string, token: string): string {
  const members = readMembers(store);
  for (const [existing, owner] of Object.entries(members)) if (owner === email && existing !== token) delete members[existing];
  members[token] = email;
  store.setProperty(MEMBERS_PROPERTY, JSON.stringify(members));
  return token;
}

/** The member a token belongs to, or null. Compared in constant time per entry. */
export function memberForToken(store: PropertyStore, token: unknown): string | null {
  if (typeof token !== 'string' || token === '') return null;
  let found: string | null = null;
  for (const [candidate, email] of Object.entries(readMembers(store))) if (sameText(candidate, token)) found = email;
  return found;
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
