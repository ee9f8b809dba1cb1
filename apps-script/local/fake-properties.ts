import { countCalls, isPlainObject, type FakeContext } from './fake-context.ts';

/** PropertiesService: string values, with Google's quotas of 9 KB per value and 500 KB per store. */
const CTX = Symbol('context');

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

export type PropertyStores = Record<'script' | 'document' | 'user', Map<string, string>>;

export class FakePropertiesService {
  readonly [CTX]: FakeContext;
  readonly #stores: Record<keyof PropertyStores, FakeProperties>;

  constructor(context: FakeContext, stores: PropertyStores) {
    this[CTX] = context;
    this.#stores = {
      script: new FakeProperties(context, stores.script),
      document: new FakeProperties(context, stores.document),
      user: new FakeProperties(context, stores.user),
    };
  }

  getScriptProperties(): FakeProperties {
    return this.#stores.script;
  }

  getDocumentProperties(): FakeProperties {
    return this.#stores.document;
  }
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class FakeProperties {
  readonly [CTX]: FakeContext;
  readonly #store: Map<string, string>;

  constructor(context: FakeContext, store: Map<string, string>) {
    this[CTX] = context;
    this.#store = store;
  }

  /** null when absent */
  getProperty(key: string): string | null {
    return this.#store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): FakeProperties {
    this.#commit(new Map(this.#store).set(String(key), this.#checkValue(value)));
    return this;
  }

  getProperties(): Record<string, string> {
    return this[CTX].out(Object.fromEntries(this.#store));
  }

  getKeys(): string[] {
    return this[CTX].out([...this.#store.keys()]);
  }

  deleteProperty(key: string): FakeProperties {
    if (this.#store.delete(String(key))) this[CTX].changed();
    return this;
  }

  /** Google stores every value as a string. */
  #checkValue(value: unknown): string {
    const text = String(value);
    if (bytes(text) > MAX_VALUE_BYTES) this[CTX].fail('Argument too large: value');
    return text;
  }

  #commit(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > MAX_STORE_BYTES) this[CTX].fail('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.#store.clear();
    for (const [key, value] of next) this.#store.set(key, value);
    this[CTX].changed();
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakePropertiesService, 'PropertiesService', contextOf);
countCalls(FakeProperties, 'Properties', contextOf);
