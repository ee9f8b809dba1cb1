import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Transaction } from '../shared/scoring/summary';
import { seededRandom } from '../test/fixtures/seeded-random';

/**
 * Purchase data larger than CDNOW for benchmarks: CDNOW customers plus look-alikes, the same on
 * every run (seeded), as transactions in memory or as a CSV file written as a stream.
 */

const MS_PER_DAY = 86_400_000;
const shiftDate = (date: string, days: number) => new Date(Date.parse(date) + days * MS_PER_DAY).toISOString().slice(0, 10);

/**
 * Each customer's history, then for every further copy the same customers under new ids (`id-copy`)
 * with the whole history shifted by one random -7..+7 days and every amount scaled by one random
 * 0.9-1.1, so the copies are not identical triples that the likelihood would fold into one group.
 */
export function* replicatedCopies(transactions: readonly Transaction[], copies: number): Generator<Transaction[]> {
  const random = seededRandom(20250101);
  const byCustomer = new Map<string, Transaction[]>();
  for (const t of transactions) {
    const list = byCustomer.get(t.customerId);
    if (list) list.push(t);
    else byCustomer.set(t.customerId, [t]);
  }
  yield [...transactions];
  for (let copy = 1; copy < copies; copy++) {
    const batch: Transaction[] = [];
    for (const [id, history] of byCustomer) {
      const shift = Math.floor(random() * 15) - 7;
      const scale = 0.9 + 0.2 * random();
      const customerId = `${id}-${copy}`;
      for (const t of history) batch.push({ customerId, date: shiftDate(t.date, shift), amount: Math.round(t.amount * scale * 100) / 100 });
    }
    yield batch;
  }
}

export const replicate = (transactions: readonly Transaction[], copies: number): Transaction[] =>
  [...replicatedCopies(transactions, copies)].flat();

/**
 * Writes `customer_id,date,amount` rows (with a header) of `copies` replicas of `transactions`
 * to `path`, never holding more than one copy in memory. Returns the bytes written.
 */
export async function writePurchaseCsv(path: string, transactions: readonly Transaction[], copies: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('customer_id,date,amount\n');
  for (const batch of replicatedCopies(transactions, copies)) {
    let text = '';
    for (const t of batch) text += `${t.customerId},${t.date},${t.amount.toFixed(2)}\n`;
    await write(text);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
