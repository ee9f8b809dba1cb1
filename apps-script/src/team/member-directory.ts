import { normaliseEmail } from '../../../shared/emails';
import { addMember, isMember, listMembers, revokeMember, type PropertyStore, type Team } from '../members';

/**
 * The team as the sidebars, reminders and set-up see it: who is a member, in which language and
 * at which hour they want their digest, and when their extension last synced (to the hour). A small
 * interface over the member store (members.ts), so the sidebars need not know how tokens are kept.
 */
export type Language = 'en' | 'de';
export const languages: readonly Language[] = ['en', 'de'];

export interface TeamMember {
  email: string;
  language: Language;
  /** the hour of their digest, or null for the team's (Settings) */
  reminderHour: number | null;
  /** ISO instant of their last sync, noted at most once an hour */
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
}

export const PREFERENCES_PROPERTY = 'rapport.memberPreferences';
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

export function memberDirectory(team: Team, newToken: () => string): MemberDirectory {
  const store = team.store;
  return {
    list() {
      const preferences = readJson<Preferences>(store, PREFERENCES_PROPERTY);
      return listMembers(team).map(({ email: stored, lastSyncAt }) => {
        const email = normaliseEmail(stored);
        const own = preferences[email] ?? {};
        const hour = own.reminderHour;
        return {
          email,
          language: own.language && languages.includes(own.language) ? own.language : 'en',
          reminderHour: typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : null,
          lastSync: lastSyncAt ?? null,
        };
      });
    },
    has: (email) => isMember(team, email),
    add(email) {
      const address = normaliseEmail(email);
      if (!isEmailAddress(address)) throw new Error(`"${email}" is not an email address`);
      // A member added again gets a new token: the old one stops working.
      const token = newToken();
      addMember(team, address, token, new Date());
      return { token };
    },
    revoke: (email) => revokeMember(team, normaliseEmail(email), new Date()),
    setPreferences(email, change) {
      const address = normaliseEmail(email);
      const all = readJson<Preferences>(store, PREFERENCES_PROPERTY);
      const next: Preferences = { ...all[address] };
      if (change.language !== undefined) next.language = languages.includes(change.language) ? change.language : 'en';
      if (change.reminderHour !== undefined) next.reminderHour = change.reminderHour;
      all[address] = next;
      store.setProperty(PREFERENCES_PROPERTY, JSON.stringify(all));
    },
  };
}
