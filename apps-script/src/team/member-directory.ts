import { normaliseEmail } from '../../../shared/emails';
import { addMember, readMembers, writeMembers, type PropertyStore } from '../members';

/**
 * The team as the sidebars, reminders and set-up see it: who is a member, in which language and
 * at which hour they want their digest, and when their extension last synced. A small interface
 * over today's member store (tokens in the script properties), so the store can change behind it.
 */
export type Language = 'en' | 'de';
export const languages: readonly Language[] = ['en', 'de'];

export interface TeamMember {
  email: string;
  language: Language;
  /** the hour of their digest, or null for the team's (Settings) */
  reminderHour: number | null;
  /** ISO instant of their last sync, as far as it was noted */
  lastSync: string | null;
}

export interface MemberDirectory {
  list(): TeamMember[];
  has(email: string): boolean;
  /** adds (or re-adds, with a new token) a member; the token is returned once and kept nowhere readable here */
  add(email: string): { token: string };
  /** removes the member's token: their extension can no longer sync */
  revoke(email: string): boolean;
  setPreferences(email: string, preferences: { language?: Language; reminderHour?: number | null }): void;
  /** notes a sync; written at most every few minutes per member, to spare the properties quota */
  noteSync(email: string, at: Date): void;
}

export const PREFERENCES_PROPERTY = 'rapport.memberPreferences';
export const LAST_SYNC_PROPERTY = 'rapport.lastSync';
const NOTE_EVERY_MS = 10 * 60_000;
const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;

export const isEmailAddress = (text: string) => EMAIL.test(text.trim()) && text.trim().length <= 320;

function readJson<T extends object>(store: PropertyStore, key: string): Partial<Record<string, T>> {
  try {
    const parsed: unknown = JSON.parse(store.getProperty(key) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<Record<string, T>>) : {};
  } catch {
    return {};
  }
}

type Preferences = { language?: Language; reminderHour?: number | null };

export function memberDirectory(store: PropertyStore, newToken: () => string): MemberDirectory {
  const emails = () => [...new Set(Object.values(readMembers(store)).map(normaliseEmail))].sort();
  return {
    list() {
      const preferences = readJson<Preferences>(store, PREFERENCES_PROPERTY);
      const syncs = readJson<{ at: string }>(store, LAST_SYNC_PROPERTY);
      return emails().map((email) => {
        const own = preferences[email] ?? {};
        const hour = own.reminderHour;
        return {
          email,
          language: own.language && languages.includes(own.language) ? own.language : 'en',
          reminderHour: typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null,
          lastSync: syncs[email]?.at ?? null,
        };
      });
    },
    has: (email) => emails().includes(normaliseEmail(email)),
    add(email) {
      const address = normaliseEmail(email);
      if (!isEmailAddress(address)) throw new Error(`"${email}" is not an email address`);
      // A member added again gets a new token: the old one stops working.
      const members = readMembers(store);
      for (const [token, owner] of Object.entries(members)) if (normaliseEmail(owner) === address) delete members[token];
      writeMembers(store, members);
      return { token: addMember(store, address, newToken()) };
    },
    revoke(email) {
      const address = normaliseEmail(email);
      const members = readMembers(store);
      const tokens = Object.keys(members).filter((token) => normaliseEmail(members[token]!) === address);
      if (tokens.length === 0) return false;
      for (const token of tokens) delete members[token];
      writeMembers(store, members);
      return true;
    },
    setPreferences(email, change) {
      const address = normaliseEmail(email);
      const all = readJson<Preferences>(store, PREFERENCES_PROPERTY);
      const next: Preferences = { ...all[address] };
      if (change.language !== undefined) next.language = languages.includes(change.language) ? change.language : 'en';
      if (change.reminderHour !== undefined) next.reminderHour = change.reminderHour;
      all[address] = next;
      store.setProperty(PREFERENCES_PROPERTY, JSON.stringify(all));
    },
    noteSync(email, at) {
      const address = normaliseEmail(email);
      const syncs = readJson<{ at: string }>(store, LAST_SYNC_PROPERTY);
      const last = Date.parse(syncs[address]?.at ?? '');
      if (Number.isFinite(last) && at.getTime() - last < NOTE_EVERY_MS && at.getTime() >= last) return;
      syncs[address] = { at: at.toISOString() };
      store.setProperty(LAST_SYNC_PROPERTY, JSON.stringify(syncs));
    },
  };
}
