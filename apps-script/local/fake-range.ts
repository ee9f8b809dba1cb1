import { types } from 'node:util';
import { formatA1, parseA1 } from '../../shared/a1-notation.ts';
import { instantOf, wallOfSerial } from '../../shared/calendar.ts';
import { displayText, MAX_CELL_CHARS, PLAIN_TEXT_FORMAT, typeText, type StoredCell } from './cell-text.ts';
import { evaluateFormula } from './formula.ts';
import { countCalls, type FakeContext } from './fake-context.ts';
import { FakeProtection, PROTECTION_TYPE } from './fake-protection.ts';
import type { FakeSheet } from './fake-spreadsheet.ts';
import { FakeDataValidation } from './fake-validation.ts';
import type { Anchor, CellStyle, GridCell, SheetModel } from './workbook-model.ts';

/**
 * Range: a block of cells of one tab. Strict like Google: wrong-sized arrays, ranges outside the
 * tab and values a cell cannot hold throw Google's messages; strings are typed like a person's input.
 */
const CTX = Symbol('context');
const DEFAULT_NUMBER_FORMAT = '0.###############';

/** What a range belongs to. */
export interface RangeHost {
  sheet: FakeSheet;
  model: SheetModel;
  protections: FakeProtection[];
}

export function rangeFromA1(context: FakeContext, host: RangeHost, a1Notation: string): FakeRange {
  const { model } = host;
  const parsed = parseA1(a1Notation);
  if (!parsed || (parsed.sheetName !== undefined && parsed.sheetName !== model.name)) return context.fail('Range not found');
  const lastRow = parsed.lastRow ?? model.maxRows;
  const lastColumn = parsed.lastColumn ?? model.maxColumns;
  const range = newRange(context, host, parsed.row, parsed.column, lastRow - parsed.row + 1, lastColumn - parsed.column + 1);
  if (parsed.lastRow === undefined && parsed.row === 1) FakeRange.markWholeColumns(range);
  return range;
}

/** A range made again from what an anchor now covers (protections, rules and charts keep anchors). */
export function rangeOfAnchor(context: FakeContext, host: RangeHost, anchor: Anchor): FakeRange {
  if (anchor.numRows < 1 || anchor.numColumns < 1) return context.fail('The range was deleted.');
  return new FakeRange(context, host, anchor.row, anchor.column, anchor.numRows, anchor.numColumns);
}

export function newRange(context: FakeContext, host: RangeHost, row: number, column: number, numRows: number, numColumns: number): FakeRange {
  if (row < 1) context.fail('The starting row of the range is too small.');
  if (column < 1) context.fail('The starting column of the range is too small.');
  if (numRows < 1) context.fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) context.fail('The number of columns in the range must be at least 1.');
  checkInside(context, host.model, row, column, numRows, numColumns);
  return new FakeRange(context, host, row, column, numRows, numColumns);
}

function checkInside(context: FakeContext, model: SheetModel, row: number, column: number, numRows: number, numColumns: number): void {
  if (row + numRows - 1 > model.maxRows || column + numColumns - 1 > model.maxColumns) {
    context.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length > 0 && value.every(Array.isArray) ? 'Object[][]' : 'Object[]';
  if (typeof value === 'object') return types.isDate(value) ? 'Date' : 'Object';
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'number' : String(typeof value);
}

/** The stored form of a value a script writes, typed like a person would type it. */
export function typeValue(context: FakeContext, value: unknown, target: GridCell | undefined, where: string): StoredCell {
  if (value === null) return { value: '' };
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_CELL_CHARS) context.fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      return typeText(value, context.typing, target?.style?.numberFormat === PLAIN_TEXT_FORMAT);
    case 'number':
      if (!Number.isFinite(value)) context.fail(`Cannot write ${value} to a cell (${where}).`);
      return { value };
    case 'boolean':
      return { value };
    case 'undefined':
      return context.fail(`Cannot write undefined to a cell (${where}).`);
    default:
      if (types.isDate(value) && !Number.isNaN(value.getTime())) return { value: new Date(value.getTime()) };
      return context.fail(`Cannot write ${typeName(value)} to a cell (${where}); write a string, number, boolean, Date or null.`);
  }
}

const asFormula = (text: string): StoredCell => (text.startsWith('=') && text.length > 1 ? { value: '', formula: text } : { value: text });

