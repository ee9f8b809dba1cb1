import type { FakeGoogleOptions } from '../../apps-script/local/fake-google';
import { newId } from '../../shared/ids';
import { emptyChanges, localSheet, TOKEN } from './local-sheet-harness';

/**
 * A team's sheet for sync tests: the built bundle on the local sheet with a clock the test moves,
 * members' syncs, and a person typing into cells (uncounted, as Google does not count people).
 */
export type Changes = Record<keyof ReturnType<typeof emptyChanges>, unknown[]>;
export type SyncAnswer = {
  ok: true;
  cursor: number;
  serverTime: string;
  changes: Record<keyof Changes, (Record<string, unknown> & { id: string; unknownFields?: string[] })[]>;
  rejected: { table: string; id: string; errors: string[] }[];
  conflicts: { table: string; id: string; field?: string; reason: string; message: string }[];
  sheetProblems: { tab: string; row: number; column?: string; errors: string[] }[];
};

export function teamSheet({ now: start, ...options }: Omit<FakeGoogleOptions, 'workbook' | 'now'> & { now?: string } = {}) {
  let now = new Date(start ?? '2026-11-20T10:00:00.000Z');
  const sheet = localSheet(undefined, () => now, options);
  const { google } = sheet;
  const spreadsheet = () => google.globals.SpreadsheetApp.getActiveSpreadsheet();
  const tab = (name: string) => google.asPerson(() => spreadsheet().getSheetByName(name)!);
  const header = (name: string) => google.asPerson(() => tab(name).getRange(1, 1, 1, tab(name).getLastColumn()).getValues()[0]!.map(String));
  const column = (name: string, heading: string) => {
    const index = header(name).indexOf(heading);
    if (index < 0) throw new Error(`${name} has no column "${heading}": ${header(name).join(', ')}`);
    return index + 1;
  };

  return {
    sheet,
    google,
    now: () => now,
    /** moves the sheet's clock on */
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    /** one member's sync */
    sync(changes: Partial<Changes> = {}, since = 0, body: Record<string, unknown> = {}): SyncAnswer {
      const answer = sheet.post({ token: TOKEN, clientId: 'test-client', since, changes: { ...emptyChanges(), ...changes }, ...body });
      if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer)}`);
      return answer as unknown as SyncAnswer;
    },
    post: sheet.post,
    header,
    column,
    /** the tab's rows as objects keyed by header, values as getValues gives them */
    rows(name: string): Record<string, unknown>[] {
      const [head = [], ...rows] = google.asPerson(() => tab(name).getDataRange().getValues());
      return rows.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i]])));
    },
    /** the sheet row (1-based) holding a record */
    rowOf(name: string, id: string): number {
      const ids = google.asPerson(() => tab(name).getRange(1, column(name, 'id'), tab(name).getLastRow(), 1).getValues()).map((r) => String(r[0]).toLowerCase());
      const row = ids.indexOf(id.toLowerCase());
      if (row < 0) throw new Error(`${id} is not in ${name}`);
      return row + 1;
    },
    /** a person types into a cell, as in the spreadsheet */
    type(name: string, row: number, heading: string, text: string | number | boolean) {
      google.asPerson(() => tab(name).getRange(row, column(name, heading)).setValue(text));
    },
    cell(name: string, row: number, heading: string): unknown {
      return google.asPerson(() => tab(name).getRange(row, column(name, heading)).getValue());
    },
    formula(name: string, row: number, heading: string): string {
      return google.asPerson(() => tab(name).getRange(row, column(name, heading)).getFormula());
    },
    tab,
  };
}

/** Records as a member's extension makes them, made an hour before the sheet's clock. */
export function makers(at = '2026-11-20T09:00:00.000Z') {
  const base = () => ({ id: newId(), createdAt: at, updatedAt: at, updatedBy: 'ann@team.test' });
  return {
    contact: (overrides: Record<string, unknown> = {}) => ({ ...base(), firstName: 'Bea', lastName: 'Lind', emails: [`bea.${newId().slice(-6)}@client.test`], ...overrides }),
    interaction: (contactId: string, overrides: Record<string, unknown> = {}) => ({ ...base(), contactId, type: 'email', direction: 'inbound', occurredAt: at, subject: 'Pricing', summary: 'Asked for a quote', ...overrides }),
    followUp: (contactId: string, overrides: Record<string, unknown> = {}) => ({ ...base(), contactId, dueAt: '2026-11-25', title: 'Call back about pricing', ...overrides }),
    deal: (contactId: string, overrides: Record<string, unknown> = {}) => ({ ...base(), contactId, name: 'Bea’s 40 seats', amount: 4000, currency: 'EUR', stage: 'proposal', ...overrides }),
  };
}
