import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { emptyChanges, localSheet, MEMBER, TOKEN } from '../test/apps-script/local-sheet-harness';
import type { BenchFigure } from './types';

// Syncs on the built bundle in the local sheet: 1,000 new contacts into 10,000, and 1,000 scattered
// updates (one changed field each, every 10th or 50th row) in tabs of 10,000 and 50,000 contacts.
// Spreadsheet calls and cells written are what cost time and quota on Google.

function contacts(count: number, prefix: string, at: string) {
  return Array.from({ length: count }, (_, i) => ({
    id: newId(), createdAt: at, updatedAt: at, updatedBy: MEMBER,
    firstName: `${prefix}${i}`, lastName: 'Benchmark', emails: [`${prefix}${i}@client.test`], phones: ['+4930123456'],
    jobTitle: 'Buyer', company: 'Northwind Traders GmbH', tags: ['bench'], notes: 'Met at the trade fair.',
  }));
}

type Sheet = ReturnType<typeof localSheet>;

function timedSync(sheet: Sheet, batch: unknown[], since: number) {
  sheet.google.resetCalls();
  const started = performance.now();
  const answer = sheet.post({ token: TOKEN, clientId: 'bench', since, changes: { ...emptyChanges(), contacts: batch } });
  const ms = performance.now() - started;
  if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer).slice(0, 500)}`);
  const { byMethod, cellsWritten, cellsRead } = sheet.google.calls;
  return { ms, emulatorShare: Math.round((100 * sheet.google.context.serviceMs) / ms), calls: sheet.google.spreadsheetCalls(), writes: (byMethod['Sheets.Spreadsheets.Values.batchUpdate'] ?? 0) + (byMethod['Range.setValues'] ?? 0), cellsWritten, cellsRead, cursor: Number(answer.cursor) };
}

/** A sheet of `size` contacts, made an hour before the clock the updates run at. */
function filled(size: number) {
  let now = new Date('2026-11-20T09:00:00.000Z');
  const sheet = localSheet(undefined, () => now);
  const people = contacts(size, 'p', now.toISOString());
  let cursor = 0;
  for (let start = 0; start < size; start += 5000) cursor = timedSync(sheet, people.slice(start, start + 5000), cursor).cursor;
  now = new Date('2026-11-20T10:00:00.000Z');
  return { sheet, people, cursor, at: now.toISOString() };
}

function scattered(size: number) {
  const { sheet, people, cursor, at } = filled(size);
  const step = Math.floor(size / 1000);
  const updates = people.filter((_, i) => i % step === step - 1).slice(0, 1000).map((p) => ({ ...p, notes: 'Called back.', updatedAt: at, fieldTimes: { notes: at } }));
  return timedSync(sheet, updates, cursor);
}

export default async function syncBenchmark(): Promise<BenchFigure[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../scripts/build-apps-script.ts')], { stdio: 'ignore' });

  const intoEmpty = timedSync(localSheet(), contacts(1000, 'e', new Date().toISOString()), 0);
  const { sheet: full, cursor } = filled(10_000);
  const intoFull = timedSync(full, contacts(1000, 'n', new Date().toISOString()), cursor);
  const at10k = scattered(10_000);
  const at50k = scattered(50_000);
  const per = (m: { calls: number; writes: number; cellsWritten: number }) => `${m.calls} spreadsheet calls, ${m.writes} write call(s), ${m.cellsWritten.toLocaleString('en')} cells written`;

  return [
    { name: 'spreadsheet calls: 1,000 new contacts into 10,000', value: intoFull.calls, unit: 'calls', target: { op: '<=', value: intoEmpty.calls + 5 }, note: `into an empty sheet: ${intoEmpty.calls} (creates the tabs)` },
    { name: 'cells written: 1,000 scattered updates in 10,000 contacts', value: at10k.cellsWritten, unit: 'cells', target: { op: '<=', value: 6000 }, note: `${per(at10k)}; before field-level writes: about 329,000 cells (the whole span between changes)` },
    { name: 'cells written: 1,000 scattered updates in 50,000 contacts', value: at50k.cellsWritten, unit: 'cells', target: { op: '<=', value: 6000 }, note: `${per(at50k)}; 6 cells per update: the field, updated at/by, revision, field hashes, field times` },
    { name: 'spreadsheet calls: 1,000 scattered updates in 50,000 contacts', value: at50k.calls, unit: 'calls', target: { op: '<=', value: at10k.calls }, note: `at 10,000: ${at10k.calls}; a write call per run of adjacent rows would be 1,000 calls` },
    { name: 'wall time: 1,000 new contacts into 10,000 (local sheet)', value: Math.round(intoFull.ms), unit: 'ms', note: `into an empty sheet: ${Math.round(intoEmpty.ms)} ms; includes the in-memory fake's own cost` },
    { name: 'wall time: 1,000 scattered updates in 50,000 contacts (local sheet)', value: Math.round(at50k.ms), unit: 'ms', note: `at 10,000: ${Math.round(at10k.ms)} ms; ${at50k.emulatorShare} % inside the fake services; ${at50k.cellsRead.toLocaleString('en')} cells read` },
  ];
}
