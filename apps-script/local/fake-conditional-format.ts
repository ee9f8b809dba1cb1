import { countCalls, type FakeContext } from './fake-context.ts';
import type { FakeRange } from './fake-range.ts';
import type { ConditionalFormatJson } from './workbook-model.ts';

/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule() builds a rule that
 * Sheet.setConditionalFormatRules stores (replacing the tab's rules). Rules are recorded, with
 * their ranges moved along with the cells; the grid page does not paint them.
 */
const CTX = Symbol('context');

export const BOOLEAN_CRITERIA = {
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CELL_EMPTY: 'CELL_EMPTY',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
} as const;

export interface RuleDraft {
  ranges: FakeRange[];
  condition?: ConditionalFormatJson['condition'];
  format: ConditionalFormatJson['format'];
}

export class FakeConditionalFormatRuleBuilder {
  readonly [CTX]: FakeContext;
  readonly #draft: RuleDraft;

  constructor(context: FakeContext, draft: RuleDraft = { ranges: [], format: {} }) {
    this[CTX] = context;
    this.#draft = { ranges: [...draft.ranges], condition: draft.condition, format: { ...draft.format } };
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.#when(BOOLEAN_CRITERIA.CUSTOM_FORMULA, [String(formula)]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.#when(BOOLEAN_CRITERIA.TEXT_EQUAL_TO, [String(text)]);
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    if (color === null) delete this.#draft.format.background;
    else this.#draft.format.background = String(color);
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    if (color === null) delete this.#draft.format.fontColor;
    else this.#draft.format.fontColor = String(color);
    return this;
  }

  /** Ranges must be Range objects (Range[]). */
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges) || !ranges.every((range) => typeof range === 'object' && range !== null && typeof (range as FakeRange).getA1Notation === 'function')) {
      this[CTX].fail("The parameters (String[]) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    }
    this.#draft.ranges = [...ranges];
    return this;
  }

  getRanges(): FakeRange[] {
    return this[CTX].out(this.#draft.ranges);
  }

  build(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this[CTX], this.#draft);
  }

  #when(type: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.#draft.condition = { type, values };
    return this;
  }
}

export class FakeConditionalFormatRule {
  readonly [CTX]: FakeContext;
  readonly #draft: RuleDraft;

  constructor(context: FakeContext, draft: RuleDraft) {
    this[CTX] = context;
    this.#draft = draft;
  }

  getRanges(): FakeRange[] {
    return this[CTX].out(this.#draft.ranges);
  }

  getBooleanCondition(): { getCriteriaType(): string; getCriteriaValues(): unknown[]; getBackground(): string | null; getFontColor(): string | null; getBold(): boolean | null } | null {
    const { condition, format } = this.#draft;
    if (!condition) return null;
    return this[CTX].out({
      getCriteriaType: () => condition.type,
      getCriteriaValues: () => [...condition.values],
      getBackground: () => format.background ?? null,
      getFontColor: () => format.fontColor ?? null,
      getBold: () => format.bold ?? null,
    });
  }

  /** @internal */
  static draft(rule: FakeConditionalFormatRule): RuleDraft {
    return rule.#draft;
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', contextOf);
countCalls(FakeConditionalFormatRule, 'ConditionalFormatRule', contextOf);
