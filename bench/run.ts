import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchFigure } from './types';

// Runs every bench/*.bench.ts (or those named on the command line) and prints their figures with
// the machine they were measured on: absolute times are only comparable on the same machine.
const here = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(`Rapport benchmarks on ${machine}\n`);

const meets = (f: BenchFigure) => {
  if (!f.target) return '';
  const { op, value } = f.target;
  const ok = op === '<' ? f.value < value : op === '<=' ? f.value <= value : op === '>' ? f.value > value : f.value >= value;
  return `${ok ? 'meets' : 'MISSES'} target ${op} ${value}`;
};

const results: Record<string, BenchFigure[]> = {};
let failures = 0;
for (const file of files) {
  const run = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
  try {
    const figures = await run();
    results[file] = figures;
    console.log(file);
    for (const f of figures) {
      const shown = Number.isInteger(f.value) ? String(f.value) : f.value.toPrecision(4);
      console.log(`  ${f.name.padEnd(58)} ${shown.padStart(10)} ${f.unit.padEnd(8)} ${meets(f)}${f.note ? `  (${f.note})` : ''}`);
    }
  } catch (error) {
    failures++;
    console.log(`${file}\n  FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  }
  console.log('');
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2));
process.exitCode = failures ? 1 : 0;
