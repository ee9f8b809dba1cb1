import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { rangeOnTab } from '../shared/a1-notation';
import { localTeam } from '../apps-script/local/team';
import { addMember } from '../apps-script/src/members';
import { creationHeaders } from '../apps-script/src/setup/tab-layout';
import { recordSchemas, type TableName } from '../shared/records';
import { tabSpecs } from '../shared/sheet-columns';
import { bookkeepingCells, rawCellsOf } from '../shared/sheet-rows';
import { seededIds } from '../test/apps-script/scoring/scoring-sheet';
import { localSheet } from '../test/apps-script/local-sheet-harness';
import type { BenchFigure } from './types';

// The daily reminder run and a dashboard rebuild on a team's sheet of 50,000 contacts, 200,000
// interactions and 20,000 follow-ups (and on one a tenth of that, to show the spreadsheet calls do
// not grow with the rows), in the local sheet on the built bundle. The rows are written as the
// sync writes them (RAW cells with their hashes); 20 members own them.

const NOW = new Date('2026-11-24T07:30:00.000Z');
const MEMBERS = Array.from({ length: 20 }, (_, i) => `owner${i + 1}@team.test`);
const DAY = 86_400_000;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededSheet(contacts: number, interactions: number, followUps: number) {
  const sheet = localSheet(undefined, () => NOW, { spreadsheetTimeZone: 'Europe/Berlin', mailQuota: 1500 });
  const { google } = sheet;
  const rand = random(contacts);
  const newId = seededIds(contacts);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);
  const instant = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString();
  const made = instant(-800);
  const base = () => ({ id: newId(), createdAt: made, updatedAt: made, updatedBy: MEMBERS[0]! });
  const records: Record<TableName, Record<string, unknown>[]> = { contacts: [], companies: [], interactions: [], deals: [], followUps: [] };
  for (let i = 0; i < contacts; i++) {
    records.contacts.push({
      ...base(), firstName: `First${i}`, lastName: `Last${i}`, emails: [`c${i}@clients.test`], company: `Company ${i % 997}`, owner: pick(MEMBERS),
      stage: pick(['lead', 'qualified', 'customer', 'customer', 'loyal', 'at risk', 'lost']), birthday: rand() < 0.3 ? `19${60 + Math.floor(rand() * 40)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : '',
      tags: rand() < 0.1 ? ['vip'] : [], keepInTouchDays: rand() < 0.1 ? 30 : null, valueClass: pick(['A', 'B', 'C', '']), rfmSegment: pick(['champions', 'loyal', 'new', 'lost']),
      atRisk: rand() < 0.05, clv: Math.round(rand() * 50_000) / 10, pAlive: Math.round(rand() * 1000) / 1000,
    });
  }
  for (let i = 0; i < interactions; i++) {
    const purchase = rand() < 0.3;
    records.interactions.push({
      ...base(), contactId: records.contacts[Math.floor(rand() * contacts)]!.id, type: purchase ? 'purchase' : pick(['email', 'call', 'meeting', 'note']), direction: 'inbound',
      channel: pick(['', 'email', 'phone', 'web']), occurredAt: instant(-Math.floor(rand() * 730)), subject: 'Subject', amount: purchase ? Math.round(rand() * 50_000) / 100 : null,
    });
  }
  for (let i = 0; i < followUps; i++) {
    const contact = records.contacts[Math.floor(rand() * contacts)]!;
    records.followUps.push({ ...base(), contactId: contact.id, title: `Follow-up ${i}`, dueAt: day(Math.floor(rand() * 120) - 60), status: pick(['open', 'open', 'done', 'snoozed']), owner: contact.owner });
  }
  for (let i = 0; i < followUps / 4; i++) {
    records.deals.push({ ...base(), contactId: records.contacts[Math.floor(rand() * contacts)]!.id, name: `Deal ${i}`, amount: Math.round(rand() * 100_000), currency: 'EUR', stage: pick(['prospecting', 'proposal', 'negotiation', 'won', 'lost']), expectedClose: day(Math.floor(rand() * 120) - 60), owner: pick(MEMBERS) });
  }
  google.asPerson(() => {
    const spreadsheet = google.globals.SpreadsheetApp.getActiveSpreadsheet();
    for (const member of MEMBERS) addMember(localTeam(google), member, `token-${member}-0123456789`, new Date());
    for (const table of Object.keys(records) as TableName[]) {
      const spec = tabSpecs[table];
      const header = creationHeaders(table);
      const rows = records[table].map((raw) => {
        const record = recordSchemas[table].parse(raw) as never;
        const cells = rawCellsOf(spec, record, spec.columns.map((c) => c.field));
        for (const [field, value] of bookkeepingCells(spec, recordSchemas[table].parse(raw) as Record<string, unknown>, 1, new Map())) cells.set(field, value);
        return header.map((name) => cells.get(spec.columns.find((c) => c.header === name)?.field ?? '') ?? '');
      });
      const tab = spreadsheet.insertSheet(spec.tab);
      tab.insertRowsAfter(tab.getMaxRows(), Math.max(1, rows.length + 1 - tab.getMaxRows()));
      if (header.length > tab.getMaxColumns()) tab.insertColumnsAfter(tab.getMaxColumns(), header.length - tab.getMaxColumns());
      const values = google.globals.Sheets!.Spreadsheets.Values;
      values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: rangeOnTab(spec.tab, 1, 1, 1, header.length), values: [header] }] }, spreadsheet.getId());
      for (let start = 0; start < rows.length; start += 20_000) {
        const chunk = rows.slice(start, start + 20_000);
        values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: rangeOnTab(spec.tab, start + 2, 1, chunk.length, header.length), values: chunk }] }, spreadsheet.getId());
      }
    }
  });
  return sheet;
}

/** Each run three times (the machine is shared): the fastest, and the calls and cells of one. */
export function measure(scale: number) {
  const sheet = seededSheet(50_000 * scale, 200_000 * scale, 20_000 * scale);
  const { google, bundle } = sheet;
  bundle.callAs('editor', 'sendReminders'); // makes the Settings and Reminders log tabs
  bundle.callAs('editor', 'rebuildDashboard'); // makes the Dashboard tab and its charts
  const timed = (name: string) => {
    const runs: number[] = [];
    let calls = 0;
    let cells = 0;
    for (let i = 0; i < 3; i++) {
      google.resetCalls();
      const started = performance.now();
      bundle.callAs('editor', name);
      runs.push(performance.now() - started);
      [calls, cells] = [google.spreadsheetCalls(), google.calls.cellsRead];
    }
    return { ms: Math.min(...runs), calls, cells };
  };
  const mailsBefore = google.sentMail.length;
  const reminders = { ...timed('sendReminders'), mails: (google.sentMail.length - mailsBefore) / 3 };
  const dashboard = timed('rebuildDashboard');
  if (reminders.mails !== MEMBERS.length) throw new Error(`expected a digest for each of the ${MEMBERS.length} owners, sent ${reminders.mails}`);
  return { reminders, dashboard };
}

export default async function teamSheetBenchmark(): Promise<BenchFigure[]> {
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../scripts/build-apps-script.ts')], { stdio: 'ignore' });
  measure(0.02); // JIT warm-up of the bundle's code paths
  const small = measure(0.1);
  const large = measure(1);
  const size = '50,000 contacts, 200,000 interactions, 20,000 follow-ups, 5,000 deals, 20 owners';
  return [
    { name: 'spreadsheet calls: daily reminder run, full sheet', value: large.reminders.calls, unit: 'calls', target: { op: '<=', value: small.reminders.calls }, note: `${size}; at a tenth of the rows: ${small.reminders.calls}; ${large.reminders.mails} digests` },
    { name: 'wall time: daily reminder run, full sheet (local sheet)', value: Math.round(large.reminders.ms), unit: 'ms', target: { op: '<', value: 2000 }, note: `best of 3; reads ${large.reminders.cells.toLocaleString('en')} cells; at a tenth: ${Math.round(small.reminders.ms)} ms; includes the in-memory fake's own cost` },
    { name: 'spreadsheet calls: dashboard rebuild, full sheet', value: large.dashboard.calls, unit: 'calls', target: { op: '<=', value: small.dashboard.calls }, note: `at a tenth of the rows: ${small.dashboard.calls}` },
    { name: 'wall time: dashboard rebuild, full sheet (local sheet)', value: Math.round(large.dashboard.ms), unit: 'ms', target: { op: '<', value: 2000 }, note: `best of 3; reads ${large.dashboard.cells.toLocaleString('en')} cells; at a tenth: ${Math.round(small.dashboard.ms)} ms` },
  ];
}
