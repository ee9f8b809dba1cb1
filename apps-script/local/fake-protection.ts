import { countCalls, type FakeContext } from './fake-context.ts';
import type { FakeRange } from './fake-range.ts';
import type { FakeSheet } from './fake-spreadsheet.ts';
import type { Anchor } from './workbook-model.ts';

/** Protection of a range or tab: recorded only, nothing stops an edit here. */
const CTX = Symbol('context');

export const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export class FakeProtection {
  readonly [CTX]: FakeContext;
  readonly #all: FakeProtection[];
  readonly #type: string;
  readonly #sheet: FakeSheet;
  readonly #range: () => FakeRange;
  readonly #onRemove: () => void;
  readonly #anchor: Anchor | undefined;
  #description = '';
  #warningOnly = false;
  #editors: string[];

  /** Adds itself to `all`, the spreadsheet's protections. */
  constructor(context: FakeContext, all: FakeProtection[], type: string, sheet: FakeSheet, range: () => FakeRange, anchored?: { anchor: Anchor; onRemove: () => void }) {
    this[CTX] = context;
    this.#all = all;
    this.#type = type;
    this.#sheet = sheet;
    this.#range = range;
    this.#anchor = anchored?.anchor;
    this.#onRemove = anchored?.onRemove ?? (() => {});
    this.#editors = [context.user];
    all.push(this);
  }

  getProtectionType(): string {
    return this.#type;
  }

  getRange(): FakeRange {
    return this.#range();
  }

  setDescription(description: string): FakeProtection {
    this.#description = String(description);
    this[CTX].changed();
    return this;
  }

  getDescription(): string {
    return this.#description;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.#warningOnly = Boolean(warningOnly);
    this[CTX].changed();
    return this;
  }

  isWarningOnly(): boolean {
    return this.#warningOnly;
  }

  remove(): void {
    const at = this.#all.indexOf(this);
    if (at >= 0) this.#all.splice(at, 1);
    this.#onRemove();
    this[CTX].changed();
  }

  /** @internal what the workbook file keeps of it */
  static json(protection: FakeProtection): { tab: string; anchor?: Anchor; description: string; warningOnly: boolean } {
    return { tab: protection.#sheet.getName(), ...(protection.#anchor ? { anchor: protection.#anchor } : {}), description: protection.#description, warningOnly: protection.#warningOnly };
  }

  /** @internal restores a saved protection */
  static restore(protection: FakeProtection, saved: { description: string; warningOnly: boolean }): void {
    protection.#description = saved.description;
    protection.#warningOnly = saved.warningOnly;
  }

  /** @internal the tab a protection is on */
  static sheetOf(protection: FakeProtection): FakeSheet {
    return protection.#sheet;
  }
}

countCalls(FakeProtection, 'Protection', (self) => (self as FakeProtection)[CTX]);
