import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { recordSchemas, type AnyRecord, type TableName } from '../shared/records';
import { tabSpecs } from '../shared/sheet-columns';
import { emptyChanges, localSheet, MEMBER, TOKEN } from '../test/apps-script/local-sheet-harness';
import { seedTab } from '../test/apps-script/seed';
import type { BenchFigure } from './types';

// A sheet for a team of 50 and years of history: what one sync costs at 10,000 / 50,000 / 100,000
// contacts and 50,000 / 200,000 / 500,000 interactions, an idle sync at the largest size, the paged
// first sync of a new member, and the nightly recalculation with the answer members get after it.
// Figures are counts (calls, cells) on the built bundle in the local sheet — the honest figures —
// and Node times, which are not Google's.

const AT = '2026-11-20T09:00:00.000Z';
let clock = new Date('2026-11-20T10:00:00.000Z');
const now = () => clock;

function contact(i: number, at = AT) {
  return recordSchemas.contacts.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: MEMBER, firstName: `P${i}`, lastName: 'Bench', emails: [`p${i}@client.test`], phones: ['+4930123456'], jobTitle: 'Buyer', company: 'Northwind Traders GmbH', stage: 'customer', notes: 'Met at the fair.' }) as AnyRecord;
}
function interaction(contactId: string, i: number, at = AT) {
  const day = `20${20 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`;
  return recordSchemas.interactions.parse({ id: newId(), createdAt: at, updatedAt: at, updatedBy: MEMBER, contactId, type: i % 5 === 0 ? 'purchase' : 'email', direction: 'inbound', occurredAt: `${day}T10:00:00.000Z`, subject: `Message ${i}`, amount: i % 5 === 0 ? 20 + (i % 90) : null }) as AnyRecord;
}

function teamSheet(contacts: number, interactions: number) {
  clock = new Date('2026-11-20T10:00:00.000Z');
  const sheet = localSheet(undefined, now);
  const people = Array.from({ length: contacts }, (_, i) => contact(i));
  let rev = seedTab(sheet, 'contacts', people, 0);
  rev = seedTab(sheet, 'interactions', Array.from({ length: interactions }, (_, i) => interaction(people[i % contacts]!.id, i)), rev);
  // The first syncs take the seeded tabs in (id index, counter) and bring the member up to date.
  return { sheet, people, cursor: pullAll(sheet, 0).cursor };
}

/** Pulls every page since `since`: the member is up to date after it. */
function pullAll(sheet: ReturnType<typeof localSheet>, since: number) {
  let cursor = since;
  let answers = 0;
  let bytes = 0;
  let ms = 0;
  let biggest = 0;
  let contacts = 0;
  for (;;) {
    const page = post(sheet, cursor, {});
    answers++;
    bytes += page.bytes;
    ms += page.ms;
    biggest = Math.max(biggest, page.bytes);
    contacts += page.answer.changes.contacts.length;
    cursor = page.answer.cursor;
    if (!page.answer.more) return { cursor, answers, bytes, ms, biggest, contacts };
  }
}

function post(sheet: ReturnType<typeof localSheet>, since: number, changes: Partial<Record<TableName, unknown[]>>) {
  sheet.google.resetCalls();
  const started = performance.now();
  const body = JSON.stringify({ token: TOKEN, clientId: 'bench', since, changes: { ...emptyChanges(), ...changes } });
  const answer = sheet.post(body) as unknown as { ok: boolean; cursor: number; more?: boolean; remaining?: number; changes: { contacts: unknown[] } };
  const ms = performance.now() - started;
  if (!answer.ok) throw new Error(`sync failed: ${JSON.stringify(answer).slice(0, 300)}`);
  const { byMethod, cellsRead, cellsWritten } = sheet.google.calls;
  return { answer, ms, emulatorMs: sheet.google.context.serviceMs, bytes: JSON.stringify(answer).length, calls: sheet.google.spreadsheetCalls(), byMethod: { ...byMethod }, cellsRead, cellsWritten };
}

const methods = (m: Record<string, number>) =>
  Object.entries(m)
    .filter(([name]) => /^(Sheets|Range|Sheet)\./.test(name))
    .map(([name, n]) => `${name.replace('Sheets.Spreadsheets.Values.', 'API ')} ${n}`)
    .join(', ');

/** 1,000 changes: 500 new interactions and 500 scattered updates of contacts. */
function thousandChanges(size: { contacts: number; interactions: number }) {
  const { sheet, people, cursor } = teamSheet(size.contacts, size.interactions);
  clock = new Date('2026-11-20T10:05:00.000Z');
  const at = clock.toISOString();
  const step = Math.floor(people.length / 500);
  const updates = people.filter((_, i) => i % step === 0).slice(0, 500).map((p) => ({ ...p, notes: 'Called back.', updatedAt: at, fieldTimes: { notes: at } }));
  const fresh = Array.from({ length: 500 }, (_, i) => interaction(people[i]!.id, 1_000_000 + i, at));
  const sync = post(sheet, cursor, { contacts: updates, interactions: fresh });
  clock = new Date('2026-11-20T10:06:00.000Z');
  const idle = post(sheet, sync.answer.cursor, {});
  return { sync, idle, sheet, cursor: sync.answer.cursor };
}

