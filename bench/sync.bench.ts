import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { emptyChanges, localSheet, MEMBER, TOKEN } from '../test/apps-script/local-sheet-harness';
import type { BenchFigure } from './types';

// One sync of 1,000 new contacts into a local sheet already holding 10,000, on the built bundle.
// The spreadsheet-call count is what costs time and quota on Google; it must not grow with rows.

function contacts(count: number, prefix: string) {
  const now = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    id: newId(), createdAt: now, updatedAt: now, updatedBy: MEMBER,
    firstName: `${prefix}${i}`, lastName: 'Benchmark', emails: [`${prefix}${i}@client.test`], phones: ['+4930123456'],
    jobTitle: 'Buyer', company: 'Northwind Traders GmbH', tags: ['bench'], notes: 'Met at the trade fair.',
  }));
}

function timedSync(sheet: ReturnType<typeof localSheet>, batch: unknown[], since: number) {
  sheet.google.resetCalls();
  const started = performance.now();
  const answer = sheet.post({ token: TOKEN, clientId: 'bench', since, changes: { ...emptyChanges(), contacts: batch } });
  const ms = performance.now() - started;
  if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer)}`);
  return { ms, calls: sheet.google.spreadsheetCalls(), cursor: Number(answer.cursor) };
}

export default async function syncBenchmark(): Promise<BenchFigure[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../scripts/build-apps-script.ts')], { stdio: 'ignore' });

  const empty = localSheet();
  const intoEmpty = timedSync(empty, contacts(1000, 'e'), 0);

  const full = localSheet();
  let cursor = 0;
  for (let part = 0; part < 2; part++) cursor = timedSync(full, contacts(5000, `p${part}-`), cursor).cursor;
  const intoFull = timedSync(full, contacts(1000, 'n'), cursor);

  return [
    { name: 'spreadsheet calls: 1,000 new contacts into 10,000', value: intoFull.calls, unit: 'calls', target: { op: '<=', value: intoEmpty.calls + 5 }, note: `into an empty sheet: ${intoEmpty.calls}` },
    { name: 'wall time: 1,000 new contacts into 10,000 (local sheet)', value: Math.round(intoFull.ms), unit: 'ms', note: `into an empty sheet: ${Math.round(intoEmpty.ms)} ms; includes the in-memory fake's own cost` },
  ];
}