export function writeCell(model: SheetModel, row: number, column: number, typed: StoredCell): void {
  const empty = typed.value === '' && typed.formula === undefined;
  if (empty && !model.cell(row, column)) return;
  const cell = model.cellForWrite(row, column);
  cell.value = typed.value;
  if (typed.formula === undefined) delete cell.formula;
  else cell.formula = typed.formula;
}

export function clearCellContent(cell: GridCell): void {
  cell.value = '';
  delete cell.formula;
}

/** A number format that shows a date or time: such a cell's number is read as a Date, as Google does. */
const dateFormats = new Map<string, boolean>();
export const isDateFormat = (format: string | undefined): boolean => {
  if (format === undefined || format === PLAIN_TEXT_FORMAT) return false;
  let known = dateFormats.get(format);
  if (known === undefined) dateFormats.set(format, (known = /[ydh]/i.test(format.replace(/"[^"]*"/g, ''))));
  return known;
};

/** What getValues gives for a cell: formulas computed, numbers under a date format as Dates in the spreadsheet's zone. */
export function readValue(context: FakeContext, model: SheetModel, cell: GridCell | undefined): StoredCell['value'] {
  if (!cell) return '';
  const value = cell.formula !== undefined ? evaluateFormula(cell.formula, model, context) : cell.value;
  if (typeof value === 'number' && isDateFormat(cell.style?.numberFormat)) return instantOf(wallOfSerial(value), context.sheetClock);
  return value instanceof Date ? new Date(value.getTime()) : value;
}

export class FakeRange {
  readonly [CTX]: FakeContext;
  readonly #host: RangeHost;
  readonly #model: SheetModel;
  readonly #row: number;
  readonly #column: number;
  readonly #numRows: number;
  readonly #numColumns: number;
  #wholeColumns = false;

  constructor(context: FakeContext, host: RangeHost, row: number, column: number, numRows: number, numColumns: number) {
    this[CTX] = context;
    this.#host = host;
    this.#model = host.model;
    this.#row = row;
    this.#column = column;
    this.#numRows = numRows;
    this.#numColumns = numColumns;
  }

  getSheet(): FakeSheet {
    return this.#host.sheet;
  }

  getRow(): number {
    return this.#row;
  }

  getColumn(): number {
    return this.#column;
  }

  getNumRows(): number {
    return this.#numRows;
  }

  getNumColumns(): number {
    return this.#numColumns;
  }

  getLastRow(): number {
    return this.#row + this.#numRows - 1;
  }

  getLastColumn(): number {
    return this.#column + this.#numColumns - 1;
  }

  getA1Notation(): string {
    return formatA1(this.#row, this.#column, this.#numRows, this.#numColumns);
  }

  /** A fresh copy; '' for empty cells and for formulas (which are not evaluated here). */
  /** Built in the bundle's realm at once (no copy): a big sheet's read is millions of cells. */
  getValues(): Array<Array<StoredCell['value']>> {
    const context = this[CTX];
    context.countCells('read', this.#numRows * this.#numColumns);
    this.#checkInside();
    const { Array: RealmArray, Date: RealmDate } = context.realm;
    const out = new RealmArray(this.#numRows) as Array<Array<StoredCell['value']>>;
    for (let r = 0; r < this.#numRows; r++) {
      const cells = this.#model.rows[this.#row - 1 + r];
      const line = new RealmArray(this.#numColumns) as Array<StoredCell['value']>;
      for (let c = 0; c < this.#numColumns; c++) {
        const value = readValue(context, this.#model, cells?.[this.#column - 1 + c]);
        line[c] = value instanceof Date ? new RealmDate(value.getTime()) : value;
      }
      out[r] = line;
    }
    return out;
  }

  getValue(): StoredCell['value'] {
    this.#checkInside();
    this[CTX].countCells('read', 1);
    return this[CTX].out(readValue(this[CTX], this.#model, this.#model.cell(this.#row, this.#column)));
  }

  /** what people see in the cells: dates in the spreadsheet's time zone, numbers as formatted */
  getDisplayValues(): string[][] {
    this[CTX].countCells('read', this.#numRows * this.#numColumns);
    return this[CTX].out(this.#map((cell) => (cell ? displayText({ value: readValue(this[CTX], this.#model, cell) }, this[CTX].sheetClock) : '')));
  }

  getFormulas(): string[][] {
    return this[CTX].out(this.#map((cell) => cell?.formula ?? ''));
  }

  getFormula(): string {
    this.#checkInside();
    return this.#model.cell(this.#row, this.#column)?.formula ?? '';
  }

  /** Strict like Google: the array must match the range's rows and columns exactly. */
  setValues(values: unknown[][]): FakeRange {
    return this.#write(values, 'setValues');
  }

  /** Sets every cell of the range to `value`. */
  setValue(value: unknown): FakeRange {
    this.#checkInside();
    this.#fill((cell, where) => typeValue(this[CTX], value, cell, where));
    return this;
  }

  /** A formula in every cell of the range — a formula even where the cell is formatted as plain text. */
  setFormula(formula: string): FakeRange {
    this.#checkInside();
    this.#fill(() => asFormula(String(formula)));
    return this;
  }

  /** Removes values and formulas, keeps formatting. */
  clearContent(): FakeRange {
    this.#checkInside();
    this.#each((row, column) => {
      const cell = this.#model.cell(row, column);
      if (cell) clearCellContent(cell);
      this.#model.touch(row);
    });
    this[CTX].changed();
    return this;
  }

  /** Removes values, formulas and formatting (or only one of them with `{ contentsOnly }` / `{ formatOnly }`). */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeRange {
    this.#checkInside();
    this.#each((row, column) => {
      const cell = this.#model.cell(row, column);
      if (!cell) return;
      if (!options?.formatOnly) clearCellContent(cell);
      if (!options?.contentsOnly) delete cell.style;
      this.#model.touch(row);
    });
    this[CTX].changed();
    return this;
  }

  setNumberFormat(numberFormat: string): FakeRange {
    return this.#style('numberFormat', String(numberFormat));
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    return this.#styles('numberFormat', numberFormats, 'setNumberFormats');
  }

  getNumberFormat(): string {
    return this.#styleAt('numberFormat') ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this[CTX].out(this.#map((cell) => cell?.style?.numberFormat ?? DEFAULT_NUMBER_FORMAT));
  }

  setFontWeight(fontWeight: string | null): FakeRange {
    return this.#style('fontWeight', fontWeight ?? 'normal');
  }

  setFontColor(color: string | null): FakeRange {
    return this.#style('fontColor', color ?? '#000000');
  }

  setBackground(color: string | null): FakeRange {
    return this.#style('background', color ?? '#ffffff');
  }

  getBackground(): string {
    return this.#styleAt('background') ?? '#ffffff';
  }

  setNote(note: string | null): FakeRange {
    return this.#style('note', note ?? '');
  }

  setNotes(notes: string[][]): FakeRange {
    return this.#styles('note', notes, 'setNotes');
  }

  getNote(): string {
    return this.#styleAt('note') ?? '';
  }

  /** The protection follows its cells when rows or columns move, as in Google. */
  protect(): FakeProtection {
    this.#checkInside();
    const anchor = FakeRange.anchor(this);
    return new FakeProtection(this[CTX], this.#host.protections, PROTECTION_TYPE.RANGE, this.#host.sheet, () => rangeOfAnchor(this[CTX], this.#host, anchor), { anchor, onRemove: () => this.#model.anchors.delete(anchor) });
  }

  /** A rule, or null to remove validation; every cell of the range gets it. */
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    if (rule !== null && !(rule instanceof FakeDataValidation)) this[CTX].fail(`The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
    this.#checkInside();
    const json = rule === null ? undefined : FakeDataValidation.json(rule);
    this.#each((row, column) => {
      if (json) this.#model.cellForWrite(row, column).validation = json;
      else delete this.#model.cell(row, column)?.validation;
    });
    this.#model.validationStamp++;
    this[CTX].changed();
    return this;
  }

  getDataValidation(): FakeDataValidation | null {
    this.#checkInside();
    const json = this.#model.cell(this.#row, this.#column)?.validation;
    return json ? new FakeDataValidation(this[CTX], json) : null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this[CTX].out(this.#map((cell) => (cell?.validation ? new FakeDataValidation(this[CTX], cell.validation) : null)));
  }

  /** Groups (delta > 0) or ungroups the range's columns by one level per unit of delta. */
  shiftColumnGroupDepth(delta: number): FakeRange {
    if (!Number.isInteger(delta)) this[CTX].fail("The parameters don't match the method signature for SpreadsheetApp.Range.shiftColumnGroupDepth.");
    this.#checkInside();
    for (let c = this.#column; c < this.#column + this.#numColumns; c++) {
      const depth = Math.max(0, (this.#model.columnDepth.get(c) ?? 0) + delta);
      if (depth === 0) this.#model.columnDepth.delete(c);
      else this.#model.columnDepth.set(c, depth);
    }
    this[CTX].changed();
    return this;
  }

  /** @internal where the range is, for what anchors to it */
  static anchor(range: FakeRange): Anchor {
    return range.#model.anchor({ row: range.#row, column: range.#column, numRows: range.#numRows, numColumns: range.#numColumns, ...(range.#wholeColumns ? { wholeColumns: true } : {}) });
  }

  /** @internal */
  static hostOf(range: FakeRange): RangeHost {
    return range.#host;
  }

  /** @internal a range from A1 notation without rows ("C:E") covers every row, however many there come to be */
  static markWholeColumns(range: FakeRange): void {
    range.#wholeColumns = true;
  }

  #style(key: keyof CellStyle, value: string): FakeRange {
    this.#checkInside();
    this.#each((row, column) => {
      const cell = this.#model.cellForWrite(row, column);
      (cell.style ??= {})[key] = value;
    });
    this[CTX].changed();
    return this;
  }

  #styles(key: keyof CellStyle, values: string[][], method: string): FakeRange {
    this.#checkShape(values, method);
    this.#checkInside();
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = this.#model.cellForWrite(this.#row + i, this.#column + j);
        (cell.style ??= {})[key] = String(value);
      }),
    );
    this[CTX].changed();
    return this;
  }

  #styleAt(key: keyof CellStyle): string | undefined {
    this.#checkInside();
    return this.#model.cell(this.#row, this.#column)?.style?.[key];
  }

  #fill(type: (cell: GridCell | undefined, where: string) => StoredCell): void {
    const typed: Array<[number, number, StoredCell]> = [];
    this.#each((row, column) => typed.push([row, column, type(this.#model.cell(row, column), `cell ${formatA1(row, column)}`)]));
    for (const [row, column, cell] of typed) writeCell(this.#model, row, column, cell);
    this[CTX].countCells('written', typed.length);
    this[CTX].changed();
  }

  #map<T>(read: (cell: GridCell | undefined) => T): T[][] {
    this.#checkInside();
    const out: T[][] = [];
    for (let r = 0; r < this.#numRows; r++) {
      const cells = this.#model.rows[this.#row - 1 + r];
      const line: T[] = new Array<T>(this.#numColumns);
      for (let c = 0; c < this.#numColumns; c++) line[c] = read(cells?.[this.#column - 1 + c]);
      out.push(line);
    }
    return out;
  }

  #each(visit: (row: number, column: number) => void): void {
    for (let r = this.#row; r < this.#row + this.#numRows; r++) for (let c = this.#column; c < this.#column + this.#numColumns; c++) visit(r, c);
  }

  #write(values: unknown[][], method: string, type?: (value: unknown) => StoredCell): FakeRange {
    const context = this[CTX];
    this.#checkShape(values, method);
    this.#checkInside();
    // Type everything before writing anything, so a bad value leaves the sheet untouched.
    const typed = values.map((row, i) =>
      row.map((value, j) => type?.(value) ?? typeValue(context, value, this.#model.cell(this.#row + i, this.#column + j), `row ${i + 1}, column ${j + 1} of the data`)),
    );
    typed.forEach((row, i) => row.forEach((cell, j) => writeCell(this.#model, this.#row + i, this.#column + j, cell)));
    context.countCells('written', this.#numRows * this.#numColumns);
    context.changed();
    return this;
  }

  #checkShape(values: unknown[][], method: string): void {
    const context = this[CTX];
    if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
      context.fail(`The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    if (values.length !== this.#numRows) {
      context.fail(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.#numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.#numColumns) {
        context.fail(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.#numColumns}.`);
      }
    }
  }

  /** Rows or columns may have been deleted since the range was made. */
  #checkInside(): void {
    checkInside(this[CTX], this.#model, this.#row, this.#column, this.#numRows, this.#numColumns);
  }
}

countCalls(FakeRange, 'Range', (self) => (self as FakeRange)[CTX]);
