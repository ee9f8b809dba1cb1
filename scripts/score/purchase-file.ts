import { createReadStream } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { CustomerDays } from '../../shared/scoring/customer-days';
import { civilDayNumber, dayNumber } from '../../shared/scoring/dates';
import { readAmount } from './amount';

/**
 * Reads a `customer_id,date,amount` CSV file as a stream, straight into per-customer day totals:
 * the file is never held in memory, and a row costs nothing once its day is known. Dates are
 * YYYY-MM-DD or YYYYMMDD; amounts are decimal with up to two decimals, read exactly in cents; a
 * first row with neither a date nor an amount is a header. Fields may be quoted (RFC 4180).
 * Every bad line is reported with its number; one bad line means no scores, so nothing is kept
 * after the first.
 */

const [NEWLINE, CARRIAGE_RETURN, COMMA, QUOTE, SPACE, TAB, MINUS, PLUS, DOT, ZERO] = [10, 13, 44, 34, 32, 9, 45, 43, 46, 48];
const MAX_REPORTED_ERRORS = 20;
/** A quoted record longer than this has a quote that is never closed. */
const MAX_QUOTED_RECORD = 1 << 20;
const CHECK_EVERY_ROWS = 1 << 13;
/**
 * Reading stops with "too large" at this share of the heap in use: what comes after reading needs
 * room too, and V8 gives up on a heap it cannot collect well before it is full.
 */
const HEAP_SHARE = 0.75;

export interface ReadOptions {
  /** day number of the last day kept: the holdout end, or the calibration end */
  lastDay: number;
  /** called every 8,192 rows and at the end */
  onProgress?: (bytesRead: number, rows: number, customers: number) => void;
}

export type PurchaseFile =
  | { ok: true; days: CustomerDays; rows: number; bytes: number }
  | { ok: false; badLines: string[]; moreBadLines: number }
  | { ok: false; tooLarge: string };

class TooLarge extends Error {}

/**
 * What --max-old-space-size gave: V8's heap limit counts the young generation too (48 MiB with
 * Node's default semi-spaces), which a heap full of long-lived customers cannot use.
 */
const oldSpaceLimit = (heapSizeLimit: number) => heapSizeLimit - 48 * 2 ** 20;

/** A field's date as a day number: 'YYYY-MM-DD' or 'YYYYMMDD'; null when it is neither or no real day. */
export function dayOfText(text: string): number | null {
  if (/^\d{8}$/.test(text)) return civilDayNumber(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayNumber(text) : null;
}

/** The fields of a record with quoted fields: "a ""b""" is a "b"; a quote inside an unquoted field is kept as it is. */
export function splitQuoted(record: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (record[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      atStart = true;
      continue;
    } else if (char === '"' && atStart && field.trim() === '') {
      quoted = true;
      field = '';
    } else field += char;
    atStart = false;
  }
  fields.push(field);
  return fields;
}

const evenQuotes = (text: string) => (text.split('"').length - 1) % 2 === 0;

export async function readPurchaseFile(path: string, options: ReadOptions): Promise<PurchaseFile> {
  const days = new CustomerDays(options.lastDay);
  const badLines: string[] = [];
  let moreBadLines = 0;
  let line = 0;
  let rows = 0;
  let bytes = 0;
  let sawRecord = false;
  let pending: { text: string; line: number } | null = null;

  const bad = (at: number, problems: string[]) => {
    if (badLines.length < MAX_REPORTED_ERRORS) badLines.push(`line ${at}: ${problems.join('; ')}`);
    else moreBadLines++;
  };

  /** The fields as text, checked; `headerPossible` for the first record. */
  const acceptText = (fields: string[], at: number) => {
    const isFirst = !sawRecord;
    sawRecord = true;
    if (fields.length !== 3) return bad(at, [`expected 3 fields customer_id,date,amount, found ${fields.length}`]);
    const [id, dateText, amountText] = fields.map((field) => field.trim());
    const day = dayOfText(dateText);
    const amount = readAmount(amountText);
    if (isFirst && day === null && !amount.ok) return; // a header
    const problems = [
      id === '' ? 'customer id is empty' : '',
      day === null ? `date "${dateText}" is not a YYYY-MM-DD or YYYYMMDD date` : '',
      amount.ok ? '' : amount.problem,
    ].filter(Boolean);
    if (problems.length > 0) return bad(at, problems);
    add(id, day!, (amount as { cents: number }).cents);
  };

  const add = (id: string, day: number, cents: number) => {
    rows++;
    if (badLines.length > 0) return;
    days.add(days.customer(id), day, cents);
    if ((rows & (CHECK_EVERY_ROWS - 1)) === 0) {
      const heap = getHeapStatistics();
      if (heap.used_heap_size > HEAP_SHARE * oldSpaceLimit(heap.heap_size_limit)) throw new TooLarge(`${Math.round(oldSpaceLimit(heap.heap_size_limit) / 2 ** 20)} MB`);
      options.onProgress?.(bytes, rows, days.ids.length);
    }
  };

  /** One line of the file, without its newline. */
  const readLine = (buffer: Buffer, start: number, end: number) => {
    line++;
    if (end > start && buffer[end - 1] === CARRIAGE_RETURN) end--;
    if (pending) {
      pending.text += `\n${buffer.toString('utf8', start, end)}`;
      if (evenQuotes(pending.text)) {
        const record = pending;
        pending = null;
        acceptText(splitQuoted(record.text), record.line);
      } else if (pending.text.length > MAX_QUOTED_RECORD) {
        bad(pending.line, ['a quoted field is never closed']);
        pending = null;
      }
      return;
    }
    while (start < end && (buffer[start] === SPACE || buffer[start] === TAB)) start++;
    while (end > start && (buffer[end - 1] === SPACE || buffer[end - 1] === TAB)) end--;
    if (start === end) return; // blank line

    let commas = 0;
    let first = -1;
    let second = -1;
    for (let i = start; i < end; i++) {
      const byte = buffer[i];
      if (byte === COMMA) {
        if (commas === 0) first = i;
        else if (commas === 1) second = i;
        commas++;
      } else if (byte === QUOTE) {
        const text = buffer.toString('utf8', start, end);
        if (evenQuotes(text)) acceptText(splitQuoted(text), line);
        else pending = { text, line };
        return;
      }
    }
    if (commas !== 2 || !sawRecord) return acceptText(buffer.toString('utf8', start, end).split(','), line);
    const day = dayIn(buffer, first + 1, second);
    const cents = centsIn(buffer, second + 1, end);
    const [idStart, idEnd] = trimmed(buffer, start, first);
    if (day === null || cents === null || idStart === idEnd) return acceptText(buffer.toString('utf8', start, end).split(','), line);
    add(buffer.toString('utf8', idStart, idEnd), day, cents);
  };

  try {
    let rest: Buffer | null = null;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      let buffer: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
      if (bytes === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3); // BOM
      bytes += chunk.length;
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
        readLine(buffer, start, end);
        start = end + 1;
      }
      rest = start < buffer.length ? Buffer.from(buffer.subarray(start)) : null;
    }
    if (rest) readLine(rest, 0, rest.length);
    if (pending) bad((pending as { line: number }).line, ['a quoted field is never closed']);
  } catch (error) {
    // A typed array that cannot grow, or more customers than a Map holds (2^24), is the same story.
    const limit = error instanceof TooLarge ? error.message : error instanceof RangeError ? `${Math.round(oldSpaceLimit(getHeapStatistics().heap_size_limit) / 2 ** 20)} MB` : null;
    if (limit === null) throw error;
    return {
      ok: false,
      tooLarge:
        `too large for the memory Node was given (${limit}): stopped after ${rows.toLocaleString('en')} rows, ` +
        `${days.ids.length.toLocaleString('en')} customers, ${Math.round(bytes / 2 ** 20)} MB of the file. ` +
        'Give Node more, e.g. NODE_OPTIONS=--max-old-space-size=8192, or split the file by customer.',
    };
  }
  options.onProgress?.(bytes, rows, days.ids.length);
  if (badLines.length > 0) return { ok: false, badLines, moreBadLines };
  if (rows === 0) return { ok: false, badLines: ['no transactions in the file'], moreBadLines: 0 };
  return { ok: true, days, rows, bytes };
}

