import { once } from 'node:events';
import { accessSync, constants, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { dayNumber } from '../shared/scoring/dates';
import { scoreTable, type ScoredTable } from '../shared/scoring/score-customers';
import { summarizeCustomerDays } from '../shared/scoring/summary';
import { parseScoreArguments, usage, type ScoreArguments } from './score/arguments';
import { readPurchaseFile } from './score/purchase-file';
import { megabytes, peakMemoryMB, Progress } from './score/progress';
import { backtestLines, modelParameters, parameterLines } from './score/report';
import { scoresHeader, scoresRow } from './score/scores-csv';

/**
 * Analyst CLI: scores customers from a CSV of purchases.
 *
 *   npx tsx scripts/score.ts <transactions.csv> --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD]
 *        [--out scores.csv] [--json] [--horizon-months 12] [--annual-discount-rate 0.1]
 *
 * The CSV has rows `customer_id,date,amount` (a header row is allowed; dates YYYY-MM-DD or
 * YYYYMMDD; amounts with a decimal point and at most two decimals). Prints the fitted BG/NBD and
 * Gamma-Gamma parameters and how they were fitted (with --json: one JSON object on stdout), with
 * --holdout-end how well the model fitted to the calibration end predicted the purchases up to
 * then, and writes one row of scores per customer with --out. The file is read and the scores
 * written as streams. A file with bad rows is rejected whole: every bad line is reported on
 * stderr, the exit code is 1, and no output file is written. Exit code 2: wrong command-line usage.
 */

/** Writes the scores file whole or not at all: a crash half-way must not leave a truncated file. */
async function writeScores(path: string, scored: ScoredTable, progress: Progress) {
  const temporary = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    const BATCH = 2000;
    for (let start = 0; start < scored.size || start === 0; start += BATCH) {
      const lines = start === 0 ? [scoresHeader] : [];
      for (let i = start; i < Math.min(scored.size, start + BATCH); i++) lines.push(scoresRow(scored.score(i)));
      if (!out.write(`${lines.join('\n')}\n`)) await Promise.race([once(out, 'drain'), failed]);
      progress.update(() => `writing ${path}: ${Math.round((100 * Math.min(scored.size, start + BATCH)) / scored.size)} %`);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    renameSync(temporary, path);
  } finally {
    out.destroy();
    rmSync(temporary, { force: true });
  }
}

/**
 * The file read and summarised, as a table of customers; the per-day totals and the id index, the
 * largest things in memory while reading, are left behind for the garbage collector.
 */
async function readTable(args: ScoreArguments, progress: Progress) {
  const { file, calibrationEnd, holdoutEnd } = args;
  const size = statSync(file).size;
  const read = await readPurchaseFile(file, {
    lastDay: dayNumber(holdoutEnd ?? calibrationEnd)!,
    onProgress: (bytes, rows, customers) =>
      progress.update(
        () => `reading ${file}: ${Math.round((100 * bytes) / Math.max(size, 1))} % (${megabytes(bytes)} of ${megabytes(size)}), ${rows.toLocaleString('en')} rows, ${customers.toLocaleString('en')} customers`,
      ),
  });
  if (!read.ok) return read;
  progress.update(() => `fitting the models on ${read.days.ids.length.toLocaleString('en')} customers`);
  return { ok: true as const, rows: read.rows, bytes: read.bytes, table: summarizeCustomerDays(read.days, 0, calibrationEnd, holdoutEnd ?? undefined) };
}

async function score(args: ScoreArguments): Promise<number> {
  const { file, calibrationEnd, holdoutEnd } = args;
  const progress = new Progress();
  let read;
  try {
    read = await readTable(args, progress);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) throw error;
    console.error(`${file}: ${error.message}`);
    return 1;
  }
  if (!read.ok) {
    if ('tooLarge' in read) console.error(`${file}: ${read.tooLarge}`);
    else {
      const more = read.moreBadLines > 0 ? [`${file}: … and ${read.moreBadLines} more bad line(s)`] : [];
      console.error([...read.badLines.map((line) => `${file}: ${line}`), ...more, `${file}: nothing written`].join('\n'));
    }
    return 1;
  }

  const scored = scoreTable(read.table, { horizonMonths: args.horizonMonths, annualDiscountRate: args.annualDiscountRate });
  if (args.out !== null) await writeScores(args.out, scored, progress);

  if (args.json) {
    const { settings, size: customers, excluded, warnings, backtest } = scored;
    const run = { rows: read.rows, megabytes: Number((read.bytes / 1e6).toFixed(1)), seconds: Number(progress.seconds.toFixed(2)), peakMemoryMB: peakMemoryMB() };
    console.log(JSON.stringify({ settings, customers, excluded: excluded.length, ...modelParameters(scored.params), warnings, backtest, out: args.out, run }));
  } else {
    console.log(`customers: ${scored.size} scored, ${scored.excluded.length} not scored (calibration end ${calibrationEnd})`);
    for (const line of parameterLines(scored)) console.log(line);
    if (scored.backtest) for (const line of backtestLines(scored.backtest)) console.log(line);
    else if (holdoutEnd !== null) console.log('backtest: not possible without the purchase model');
    if (args.out !== null) console.log(`scores written to ${args.out}`);
    for (const warning of scored.warnings) console.error(`warning: ${warning.message}`);
  }
  progress.done();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseScoreArguments(argv);
  if (!parsed.ok) {
    console.error(`${parsed.errors.join('\n')}\n${usage}`);
    return 2;
  }
  const { out } = parsed.args;
  if (out !== null) {
    try {
      accessSync(dirname(resolve(out)), constants.W_OK);
    } catch {
      console.error(`--out ${out}: cannot write in ${dirname(resolve(out))}\n${usage}`);
      return 2;
    }
  }
  try {
    return await score(parsed.args);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    console.error(`${parsed.args.file}: too large for the memory Node was given (${error.message}). Give Node more, e.g. NODE_OPTIONS=--max-old-space-size=8192, or split the file by customer.`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
