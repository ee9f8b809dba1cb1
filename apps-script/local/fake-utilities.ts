import { createHash, createHmac, randomUUID } from 'node:crypto';
import { types } from 'node:util';
import { countCalls, type FakeContext } from './fake-context.ts';
import { zonedTime, zoneWallClock, type WallClock } from '../../shared/calendar.ts';

/**
 * Utilities. Digests and decoded base64 are Java-style signed byte arrays (-128…127), as Google
 * returns them. `sleep` does not wait; the time asked for is added to `slept`.
 */
const CTX = Symbol('context');

export const DIGEST_ALGORITHM = { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' } as const;
export const MAC_ALGORITHM = { HMAC_MD5: 'HMAC_MD5', HMAC_SHA_1: 'HMAC_SHA_1', HMAC_SHA_256: 'HMAC_SHA_256', HMAC_SHA_384: 'HMAC_SHA_384', HMAC_SHA_512: 'HMAC_SHA_512' } as const;
export const CHARSET = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

const NODE_DIGEST: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_MAC: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

type Bytes = number[];

export class FakeUtilities {
  readonly [CTX]: FakeContext;
  readonly DigestAlgorithm = DIGEST_ALGORITHM;
  readonly MacAlgorithm = MAC_ALGORITHM;
  readonly Charset = CHARSET;
  readonly #slept: { ms: number };

  constructor(context: FakeContext, slept: { ms: number }) {
    this[CTX] = context;
    this.#slept = slept;
  }

  getUuid(): string {
    return randomUUID();
  }

  computeDigest(algorithm: string, value: string | Bytes, charset?: string): Bytes {
    const name = NODE_DIGEST[algorithm];
    if (!name) this[CTX].fail('Invalid argument: algorithm');
    return this[CTX].out(signed(createHash(name).update(toBuffer(value, charset)).digest()));
  }

  computeHmacSha256Signature(value: string | Bytes, key: string | Bytes, charset?: string): Bytes {
    return this[CTX].out(signed(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest()));
  }

  /** Java SimpleDateFormat patterns: yyyy yy MMMM MMM MM M dd d HH H hh h mm m ss s SSS EEEE EEE a Z XXX X 'text'. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!types.isDate(date)) this[CTX].fail("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    return formatDate(date, timeZone, format, (message) => this[CTX].fail(message));
  }

  /** Does not really sleep: the time counts against the execution's limit instead. */
  sleep(milliseconds: number): void {
    this.#slept.ms += milliseconds;
    this[CTX].wait(milliseconds);
  }

  #decode(encoded: string, alphabet: RegExp): Buffer {
    const text = String(encoded).replace(/\s+/g, '');
    if (!alphabet.test(text)) this[CTX].fail('Could not decode string.');
    return Buffer.from(text, 'base64');
  }
}

function toBuffer(value: string | Bytes, charset?: string): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((byte) => byte & 0xff));
  return Buffer.from(String(value), charset === CHARSET.US_ASCII ? 'latin1' : 'utf8');
}

function signed(buffer: Buffer): Bytes {
  return Array.from(buffer, (byte) => (byte > 127 ? byte - 256 : byte));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of `date` in `timeZone`; an unknown zone falls back to UTC as Java's TimeZone does. */
function wallClock(date: Date, timeZone: string) {
  let clock: WallClock;
  try {
    clock = zoneWallClock(timeZone);
  } catch {
    clock = zoneWallClock('UTC');
  }
  return zonedTime(date, clock);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatDate(date: Date, timeZone: string, format: string, fail: (message: string) => never): string {
  const t = wallClock(date, timeZone);
  const offset = (colon: boolean) => {
    const sign = t.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(t.offsetMinutes);
    return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
  };
  let out = '';
  for (let i = 0; i < format.length; ) {
    const ch = format[i];
    if (ch === "'") {
      const end = format.indexOf("'", i + 1);
      if (end === i + 1) out += "'";
      else out += format.slice(i + 1, end < 0 ? format.length : end);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(t.year % 100, 2) : pad(t.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[t.month - 1] : n === 3 ? MONTHS[t.month - 1].slice(0, 3) : pad(t.month, n);
        break;
      case 'd':
        out += pad(t.day, n);
        break;
      case 'H':
        out += pad(t.hour, n);
        break;
      case 'h':
        out += pad(t.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(t.minute, n);
        break;
      case 's':
        out += pad(t.second, n);
        break;
      case 'S':
        out += pad(t.millisecond, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[t.weekday] : WEEKDAYS[t.weekday].slice(0, 3);
        break;
      case 'a':
        out += t.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offset(false);
        break;
      case 'X':
        out += t.offsetMinutes === 0 ? 'Z' : n === 1 ? offset(false).slice(0, 3) : offset(n >= 3);
        break;
      default:
        fail(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeUtilities, 'Utilities', contextOf);