function trimmed(buffer: Buffer, start: number, end: number): [number, number] {
  while (start < end && (buffer[start] === SPACE || buffer[start] === TAB)) start++;
  while (end > start && (buffer[end - 1] === SPACE || buffer[end - 1] === TAB)) end--;
  return [start, end];
}

const digit = (buffer: Buffer, i: number) => {
  const value = buffer[i] - ZERO;
  return value >= 0 && value <= 9 ? value : -1;
};

const DASHED_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const COMPACT_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7];

/** YYYYMMDD or YYYY-MM-DD straight from the bytes; null for anything else (the text path explains). */
function dayIn(buffer: Buffer, from: number, to: number): number | null {
  const [start, end] = trimmed(buffer, from, to);
  const dashed = end - start === 10;
  if (!dashed && end - start !== 8) return null;
  if (dashed && (buffer[start + 4] !== MINUS || buffer[start + 7] !== MINUS)) return null;
  const positions = dashed ? DASHED_DIGITS : COMPACT_DIGITS;
  let value = 0;
  for (const offset of positions) {
    const d = digit(buffer, start + offset);
    if (d < 0) return null;
    value = value * 10 + d;
  }
  return civilDayNumber(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
}

/** [+-]digits[.d[d]] straight from the bytes into cents; null for anything else (the text path explains). */
function centsIn(buffer: Buffer, from: number, to: number): number | null {
  let [i, end] = trimmed(buffer, from, to);
  const negative = buffer[i] === MINUS;
  if (negative || buffer[i] === PLUS) i++;
  let whole = 0;
  let wholeDigits = 0;
  for (; i < end && digit(buffer, i) >= 0; i++, wholeDigits++) whole = whole * 10 + digit(buffer, i);
  if (wholeDigits === 0 || wholeDigits > 13) return null;
  let fraction = 0;
  if (i < end) {
    if (buffer[i] !== DOT || end - i < 2 || end - i > 3) return null;
    for (let k = i + 1; k < end; k++) {
      const d = digit(buffer, k);
      if (d < 0) return null;
      fraction = fraction * 10 + d;
    }
    if (end - i === 2) fraction *= 10;
  }
  const cents = whole * 100 + fraction;
  return negative ? -cents : cents;
}
