import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/scoring/dates';
import { readPurchaseFile, splitQuoted } from '../../scripts/score/purchase-file';

const scratch = mkdtempSync(join(tmpdir(), 'rapport-purchases-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function read(content: string | Buffer, lastDate = '2026-12-31') {
  const path = join(scratch, `file-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  return readPurchaseFile(path, { lastDay: dayNumber(lastDate)! });
}

/** Each customer's day totals, as '2026-01-05: 1250' lines. */
function totals(result: Awaited<ReturnType<typeof read>>) {
  if (!result.ok) throw new Error(JSON.stringify(result));
  const { offsets, days, cents } = result.days.grouped();
  return Object.fromEntries(
    result.days.ids.map((id, c) => [id, Array.from(days.subarray(offsets[c], offsets[c + 1]), (day, i) => `${new Date(day * 86_400_000).toISOString().slice(0, 10)}: ${cents[offsets[c] + i]}`)]),
  );
}

describe('reading a purchases file', () => {
  it('adds up a customer’s rows on one day in cents, with or without a header, in either date format', async () => {
    const result = await read('customer_id,date,amount\na,20260105,12.50\na,2026-01-05,0.25\nb,2026-02-01,-3\n\n  \na,20260301,37.91\n');
    expect(totals(result)).toEqual({ a: ['2026-01-05: 1275', '2026-03-01: 3791'], b: ['2026-02-01: -300'] });
    expect(result).toMatchObject({ rows: 4 });
    expect(totals(await read('a,20260105,12.50\n'))).toEqual({ a: ['2026-01-05: 1250'] });
  });

  it('reads a byte order mark, Windows line ends, quoted fields and a last line without a line end', async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('customer_id,date,amount\r\n"Smith, J.",2026-01-05,"12.50"\r\n"O""Neil",2026-01-06,1\r\nZoë,2026-01-07,2'),
    ]);
    expect(totals(await read(file))).toEqual({ 'Smith, J.': ['2026-01-05: 1250'], 'O"Neil': ['2026-01-06: 100'], Zoë: ['2026-01-07: 200'] });
  });

  it('numbers lines as a text editor does, across a quoted field with a line break', async () => {
    const result = await read('id,date,amount\n"two\nlines",2026-01-05,1\n\nc,2026-13-01,1\nd,2026-01-05,0x1A\n');
    expect(result).toEqual({
      ok: false,
      badLines: ['line 5: date "2026-13-01" is not a YYYY-MM-DD or YYYYMMDD date', 'line 6: amount "0x1A" is hexadecimal: write amounts as decimal numbers (0x1A is 26)'],
      moreBadLines: 0,
    });
  });

  it('says a quoted field is never closed, rather than reading the rest of the file into it', async () => {
    expect(await read('a,2026-01-05,1\n"b,2026-01-06,2\nc,2026-01-07,3\n')).toEqual({ ok: false, badLines: ['line 2: a quoted field is never closed'], moreBadLines: 0 });
  });

  it('reports the first 20 bad lines and counts the rest', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `c${i},2026-01-05,1,2`).join('\n');
    const result = await read(`a,2026-01-05,1\n${lines}\n`);
    if (result.ok || !('badLines' in result)) throw new Error('accepted');
    expect(result.badLines).toHaveLength(20);
    expect(result.badLines[0]).toBe('line 2: expected 3 fields customer_id,date,amount, found 4');
    expect(result.moreBadLines).toBe(5);
  });

  it('counts rows after the last day kept without keeping them, but knows their customers', async () => {
    const result = await read('a,2026-01-05,1\nb,2027-01-05,1\n', '2026-06-30');
    if (!result.ok) throw new Error('rejected');
    expect(result.days.ids).toEqual(['a', 'b']);
    expect(result.days.laterRows).toBe(1);
    expect(result.days.pairs).toBe(1);
  });

  it('says so for an empty file', async () => {
    expect(await read('customer_id,date,amount\n')).toEqual({ ok: false, badLines: ['no transactions in the file'], moreBadLines: 0 });
  });
});

describe('splitQuoted', () => {
  it('splits RFC 4180 records', () => {
    expect(splitQuoted('"a, b",c,"d ""e"""')).toEqual(['a, b', 'c', 'd "e"']);
    expect(splitQuoted('a"b,c')).toEqual(['a"b', 'c']);
    expect(splitQuoted(',,')).toEqual(['', '', '']);
  });
});
