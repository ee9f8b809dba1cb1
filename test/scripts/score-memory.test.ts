import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnowMasterTransactions } from '../fixtures/cdnow/load-cdnow';
import { runScore } from './run-score';

// The CLI used to hold its input about three times over (4.45 GB for a 104 MB file). Read as a
// stream into day totals, its memory follows the customers and their purchase days, not the
// size of the file: all of CDNOW master written as one row per purchase, then with every
// purchase split into 64 line items (60 times the bytes, the same purchases).
const scratch = mkdtempSync(join(tmpdir(), 'rapport-score-memory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function writeLines(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

function* lineItems(items: number) {
  yield 'customer_id,date,amount\n';
  for (const { customerId, date, amount } of cdnowMasterTransactions()) {
    const cents = Math.round(amount * 100);
    const part = Math.trunc(cents / items);
    for (let i = 0; i < items; i++) yield `${customerId},${date},${((i === 0 ? cents - part * (items - 1) : part) / 100).toFixed(2)}\n`;
  }
}

const files = { purchases: join(scratch, 'purchases.csv'), lineItems: join(scratch, 'line-items.csv'), manyCustomers: join(scratch, 'many-customers.csv') };

beforeAll(async () => {
  await writeLines(files.purchases, lineItems(1));
  await writeLines(files.lineItems, lineItems(64));
  await writeLines(files.manyCustomers, (function* () {
    for (let i = 0; i < 1_000_000; i++) yield `customer-${i},1997-0${1 + (i % 9)}-1${i % 9},${(i % 5000) / 100}\n`;
  })());
}, 60_000);

const run = (file: string, nodeOptions: string[] = []) =>
  runScore([file, '--calibration-end', '1997-09-30', '--json', '--out', join(scratch, 'scores.csv')], nodeOptions);

describe('scoring a large file', () => {
  it('takes no more memory for a file 60 times as long with the same purchases', () => {
    const small = run(files.purchases);
    // A heap smaller than the file: holding the file (let alone three times over) cannot fit.
    const large = run(files.lineItems, ['--max-old-space-size=64']);
    expect([small.code, large.code]).toEqual([0, 0]);
    const [before, after] = [JSON.parse(small.stdout), JSON.parse(large.stdout)];
    // The same purchases give the same model.
    expect(after.bgnbd.r).toBe(before.bgnbd.r);
    expect(after.run.rows).toBe(64 * before.run.rows);
    const extraBytes = statSync(files.lineItems).size - statSync(files.purchases).size;
    expect(extraBytes).toBeGreaterThan(90e6);
    // Peak memory (resident, GC timing included) grows by far less than the extra bytes.
    expect((after.run.peakMemoryMB - before.run.peakMemoryMB) * 1e6).toBeLessThan(0.5 * extraBytes);
  }, 60_000);

  it('stops with a clear message, not a crash, when the file is too large for the memory given', () => {
    const { code, stdout, stderr } = run(files.manyCustomers, ['--max-old-space-size=64']);
    expect(code, stderr).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^.*many-customers\.csv: too large for the memory Node was given \(64 MB\): stopped after [\d,]+ rows, [\d,]+ customers, \d+ MB of the file\. Give Node more, e\.g\. NODE_OPTIONS=--max-old-space-size=8192, or split the file by customer\.\n$/,
    );
  }, 60_000);
});
