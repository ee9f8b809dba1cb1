import { countCalls, isPlainObject, type FakeContext } from './fake-context.ts';

/** CacheService: string values that expire on the fake clock (default 600 s, at most 6 hours). */
const CTX = Symbol('context');

const DEFAULT_SECONDS = 600;
const MAX_SECONDS = 21_600;
const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;

type Entries = Map<string, { value: string; expiresAt: number }>;

export class FakeCacheService {
  readonly [CTX]: FakeContext;
  readonly #caches: Record<'script' | 'document' | 'user', FakeCache>;

  constructor(context: FakeContext) {
    this[CTX] = context;
    this.#caches = { script: new FakeCache(context), document: new FakeCache(context), user: new FakeCache(context) };
  }

  getScriptCache(): FakeCache {
    return this.#caches.script;
  }
}

export class FakeCache {
  readonly [CTX]: FakeContext;
  readonly #entries: Entries = new Map();

  constructor(context: FakeContext) {
    this[CTX] = context;
  }

  /** null when absent or expired */
  get(key: string): string | null {
    return this.#read(String(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#read(String(key));
      if (value !== null) found[key] = value;
    }
    return this[CTX].out(found);
  }

  putAll(values: Record<string, string>, expirationInSeconds = DEFAULT_SECONDS): void {
    if (!isPlainObject(values)) this[CTX].fail("The parameters (Object) don't match the method signature for CacheService.Cache.putAll.");
    for (const [key, value] of Object.entries(values)) this.#write(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.#entries.delete(String(key));
  }

  #read(key: string): string | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this[CTX].now().getTime()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  #write(key: unknown, value: unknown, seconds: number): void {
    const text = String(value);
    if (String(key).length > MAX_KEY_CHARS) this[CTX].fail('Argument too large: key');
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) this[CTX].fail('Argument too large: value');
    const lifetime = Math.min(Math.max(1, seconds), MAX_SECONDS);
    this.#entries.set(String(key), { value: text, expiresAt: this[CTX].now().getTime() + lifetime * 1000 });
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeCacheService, 'CacheService', contextOf);
countCalls(FakeCache, 'Cache', contextOf);