export default async function syncScaleBenchmark(): Promise<BenchFigure[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../scripts/build-apps-script.ts')], { stdio: 'ignore' });
  const figures: BenchFigure[] = [];
  const sizes = [
    { contacts: 10_000, interactions: 50_000 },
    { contacts: 50_000, interactions: 200_000 },
    // 500,000 interactions (× 21 columns) would not fit beside 100,000 contacts in Google's 10 million cells: that is what the archive is for.
    { contacts: 100_000, interactions: 300_000 },
  ];
  let largest: ReturnType<typeof thousandChanges> | undefined;
  for (const size of sizes) {
    const run = thousandChanges(size);
    const label = `${(size.contacts / 1000).toFixed(0)}k contacts + ${(size.interactions / 1000).toFixed(0)}k interactions`;
    const allCells = (size.contacts + 1) * tabSpecs.contacts.columns.length + (size.interactions + 1) * tabSpecs.interactions.columns.length;
    figures.push(
      { name: `cells read: 1,000 changes, ${label}`, value: run.sync.cellsRead, unit: 'cells', note: `the id and revision columns (${(2 * (size.contacts + size.interactions)).toLocaleString('en')} cells) and the rows changed; reading every tab whole, as before: ${allCells.toLocaleString('en')}` },
      { name: `cells written: 1,000 changes, ${label}`, value: run.sync.cellsWritten, unit: 'cells', note: `${methods(run.sync.byMethod)}; one write call for all, where one setValues per changed row would be about 1,000 calls` },
      { name: `time: 1,000 changes, ${label} (Node)`, value: Math.round(run.sync.ms), unit: 'ms', ...(size.interactions === 300_000 ? { target: { op: '<' as const, value: 2000 } } : {}), note: `${Math.round((100 * run.sync.emulatorMs) / run.sync.ms)} % of it inside the local sheet's fake services (the emulator's own cost, not Rapport's)` },
      { name: `time: idle sync, ${label} (Node)`, value: Math.round(run.idle.ms), unit: 'ms', target: { op: '<', value: 100 }, note: `${run.idle.calls} spreadsheet calls, ${run.idle.cellsRead} cells read` },
    );
    largest = run;
  }

  // A new member's first sync against 50,000 contacts and 200,000 interactions: pages until done.
  clock = new Date('2026-11-20T10:00:00.000Z');
  const sheet = localSheet(undefined, now);
  const people = Array.from({ length: 50_000 }, (_, i) => contact(i));
  seedTab(sheet, 'interactions', Array.from({ length: 200_000 }, (_, i) => interaction(people[i % people.length]!.id, i)), seedTab(sheet, 'contacts', people, 0));
  const first = pullAll(sheet, 0);
  figures.push({ name: 'first sync of a new member: 50k contacts + 200k interactions', value: first.answers, unit: 'answers', note: `${(first.bytes / 1e6).toFixed(0)} MB in all, the largest answer ${(first.biggest / 1e6).toFixed(1)} MB, ${(first.ms / 1000).toFixed(1)} s in Node; before: one answer of everything` });

  // The nightly recalculation at 50,000 contacts, and what every member downloads after it.
  const night = (at: string) => {
    clock = new Date(at);
    sheet.google.resetCalls();
    const started = performance.now();
    sheet.bundle.call('recalculateScores');
    return { ms: performance.now() - started, calls: sheet.google.spreadsheetCalls() };
  };
  const firstNight = night('2026-11-21T02:00:00.000Z');
  const afterFirst = pullAll(sheet, first.cursor);
  night('2026-11-22T02:00:00.000Z');
  const afterSecond = pullAll(sheet, afterFirst.cursor);
  figures.push(
    { name: 'nightly recalculation, 50k contacts + 200k interactions', value: firstNight.calls, unit: 'calls', note: `${Math.round(firstNight.ms)} ms in Node` },
    { name: 'download after the first night (every contact newly scored)', value: Math.round(afterFirst.bytes / 1000), unit: 'KB', note: `${afterFirst.contacts.toLocaleString('en')} contacts in ${afterFirst.answers} answers` },
    { name: 'download after the next night', value: Math.round(afterSecond.bytes / 1000), unit: 'KB', note: `${afterSecond.contacts.toLocaleString('en')} contacts whose shown scores changed; before: every contact, about 30 MB, as scored-at and decimals moved` },
  );
  void largest;
  return figures;
}
