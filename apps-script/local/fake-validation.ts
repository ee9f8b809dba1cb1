import { countCalls, type FakeContext } from './fake-context.ts';
import type { ValidationJson } from './workbook-model.ts';

/**
 * Data validation: SpreadsheetApp.newDataValidation() builds a rule that Range.setDataValidation
 * records on each cell. As in Google, a rule only judges what a person types (scripts' writes are
 * not checked): with setAllowInvalid(false) such input is refused, otherwise it is kept and flagged.
 */
const CTX = Symbol('context');

export const DATA_VALIDATION_CRITERIA = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  CHECKBOX: 'CHECKBOX',
} as const;

export class FakeDataValidationBuilder {
  readonly [CTX]: FakeContext;
  #rule: Partial<ValidationJson> = { allowInvalid: true };

  constructor(context: FakeContext, from?: ValidationJson) {
    this[CTX] = context;
    if (from) this.#rule = { ...from, values: [...from.values] };
  }

  requireValueInList(values: unknown, showDropdown = true): FakeDataValidationBuilder {
    if (!Array.isArray(values)) this[CTX].fail(`The parameters (${typeof values === 'string' ? 'String' : typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    return this.#criteria(DATA_VALIDATION_CRITERIA.VALUE_IN_LIST, [(values as unknown[]).map(String), Boolean(showDropdown)]);
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    if (typeof start !== 'number' || typeof end !== 'number') this[CTX].fail("The parameters don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween.");
    return this.#criteria(DATA_VALIDATION_CRITERIA.NUMBER_BETWEEN, [start, end]);
  }

  requireCheckbox(): FakeDataValidationBuilder {
    return this.#criteria(DATA_VALIDATION_CRITERIA.CHECKBOX, []);
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.#rule.allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.#rule.helpText = String(helpText);
    return this;
  }

  /** Google builds no rule without a criterion. */
  build(): FakeDataValidation {
    if (!this.#rule.type) this[CTX].fail('A data validation rule needs a criterion (e.g. requireValueInList) before build().');
    return new FakeDataValidation(this[CTX], this.#rule as ValidationJson);
  }

  #criteria(type: string, values: unknown[]): FakeDataValidationBuilder {
    this.#rule.type = type;
    this.#rule.values = values;
    return this;
  }
}

export class FakeDataValidation {
  readonly [CTX]: FakeContext;
  readonly #rule: ValidationJson;

  constructor(context: FakeContext, rule: ValidationJson) {
    this[CTX] = context;
    this.#rule = rule;
  }

  getCriteriaType(): string {
    return this.#rule.type;
  }

  getCriteriaValues(): unknown[] {
    return this[CTX].out(this.#rule.values);
  }

  getAllowInvalid(): boolean {
    return this.#rule.allowInvalid;
  }

  /** @internal the rule as stored on cells */
  /** The rule as the workbook file holds it (fields in the file's order, so equal rules save as one run). */
  static json(rule: FakeDataValidation): ValidationJson {
    const { type, values, allowInvalid, helpText } = rule.#rule;
    return { type, values, allowInvalid, ...(helpText === undefined ? {} : { helpText }) };
  }
}

/** What is wrong with a person's input under a rule, or null when it passes. */
export function validationProblem(rule: ValidationJson, value: unknown): string | null {
  if (value === '' || value === null || value === undefined) return null;
  switch (rule.type) {
    case DATA_VALIDATION_CRITERIA.VALUE_IN_LIST: {
      const items = (rule.values[0] as string[]) ?? [];
      return items.includes(String(value)) ? null : `Input must be an item on the specified list: ${items.join(', ')}`;
    }
    case DATA_VALIDATION_CRITERIA.DATE_IS_VALID_DATE:
      return value instanceof Date ? null : 'Input must be a valid date';
    case DATA_VALIDATION_CRITERIA.NUMBER_BETWEEN:
      return typeof value === 'number' && value >= (rule.values[0] as number) && value <= (rule.values[1] as number) ? null : `Input must be a number between ${String(rule.values[0])} and ${String(rule.values[1])}`;
    case DATA_VALIDATION_CRITERIA.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return typeof value === 'number' && value >= (rule.values[0] as number) ? null : `Input must be a number greater than or equal to ${String(rule.values[0])}`;
    case DATA_VALIDATION_CRITERIA.CHECKBOX:
      return typeof value === 'boolean' ? null : 'Input must be TRUE or FALSE';
    default:
      return null;
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeDataValidationBuilder, 'DataValidationBuilder', contextOf);
countCalls(FakeDataValidation, 'DataValidation', contextOf);
