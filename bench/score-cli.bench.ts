import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdnowMasterTransactions } from '../test/fixtures/cdnow/load-cdnow';
import { writePurchaseCsv } from './synthetic-purchases';
import type { BenchFigure } from './types';

// The analyst CLI as an analyst runs it (npm run score: tsx, a purchases CSV in, a scores CSV
// out) on CDNOW master, on ten times it, and on a file of over 200 MB (113 copies: 7.9 million
// rows, 2.7 million customers), generated here into a temporary folder and deleted afterwards.
// Wall time from start to exit; peak memory as the OS counts it (resident set, getrusage).
//
// Before the CLI read and wrote streams (main at 660b211, same machine as the README's figures):
// master 0.80-0.85 s and 178 MB; 10× 4.9-5.2 s and 0.96-1.0 GB (half of it writing the CSV);
// 200 MB: "JavaScript heap out of memory" after 65 s at 4.5 GB.

const root = join(import.meta.dirname, '..');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function run(file: string, out: string): { seconds: number; peakMemoryMB: number; customers: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'score.ts'), file, '--calibration-end', '1997-09-30', '--out', out, '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`score CLI failed on ${file}: ${child.stderr}`);
  const result = JSON.parse(child.stdout);
  return { seconds, peakMemoryMB: result.run.peakMemoryMB, customers: result.customers };
}

export default async (): Promise<BenchFigure[]> => {
  const scratch = mkdtempSync(join(tmpdir(), 'rapport-score-bench-'));
  try {
    const master = cdnowMasterTransactions();
    const files = { master: join(scratch, 'master.csv'), tenfold: join(scratch, 'tenfold.csv'), large: join(scratch, 'large.csv') };
    await writePurchaseCsv(files.master, master, 1);
    await writePurchaseCsv(files.tenfold, master, 10);
    const largeBytes = await writePurchaseCsv(files.large, master, 113);
    const out = join(scratch, 'scores.csv');

    run(files.master, out); // warm the file cache and tsx's transform cache
    const masterRuns = [1, 2, 3].map(() => run(files.master, out));
    const tenfoldRuns = [1, 2, 3].map(() => run(files.tenfold, out));
    const large = run(files.large, out);
    const outBytes = statSync(out).size;

    const masterSeconds = median(masterRuns.map((r) => r.seconds));
    const tenfoldSeconds = median(tenfoldRuns.map((r) => r.seconds));
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    return [
      { name: 'score CLI wall time, CDNOW master', value: masterSeconds, unit: 's', note: `${masterRuns[0]!.customers.toLocaleString('en')} customers; before: 0.80-0.85 s` },
      { name: 'score CLI peak memory, CDNOW master', value: Math.max(...masterRuns.map((r) => r.peakMemoryMB)), unit: 'MB', note: 'before: 178 MB' },
      { name: 'score CLI wall time, 10× CDNOW master', value: tenfoldSeconds, unit: 's', note: `${mb(statSync(files.tenfold).size)}, ${tenfoldRuns[0]!.customers.toLocaleString('en')} customers; before: 4.9-5.2 s` },
      { name: 'score CLI peak memory, 10× CDNOW master', value: Math.max(...tenfoldRuns.map((r) => r.peakMemoryMB)), unit: 'MB', note: 'before: 960-1,000 MB' },
      { name: 'score CLI wall time, 200 MB file', value: large.seconds, unit: 's', note: `${mb(largeBytes)} in, ${mb(outBytes)} of scores out, ${large.customers.toLocaleString('en')} customers; before: out of memory after 65 s` },
      { name: 'score CLI peak memory, 200 MB file', value: large.peakMemoryMB, unit: 'MB', target: { op: '<', value: 1500 }, note: 'before: 4,500 MB, then the crash' },
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};
