import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { planRecalculation } from '../apps-script/src/scoring/plan-recalculation';
import { readScoringSettings } from '../apps-script/src/scoring/settings';
import { fullRead, type TabRead } from '../apps-script/src/model/tab-model';
import { zoneWallClock } from '../shared/calendar';
import { newId } from '../shared/ids';
import { tableNames, type TableName } from '../shared/records';
import { tabSpecs } from '../shared/sheet-columns';
import { cdnowMasterTransactions } from '../test/fixtures/cdnow/load-cdnow';
import { emptyChanges, localSheet, MEMBER, TOKEN } from '../test/apps-script/local-sheet-harness';
import type { BenchFigure } from './types';

// One "Recalculate scores" run in the local sheet, on the built bundle, for the first 1,000 and
// the first 10,000 customers of CDNOW_master.txt as contacts with their purchases as interactions
// (the clock at the data end, 1998-07-01). The spreadsheet calls are what cost time and quota on
// Google: they must be the same at both sizes.

const NOW = new Date('1998-07-01T06:00:00.000Z');
const CREATED = '1998-01-01T00:00:00.000Z';
const BATCH = 5000;

function seededSheet(customers: number) {
  const sheet = localSheet(undefined, () => NOW);
  const transactions = cdnowMasterTransactions().filter((t) => Number(t.customerId) <= customers);
  const idOf = new Map<string, string>();
  for (const t of transactions) if (!idOf.has(t.customerId)) idOf.set(t.customerId, newId());
  const base = () => ({ id: newId(), createdAt: CREATED, updatedAt: CREATED, updatedBy: MEMBER });
  const contacts = [...idOf].map(([customer, id]) => ({ ...base(), id, firstName: 'Customer', lastName: customer, emails: [`c${customer}@cdnow.test`], stage: 'customer' }));
  const interactions = transactions.map((t) => ({ ...base(), contactId: idOf.get(t.customerId)!, type: 'purchase', direction: 'inbound', occurredAt: `${t.date}T15:00:00.000Z`, amount: t.amount }));
  let cursor = 0;
  for (let start = 0; start < Math.max(contacts.length, interactions.length); start += BATCH) {
    const answer = sheet.post({ token: TOKEN, clientId: 'bench', since: cursor, changes: { ...emptyChanges(), contacts: contacts.slice(start, start + BATCH), interactions: interactions.slice(start, start + BATCH) } });
    if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer)}`);
    cursor = Number(answer.cursor);
  }
  // The Settings tab and the computed columns' marks exist, as after "Set up or repair": what is
  // measured is the run that recurs every night.
  sheet.bundle.call('setUpTabs');
  return { sheet, contacts: contacts.length, transactions: transactions.length };
}

function measure(customers: number) {
  const { sheet, contacts, transactions } = seededSheet(customers);
  const tabs = sheet.google.asPerson(() => {
    const spreadsheet = sheet.google.globals.SpreadsheetApp.getActiveSpreadsheet();
    return Object.fromEntries(tableNames.map((table) => {
      return [table, fullRead(spreadsheet.getSheetByName(tabSpecs[table].tab)!.getDataRange().getValues(), tabSpecs[table])];
    })) as unknown as Record<TableName, TabRead>;
  });
  let started = performance.now();
  planRecalculation(tabs, readScoringSettings([]).values, { today: '1998-07-01', nowIso: NOW.toISOString(), rev: 0, clock: zoneWallClock('Etc/UTC') });
  const planMs = performance.now() - started;

  sheet.google.resetCalls();
  started = performance.now();
  sheet.bundle.call('recalculateScores');
  const ms = performance.now() - started;
  const calls = sheet.google.spreadsheetCalls();
  const toast = sheet.google.toasts.at(-1)?.message ?? '';
  if (!/contact\(s\) updated/.test(toast)) throw new Error(`the run updated nothing: ${toast}`);

  sheet.google.resetCalls();
  started = performance.now();
  sheet.bundle.call('recalculateScores');
  const unchangedMs = performance.now() - started;
  return { contacts, transactions, ms, calls, planMs, unchangedMs, unchangedCalls: sheet.google.spreadsheetCalls() };
}

export default async function recalculateBenchmark(): Promise<BenchFigure[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../scripts/build-apps-script.ts')], { stdio: 'ignore' });
  measure(300); // JIT warm-up of the bundle's code paths
  const small = measure(1000);
  const large = measure(10_000);
  const sizes = (m: ReturnType<typeof measure>) => `${m.contacts.toLocaleString('en')} contacts, ${m.transactions.toLocaleString('en')} purchases`;
  return [
    { name: 'spreadsheet calls: recalculation, 10,000 contacts', value: large.calls, unit: 'calls', target: { op: '<=', value: small.calls }, note: `${sizes(large)}; at 1,000: ${small.calls}` },
    { name: 'spreadsheet calls: rerun with nothing new, 10,000 contacts', value: large.unchangedCalls, unit: 'calls', target: { op: '<=', value: small.unchangedCalls }, note: `at 1,000: ${small.unchangedCalls}` },
    { name: 'wall time: recalculation, 1,000 contacts (local sheet)', value: Math.round(small.ms), unit: 'ms', note: `${sizes(small)}; of which scoring in Node (read rows → rows to write): ${Math.round(small.planMs)} ms` },
    { name: 'wall time: recalculation, 10,000 contacts (local sheet)', value: Math.round(large.ms), unit: 'ms', note: `of which scoring in Node: ${Math.round(large.planMs)} ms; includes the in-memory fake's own cost` },
    { name: 'wall time: rerun with nothing new, 10,000 contacts', value: Math.round(large.unchangedMs), unit: 'ms' },
    { name: 'time 10,000 / time 1,000', value: large.ms / small.ms, unit: 'ratio', target: { op: '<=', value: 12 }, note: 'linear growth would be about 10' },
  ];
}
