import { parseA1 } from '../../shared/a1-notation.ts';
import type { FakeContext } from './fake-context.ts';
import type { CellValue } from './cell-text.ts';
import type { SheetModel } from './workbook-model.ts';

/**
 * A small formula evaluator, so that `getValues` gives a formula's result as Google does rather
 * than nothing: numbers, "text", TRUE/FALSE, references to cells and ranges of the same tab,
 * + - * / & and comparisons, parentheses, and SUM, CONCATENATE, UPPER, LOWER, TRIM, LEN, IF.
 * Anything else evaluates to Google's error values (#NAME?, #ERROR!, #REF!, #DIV/0!, #VALUE!).
 */
type Value = CellValue | Value[];

class FormulaError extends Error {}

const FUNCTIONS: Record<string, (args: Value[]) => CellValue> = {
  SUM: (args) => flat(args).reduce<number>((sum, v) => sum + (typeof v === 'number' ? v : 0), 0),
  CONCATENATE: (args) => flat(args).map(text).join(''),
  UPPER: ([v]) => text(one(v)).toUpperCase(),
  LOWER: ([v]) => text(one(v)).toLowerCase(),
  TRIM: ([v]) => text(one(v)).trim().replace(/\s+/g, ' '),
  LEN: ([v]) => text(one(v)).length,
  IF: ([condition, then = true, otherwise = false]) => (truthy(one(condition)) ? one(then) : one(otherwise)),
};

const flat = (values: Value[]): CellValue[] => values.flatMap((v) => (Array.isArray(v) ? flat(v) : [v]));
const one = (v: Value | undefined): CellValue => (Array.isArray(v) ? (flat(v)[0] ?? '') : (v ?? ''));
const text = (v: CellValue) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v instanceof Date ? v.toISOString() : String(v));
const truthy = (v: CellValue) => (typeof v === 'string' ? v !== '' && v.toUpperCase() !== 'FALSE' : Boolean(v));
const number = (v: CellValue): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new FormulaError('#VALUE!');
  return n;
};

const evaluating = new Set<string>();

export function evaluateFormula(formula: string, model: SheetModel, context: FakeContext): CellValue {
  const key = `${model.name}!${formula}`;
  if (evaluating.has(key)) return '#REF!';
  evaluating.add(key);
  try {
    const parser = new Parser(formula.slice(1), model, context);
    const value = parser.expression();
    parser.end();
    return one(value);
  } catch (error) {
    return error instanceof FormulaError ? error.message : '#ERROR!';
  } finally {
    evaluating.delete(key);
  }
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|("(?:[^"]|"")*")|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|([A-Z][A-Z0-9.]*)(?=\s*\()|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/&=<>(),]))/iy;

class Parser {
  #tokens: string[] = [];
  #at = 0;

  constructor(
    source: string,
    private readonly model: SheetModel,
    private readonly context: FakeContext,
  ) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.trimEnd().length) {
      const match = TOKEN.exec(source);
      if (!match) throw new FormulaError('#ERROR!');
      this.#tokens.push(match[0].trim());
    }
  }

  end(): void {
    if (this.#at < this.#tokens.length) throw new FormulaError('#ERROR!');
  }

  expression(): Value {
    let left = this.#concat();
    for (let op = this.#peek(); op && ['=', '<>', '<', '>', '<=', '>='].includes(op); op = this.#peek()) {
      this.#at++;
      const [a, b] = [one(left), one(this.#concat())];
      const cmp = typeof a === 'number' && typeof b === 'number' ? a - b : text(a).localeCompare(text(b), 'en', { sensitivity: 'base' });
      left = op === '=' ? cmp === 0 : op === '<>' ? cmp !== 0 : op === '<' ? cmp < 0 : op === '>' ? cmp > 0 : op === '<=' ? cmp <= 0 : cmp >= 0;
    }
    return left;
  }

  #concat(): Value {
    let left = this.#sum();
    while (this.#peek() === '&') {
      this.#at++;
      left = text(one(left)) + text(one(this.#sum()));
    }
    return left;
  }

  #sum(): Value {
    let left = this.#product();
    for (let op = this.#peek(); op === '+' || op === '-'; op = this.#peek()) {
      this.#at++;
      const right = number(one(this.#product()));
      left = op === '+' ? number(one(left)) + right : number(one(left)) - right;
    }
    return left;
  }

  #product(): Value {
    let left = this.#unary();
    for (let op = this.#peek(); op === '*' || op === '/'; op = this.#peek()) {
      this.#at++;
      const right = number(one(this.#unary()));
      if (op === '/' && right === 0) throw new FormulaError('#DIV/0!');
      left = op === '*' ? number(one(left)) * right : number(one(left)) / right;
    }
    return left;
  }

  #unary(): Value {
    if (this.#peek() === '-') {
      this.#at++;
      return -number(one(this.#unary()));
    }
    if (this.#peek() === '+') this.#at++;
    return this.#primary();
  }

  #primary(): Value {
    const token = this.#tokens[this.#at++];
    if (token === undefined) throw new FormulaError('#ERROR!');
    if (token === '(') {
      const value = this.expression();
      this.#expect(')');
      return value;
    }
    if (/^\d/.test(token)) return Number(token);
    if (token.startsWith('"')) return token.slice(1, -1).replaceAll('""', '"');
    if (/^(TRUE|FALSE)$/i.test(token)) return token.toUpperCase() === 'TRUE';
    if (this.#peek() === '(') {
      this.#at++;
      const args: Value[] = [];
      while (this.#peek() !== ')') {
        args.push(this.expression());
        if (this.#peek() === ',') this.#at++;
        else break;
      }
      this.#expect(')');
      const fn = FUNCTIONS[token.toUpperCase()];
      if (!fn) throw new FormulaError('#NAME?');
      return fn(args);
    }
    return this.#reference(token);
  }

  #reference(token: string): Value {
    const range = parseA1(token.replaceAll('$', ''));
    if (!range) throw new FormulaError('#NAME?');
    const lastRow = range.lastRow ?? range.row;
    const lastColumn = range.lastColumn ?? range.column;
    if (lastRow > this.model.maxRows || lastColumn > this.model.maxColumns) throw new FormulaError('#REF!');
    const values: CellValue[] = [];
    for (let r = range.row; r <= lastRow; r++) {
      for (let c = range.column; c <= lastColumn; c++) {
        const cell = this.model.cell(r, c);
        values.push(!cell ? '' : cell.formula !== undefined ? evaluateFormula(cell.formula, this.model, this.context) : cell.value);
      }
    }
    return values.length === 1 ? values[0]! : values;
  }

  #peek(): string | undefined {
    return this.#tokens[this.#at];
  }

  #expect(token: string): void {
    if (this.#tokens[this.#at++] !== token) throw new FormulaError('#ERROR!');
  }
}
