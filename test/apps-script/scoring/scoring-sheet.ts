import type { Transaction } from '../../../shared/scoring';
import { seededUint32 } from '../../fixtures/seeded-random';
import { emptyChanges, localSheet, MEMBER, TOKEN } from '../local-sheet-harness';

/** Helpers for the scoring tests: records to sync, and the tabs read back as a person sees them. */

export type LocalSheet = ReturnType<typeof localSheet>;

/**
 * Record ids from a seeded generator (UUIDv7-shaped), so every run writes the same rows and the
 * same row hashes: a test never depends on which random ids it happened to get.
 */
export function seededIds(seed: number): () => string {
  const random = seededUint32(seed);
  const next = () => random().toString(16).padStart(8, '0');
  return () => {
    const hex = next() + next() + next() + next();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/**
 * Record makers whose ids come from `seededIds(seed)`, in the order the records are made, all
 * created and last updated at `created` (before the sheet's clock, or the sync takes it for a
 * clock running ahead and stamps its own time).
 */
export function recordMakers(seed: number, created: string) {
  const newId = seededIds(seed);
  const base = () => ({ id: newId(), createdAt: created, updatedAt: created, updatedBy: MEMBER });
  const contact = (overrides: Record<string, unknown> = {}) => ({ ...base(), firstName: 'Bea', lastName: 'Lind', emails: ['bea@client.test'], ...overrides });
  const purchase = (contactId: string, occurredAt: string, amount: number | null, overrides: Record<string, unknown> = {}) =>
    ({ ...base(), contactId, type: 'purchase', direction: 'inbound', occurredAt, amount, ...overrides });
  const interaction = (contactId: string, occurredAt: string, overrides: Record<string, unknown> = {}) =>
    ({ ...base(), contactId, type: 'email', direction: 'inbound', occurredAt, ...overrides });
  const deal = (contactId: string, overrides: Record<string, unknown> = {}) =>
    ({ ...base(), contactId, name: 'Deal', amount: 1000, currency: 'EUR', stage: 'won', ...overrides });

  /** A contact per customer of the transactions (made first, in order of appearance), then their purchases as interactions. */
  function customersFrom(transactions: readonly Transaction[]) {
    const idOf = new Map<string, string>();
    const contacts: ReturnType<typeof contact>[] = [];
    for (const t of transactions) {
      if (idOf.has(t.customerId)) continue;
      const made = contact({ firstName: 'Customer', lastName: t.customerId, emails: [`customer${t.customerId}@cdnow.test`], stage: 'customer' });
      idOf.set(t.customerId, made.id);
      contacts.push(made);
    }
    const interactions = transactions.map((t) => purchase(idOf.get(t.customerId)!, `${t.date}T15:00:00.000Z`, t.amount));
    return { idOf, contacts, interactions };
  }
  return { contact, purchase, interaction, deal, customersFrom };
}

type Changes = ReturnType<typeof emptyChanges>;

/** Syncs records in batches the protocol accepts (at most 5,000 per table); returns the last cursor. */
export function syncAll(sheet: LocalSheet, changes: Partial<Record<keyof Changes, unknown[]>>, since = 0): number {
  const BATCH = 5000;
  let cursor = since;
  const tables = Object.keys(emptyChanges()) as (keyof Changes)[];
  const longest = Math.max(...tables.map((t) => changes[t]?.length ?? 0));
  for (let start = 0; start < Math.max(longest, 1); start += BATCH) {
    const batch = Object.fromEntries(tables.map((t) => [t, (changes[t] ?? []).slice(start, start + BATCH)]));
    const answer = sheet.post({ token: TOKEN, clientId: 'scoring-test', since: cursor, changes: batch });
    if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer)}`);
    cursor = Number(answer.cursor);
  }
  return cursor;
}

/** A sync with nothing to send: what a member's extension receives since `cursor`. */
export function pull(sheet: LocalSheet, since: number) {
  const answer = sheet.post({ token: TOKEN, clientId: 'scoring-test', since, changes: emptyChanges() });
  if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer)}`);
  return answer as unknown as { cursor: number; changes: { contacts: Record<string, unknown>[] } };
}

/** A tab's rows as objects keyed by header, values as the sheet holds them. */
export function tabRows(sheet: LocalSheet, tab: string): Record<string, unknown>[] {
  const values = sheet.google.asPerson(() => sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!.getDataRange().getValues());
  const [header = [], ...rows] = values;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i]])));
}

export const contactRowsById = (sheet: LocalSheet) => new Map(tabRows(sheet, 'Contacts').map((row) => [String(row.id), row]));

/** Every cell of the tabs (all by default) that holds something no person should ever see: NaN, Infinity or their text. */
export function unreadableCells(sheet: LocalSheet, tabs?: string[]): string[] {
  const bad: string[] = [];
  for (const [tab, rows] of Object.entries(sheet.google.toJSON().sheets)) {
    if (tabs && !tabs.includes(tab)) continue;
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if ((typeof cell === 'number' && !Number.isFinite(cell)) || (typeof cell === 'string' && /\b(NaN|-?Infinity|undefined)\b/.test(cell))) bad.push(`${tab}!R${r + 1}C${c + 1}: ${cell}`);
      }),
    );
  }
  return bad;
}

/** The last toast the script showed. */
export const lastToast = (sheet: LocalSheet) => sheet.google.toasts.at(-1)?.message ?? '';

/** An empty local sheet whose clock stands at `now`. */
export const sheetAt = (now: string) => localSheet(undefined, () => new Date(now));

/**
 * Rows whose hidden hash the sheet did not keep as written: the sync writes `_hash` as plain
 * text, so a hash such as "1234e567890123" is typed into a number and the row looks edited by a
 * person at every sync. Tests that follow rows through syncs check their data has none.
 */
export function mangledHashes(sheet: LocalSheet, tab: string): unknown[] {
  return tabRows(sheet, tab).map((row) => row._hash).filter((hash) => typeof hash !== 'string');
}
