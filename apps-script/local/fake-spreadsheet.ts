import { types } from 'node:util';
import { formatA1, parseA1 } from './a1-notation.ts';
import { displayText, MAX_CELL_CHARS, PLAIN_TEXT_FORMAT, typeText, type StoredCell } from './cell-text.ts';
import { countCalls, type FakeContext } from './fake-context.ts';
import { FakeUi, type UiRecords } from './fake-ui.ts';
import { MAX_CELLS, SheetModel, type CellStyle, type GridCell } from './workbook-model.ts';

/**
 * SpreadsheetApp, Spreadsheet, Sheet, Range and Protection over an in-memory workbook, with
 * Google's names, argument order (1-based rows and columns) and error messages.
 */
const CTX = Symbol('context');

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

export interface WorkbookState {
  id: string;
  name: string;
  sheets: SheetModel[];
  nextSheetId: number;
  toasts: Toast[];
  protections: FakeProtection[];
}

const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
const DEFAULT_NUMBER_FORMAT = '0.###############';

export class FakeSpreadsheetApp {
  readonly [CTX]: FakeContext;
  readonly ProtectionType = PROTECTION_TYPE;
  readonly #spreadsheet: FakeSpreadsheet;
  readonly #ui: FakeUi;

  constructor(context: FakeContext, spreadsheet: FakeSpreadsheet, ui: UiRecords) {
    this[CTX] = context;
    this.#spreadsheet = spreadsheet;
    this.#ui = new FakeUi(context, ui);
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.#spreadsheet;
  }

  getActive(): FakeSpreadsheet {
    return this.#spreadsheet;
  }

  openById(id: string): FakeSpreadsheet {
    if (id !== this.#spreadsheet.getId()) this[CTX].fail(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return this.#spreadsheet;
  }

  getActiveSheet(): FakeSheet {
    return this.#spreadsheet.getActiveSheet();
  }

  /** Writes are immediate here, so there is nothing to flush. */
  flush(): void {}

  /** Google has no UI for web-app requests and time-driven triggers. */
  getUi(): FakeUi {
    if (this[CTX].execution.kind !== 'editor') this[CTX].fail('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.#ui;
  }
}

export class FakeSpreadsheet {
  readonly [CTX]: FakeContext;
  readonly #state: WorkbookState;
  readonly #sheetObjects = new WeakMap<SheetModel, FakeSheet>();
  #activeSheet: SheetModel | undefined;

  constructor(context: FakeContext, state: WorkbookState) {
    this[CTX] = context;
    this.#state = state;
  }

  getId(): string {
    return this.#state.id;
  }

  getName(): string {
    return this.#state.name;
  }

  rename(name: string): void {
    this.#state.name = String(name);
    this[CTX].changed();
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#state.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this[CTX].timeZone;
  }

  getSheets(): FakeSheet[] {
    return this[CTX].out(this.#state.sheets.map((model) => sheetObject(this, model)));
  }

  /** Exact name; null when there is no such tab. */
  getSheetByName(name: string): FakeSheet | null {
    const model = this.#state.sheets.find((sheet) => sheet.name === name);
    return model ? sheetObject(this, model) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    const model = this.#state.sheets.find((sheet) => sheet.id === id);
    return model ? sheetObject(this, model) : null;
  }

  getActiveSheet(): FakeSheet {
    return sheetObject(this, this.#activeSheet ?? this.#state.sheets[0]);
  }

  /** A new 1000 × 26 tab; `index` is 0-based like Google's. */
  insertSheet(name?: string, index?: number): FakeSheet {
    const context = this[CTX];
    const sheetName = name === undefined ? this.#freeSheetName() : String(name);
    checkSheetName(context, this.#state, sheetName);
    const model = new SheetModel(sheetName, this.#state.nextSheetId++);
    checkCellLimit(context, this.#state, model.cellCount());
    const at = index === undefined ? this.#state.sheets.length : Math.max(0, Math.min(index, this.#state.sheets.length));
    this.#state.sheets.splice(at, 0, model);
    this.#activeSheet = model;
    context.changed();
    return sheetObject(this, model);
  }

  deleteSheet(sheet: FakeSheet): void {
    const model = sheetModelOf(sheet);
    if (this.#state.sheets.length === 1) this[CTX].fail("You can't remove all the sheets in a document.");
    this.#state.sheets.splice(this.#state.sheets.indexOf(model), 1);
    if (this.#activeSheet === model) this.#activeSheet = undefined;
    this[CTX].changed();
  }

  /** A1 notation with a tab name ("Contacts!A1:C3"), or on the active tab. */
  getRange(a1Notation: string): FakeRange {
    const parsed = parseA1(String(a1Notation));
    const model = parsed?.sheetName === undefined ? (this.#activeSheet ?? this.#state.sheets[0]) : this.#state.sheets.find((s) => s.name === parsed.sheetName);
    if (!parsed || !model) return this[CTX].fail('Range not found');
    return rangeFromA1(this[CTX], sheetObject(this, model), model, String(a1Notation));
  }

  getProtections(type: string): FakeProtection[] {
    return this[CTX].out(this.#state.protections.filter((p) => p.getProtectionType() === type));
  }

  toast(message: string, title = '', timeoutSeconds = 5): void {
    this.#state.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }

  #freeSheetName(): string {
    for (let n = this.#state.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.#state.sheets.some((sheet) => sameSheetName(sheet.name, name))) return name;
    }
  }

  /** @internal used by the sheet wrappers */
  static state(spreadsheet: FakeSpreadsheet): WorkbookState {
    return spreadsheet.#state;
  }

  /** @internal one wrapper per tab so `===` works as scripts expect */
  static wrapperFor(spreadsheet: FakeSpreadsheet, model: SheetModel): FakeSheet {
    let sheet = spreadsheet.#sheetObjects.get(model);
    if (!sheet) {
      sheet = new FakeSheet(spreadsheet[CTX], spreadsheet, model);
      spreadsheet.#sheetObjects.set(model, sheet);
    }
    return sheet;
  }

  /** @internal */
  static activate(spreadsheet: FakeSpreadsheet, model: SheetModel): void {
    spreadsheet.#activeSheet = model;
  }
}

function sheetObject(spreadsheet: FakeSpreadsheet, model: SheetModel): FakeSheet {
  return FakeSpreadsheet.wrapperFor(spreadsheet, model);
}

/** Google treats tab names case-insensitively when checking for duplicates. */
function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function checkSheetName(context: FakeContext, state: WorkbookState, name: string, except?: SheetModel): void {
  if (name.trim() === '') context.fail('Sheet names cannot be empty.');
  if (state.sheets.some((sheet) => sheet !== except && sameSheetName(sheet.name, name))) {
    context.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

function checkCellLimit(context: FakeContext, state: WorkbookState, added: number): void {
  const total = state.sheets.reduce((sum, sheet) => sum + sheet.cellCount(), 0);
  if (total + added > MAX_CELLS) context.fail(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
}

const sheetModels = new WeakMap<FakeSheet, SheetModel>();

function sheetModelOf(sheet: FakeSheet): SheetModel {
  const model = sheetModels.get(sheet);
  if (!model) throw new TypeError('Not a sheet of this fake spreadsheet');
  return model;
}

export class FakeSheet {
  readonly [CTX]: FakeContext;
  readonly #spreadsheet: FakeSpreadsheet;
  readonly #model: SheetModel;

  constructor(context: FakeContext, spreadsheet: FakeSpreadsheet, model: SheetModel) {
    this[CTX] = context;
    this.#spreadsheet = spreadsheet;
    this.#model = model;
    sheetModels.set(this, model);
  }

  getName(): string {
    return this.#model.name;
  }

  setName(name: string): FakeSheet {
    checkSheetName(this[CTX], FakeSpreadsheet.state(this.#spreadsheet), String(name), this.#model);
    this.#model.name = String(name);
    this[CTX].changed();
    return this;
  }

  getSheetId(): number {
    return this.#model.id;
  }

  getIndex(): number {
    return FakeSpreadsheet.state(this.#spreadsheet).sheets.indexOf(this.#model) + 1;
  }

  getParent(): FakeSpreadsheet {
    return this.#spreadsheet;
  }

  activate(): FakeSheet {
    FakeSpreadsheet.activate(this.#spreadsheet, this.#model);
    return this;
  }

  getLastRow(): number {
    return this.#model.lastRow();
  }

  getLastColumn(): number {
    return this.#model.lastColumn();
  }

  getMaxRows(): number {
    return this.#model.maxRows;
  }

  getMaxColumns(): number {
    return this.#model.maxColumns;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string' && column === undefined) return rangeFromA1(this[CTX], this, this.#model, rowOrA1);
    const args = [rowOrA1, column, numRows ?? 1, numColumns ?? 1];
    if (!args.every((arg) => typeof arg === 'number' && Number.isFinite(arg))) {
      return this[CTX].fail(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    const [row, col, rows, columns] = args.map((arg) => Math.trunc(arg as number));
    return newRange(this[CTX], this, this.#model, row, col, rows, columns);
  }

  /** From A1 to the last row and column with content (A1 alone on an empty tab). */
  getDataRange(): FakeRange {
    return newRange(this[CTX], this, this.#model, 1, 1, Math.max(1, this.#model.lastRow()), Math.max(1, this.#model.lastColumn()));
  }

  /** Writes after the last row with content, growing the tab if it is full. */
  appendRow(rowContents: unknown[]): FakeSheet {
    const context = this[CTX];
    if (!Array.isArray(rowContents)) context.fail(`The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`);
    const model = this.#model;
    const row = model.lastRow() + 1;
    const addRows = Math.max(0, row - model.maxRows);
    const addColumns = Math.max(0, rowContents.length - model.maxColumns);
    checkCellLimit(context, FakeSpreadsheet.state(this.#spreadsheet), addRows * model.maxColumns + addColumns * (model.maxRows + addRows));
    const typed = rowContents.map((value, i) => typeValue(context, value, model.cell(row, i + 1), `appendRow, item ${i + 1}`));
    model.maxRows += addRows;
    model.maxColumns += addColumns;
    typed.forEach((cell, i) => writeCell(model, row, i + 1, cell));
    context.changed();
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    return this.#insertRows(afterPosition + 1, howMany);
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    return this.#insertRows(afterPosition + 1, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    return this.#insertRows(beforePosition, howMany);
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    return this.#insertRows(beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows = 1): FakeSheet {
    return this.#insertRows(rowIndex, numRows);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    return this.#insertColumns(afterPosition + 1, howMany);
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    return this.#insertColumns(afterPosition + 1, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    return this.#insertColumns(beforePosition, howMany);
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    return this.#insertColumns(beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns = 1): FakeSheet {
    return this.#insertColumns(columnIndex, numColumns);
  }

  deleteRow(rowPosition: number): FakeSheet {
    return this.#deleteRows(rowPosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): FakeSheet {
    return this.#deleteRows(rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): FakeSheet {
    return this.#deleteColumns(columnPosition, 1);
  }

  deleteColumns(columnPosition: number, howMany: number): FakeSheet {
    return this.#deleteColumns(columnPosition, howMany);
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.#checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.#model.hiddenColumns.add(c);
    this[CTX].changed();
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.#checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.#model.hiddenColumns.delete(c);
    this[CTX].changed();
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.#model.hiddenColumns.has(columnPosition);
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.#model.maxRows) this[CTX].fail('Sorry, it is not possible to freeze all rows.');
    this.#model.frozenRows = rows;
    this[CTX].changed();
  }

  getFrozenRows(): number {
    return this.#model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns >= this.#model.maxColumns) this[CTX].fail('Sorry, it is not possible to freeze all columns.');
    this.#model.frozenColumns = columns;
    this[CTX].changed();
  }

  getFrozenColumns(): number {
    return this.#model.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.#checkColumns(columnPosition, 1);
    this.#model.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.#checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#model.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.#model.columnWidths.get(columnPosition) ?? 100;
  }

  /** Recorded as nothing: widths are not measured here. */
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.#checkColumns(startColumn, numColumns);
    return this;
  }

  /** Removes values, formulas and formatting. */
  clear(): FakeSheet {
    this.#model.rows = [];
    this[CTX].changed();
    return this;
  }

  /** Removes values and formulas, keeps formatting. */
  clearContents(): FakeSheet {
    for (const cells of this.#model.rows) for (const cell of cells) if (cell) clearCellContent(cell);
    this[CTX].changed();
    return this;
  }

  clearFormats(): FakeSheet {
    for (const cells of this.#model.rows) for (const cell of cells) if (cell) delete cell.style;
    return this;
  }

  protect(): FakeProtection {
    return addProtection(this[CTX], this.#spreadsheet, PROTECTION_TYPE.SHEET, this);
  }

  getProtections(type: string): FakeProtection[] {
    const all = FakeSpreadsheet.state(this.#spreadsheet).protections;
    return this[CTX].out(all.filter((p) => p.getProtectionType() === type && sheetOfProtected(p) === this));
  }

  #insertRows(at: number, count: number): FakeSheet {
    const model = this.#model;
    if (!Number.isInteger(count) || count < 1) this[CTX].fail('The number of rows to insert must be at least 1.');
    if (at < 1 || at > model.maxRows + 1) this[CTX].fail('Those rows are out of bounds.');
    checkCellLimit(this[CTX], FakeSpreadsheet.state(this.#spreadsheet), count * model.maxColumns);
    model.insertRows(at, count);
    this[CTX].changed();
    return this;
  }

  #insertColumns(at: number, count: number): FakeSheet {
    const model = this.#model;
    if (!Number.isInteger(count) || count < 1) this[CTX].fail('The number of columns to insert must be at least 1.');
    if (at < 1 || at > model.maxColumns + 1) this[CTX].fail('Those columns are out of bounds.');
    checkCellLimit(this[CTX], FakeSpreadsheet.state(this.#spreadsheet), count * model.maxRows);
    model.insertColumns(at, count);
    this[CTX].changed();
    return this;
  }

  #deleteRows(at: number, count: number): FakeSheet {
    const model = this.#model;
    if (at < 1 || count < 1 || at + count - 1 > model.maxRows) this[CTX].fail('Those rows are out of bounds.');
    if (model.maxRows - count <= model.frozenRows) this[CTX].fail('Sorry, it is not possible to delete all non-frozen rows.');
    model.deleteRows(at, count);
    this[CTX].changed();
    return this;
  }

  #deleteColumns(at: number, count: number): FakeSheet {
    const model = this.#model;
    if (at < 1 || count < 1 || at + count - 1 > model.maxColumns) this[CTX].fail('Those columns are out of bounds.');
    if (model.maxColumns - count <= model.frozenColumns) this[CTX].fail('Sorry, it is not possible to delete all non-frozen columns.');
    model.deleteColumns(at, count);
    this[CTX].changed();
    return this;
  }

  #checkColumns(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.#model.maxColumns) this[CTX].fail('Those columns are out of bounds.');
  }
}

function rangeFromA1(context: FakeContext, sheet: FakeSheet, model: SheetModel, a1Notation: string): FakeRange {
  const parsed = parseA1(a1Notation);
  if (!parsed || (parsed.sheetName !== undefined && parsed.sheetName !== model.name)) return context.fail('Range not found');
  const lastRow = parsed.lastRow ?? model.maxRows;
  const lastColumn = parsed.lastColumn ?? model.maxColumns;
  return newRange(context, sheet, model, parsed.row, parsed.column, lastRow - parsed.row + 1, lastColumn - parsed.column + 1);
}

function newRange(context: FakeContext, sheet: FakeSheet, model: SheetModel, row: number, column: number, numRows: number, numColumns: number): FakeRange {
  if (row < 1) context.fail('The starting row of the range is too small.');
  if (column < 1) context.fail('The starting column of the range is too small.');
  if (numRows < 1) context.fail('The number of rows in the range must be at least 1.');
  if (numColumns < 1) context.fail('The number of columns in the range must be at least 1.');
  checkInside(context, model, row, column, numRows, numColumns);
  return new FakeRange(context, sheet, model, row, column, numRows, numColumns);
}

function checkInside(context: FakeContext, model: SheetModel, row: number, column: number, numRows: number, numColumns: number): void {
  if (row + numRows - 1 > model.maxRows || column + numColumns - 1 > model.maxColumns) {
    context.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length > 0 && value.every(Array.isArray) ? 'Object[][]' : 'Object[]';
  if (typeof value === 'object') return types.isDate(value) ? 'Date' : 'Object';
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'number' : String(typeof value);
}

/** The stored form of a value a script writes, typed like a person would type it. */
function typeValue(context: FakeContext, value: unknown, target: GridCell | undefined, where: string): StoredCell {
  if (value === null) return { value: '' };
  switch (typeof value) {
    case 'string':
      if (value.length > MAX_CELL_CHARS) context.fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
      return typeText(value, target?.style?.numberFormat === PLAIN_TEXT_FORMAT);
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

function writeCell(model: SheetModel, row: number, column: number, typed: StoredCell): void {
  const empty = typed.value === '' && typed.formula === undefined;
  if (empty && !model.cell(row, column)) return;
  const cell = model.cellForWrite(row, column);
  cell.value = typed.value;
  if (typed.formula === undefined) delete cell.formula;
  else cell.formula = typed.formula;
}

function clearCellContent(cell: GridCell): void {
  cell.value = '';
  delete cell.formula;
}

function copyValue(cell: GridCell | undefined): StoredCell['value'] {
  if (!cell || cell.formula !== undefined) return '';
  return cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value;
}

export class FakeRange {
  readonly [CTX]: FakeContext;
  readonly #sheet: FakeSheet;
  readonly #model: SheetModel;
  readonly #row: number;
  readonly #column: number;
  readonly #numRows: number;
  readonly #numColumns: number;

  constructor(context: FakeContext, sheet: FakeSheet, model: SheetModel, row: number, column: number, numRows: number, numColumns: number) {
    this[CTX] = context;
    this.#sheet = sheet;
    this.#model = model;
    this.#row = row;
    this.#column = column;
    this.#numRows = numRows;
    this.#numColumns = numColumns;
  }

  getSheet(): FakeSheet {
    return this.#sheet;
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

  getHeight(): number {
    return this.#numRows;
  }

  getWidth(): number {
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

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return newRange(this[CTX], this.#sheet, this.#model, this.#row + rowOffset, this.#column + columnOffset, numRows ?? this.#numRows, numColumns ?? this.#numColumns);
  }

  /** A fresh copy; '' for empty cells and for formulas (which are not evaluated here). */
  getValues(): Array<Array<StoredCell['value']>> {
    return this[CTX].out(this.#map((cell) => copyValue(cell)));
  }

  getValue(): StoredCell['value'] {
    this.#checkInside();
    return this[CTX].out(copyValue(this.#model.cell(this.#row, this.#column)));
  }

  getDisplayValues(): string[][] {
    return this[CTX].out(this.#map((cell) => (cell ? displayText(cell) : '')));
  }

  getDisplayValue(): string {
    this.#checkInside();
    const cell = this.#model.cell(this.#row, this.#column);
    return cell ? displayText(cell) : '';
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

  /** Like typing `formula` into every cell of the range. */
  setFormula(formula: string): FakeRange {
    return this.setValue(formula);
  }

  setFormulas(formulas: string[][]): FakeRange {
    return this.#write(formulas, 'setFormulas');
  }

  /** Removes values and formulas, keeps formatting. */
  clearContent(): FakeRange {
    this.#checkInside();
    this.#each((row, column) => {
      const cell = this.#model.cell(row, column);
      if (cell) clearCellContent(cell);
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
    });
    this[CTX].changed();
    return this;
  }

  clearFormat(): FakeRange {
    return this.clear({ formatOnly: true });
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

  setFontWeights(fontWeights: string[][]): FakeRange {
    return this.#styles('fontWeight', fontWeights, 'setFontWeights');
  }

  getFontWeight(): string {
    return this.#styleAt('fontWeight') ?? 'normal';
  }

  setFontColor(color: string | null): FakeRange {
    return this.#style('fontColor', color ?? '#000000');
  }

  getFontColor(): string {
    return this.#styleAt('fontColor') ?? '#000000';
  }

  setBackground(color: string | null): FakeRange {
    return this.#style('background', color ?? '#ffffff');
  }

  setBackgrounds(colors: string[][]): FakeRange {
    return this.#styles('background', colors, 'setBackgrounds');
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

  protect(): FakeProtection {
    this.#checkInside();
    return addProtection(this[CTX], this.#sheet.getParent(), PROTECTION_TYPE.RANGE, this);
  }

  #style(key: keyof CellStyle, value: string): FakeRange {
    this.#checkInside();
    this.#each((row, column) => {
      const cell = this.#model.cellForWrite(row, column);
      (cell.style ??= {})[key] = value;
    });
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

  #write(values: unknown[][], method: string): FakeRange {
    const context = this[CTX];
    this.#checkShape(values, method);
    this.#checkInside();
    // Type everything before writing anything, so a bad value leaves the sheet untouched.
    const typed = values.map((row, i) =>
      row.map((value, j) => typeValue(context, value, this.#model.cell(this.#row + i, this.#column + j), `row ${i + 1}, column ${j + 1} of the data`)),
    );
    typed.forEach((row, i) => row.forEach((cell, j) => writeCell(this.#model, this.#row + i, this.#column + j, cell)));
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

const protectedTargets = new WeakMap<FakeProtection, FakeSheet | FakeRange>();

function sheetOfProtected(protection: FakeProtection): FakeSheet | undefined {
  const target = protectedTargets.get(protection);
  return target instanceof FakeRange ? target.getSheet() : target;
}

function addProtection(context: FakeContext, spreadsheet: FakeSpreadsheet, type: string, target: FakeSheet | FakeRange): FakeProtection {
  const protection = new FakeProtection(context, spreadsheet, type);
  protectedTargets.set(protection, target);
  FakeSpreadsheet.state(spreadsheet).protections.push(protection);
  return protection;
}

/** Recorded only: nothing stops an edit here. */
export class FakeProtection {
  readonly [CTX]: FakeContext;
  readonly #spreadsheet: FakeSpreadsheet;
  readonly #type: string;
  #description = '';
  #warningOnly = false;
  #editors: string[];

  constructor(context: FakeContext, spreadsheet: FakeSpreadsheet, type: string) {
    this[CTX] = context;
    this.#spreadsheet = spreadsheet;
    this.#type = type;
    this.#editors = [context.user];
  }

  getProtectionType(): string {
    return this.#type;
  }

  getRange(): FakeRange {
    const target = protectedTargets.get(this);
    return target instanceof FakeRange ? target : (target as FakeSheet).getDataRange();
  }

  setDescription(description: string): FakeProtection {
    this.#description = String(description);
    return this;
  }

  getDescription(): string {
    return this.#description;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.#warningOnly = Boolean(warningOnly);
    return this;
  }

  isWarningOnly(): boolean {
    return this.#warningOnly;
  }

  addEditor(email: string): FakeProtection {
    if (!this.#editors.includes(email)) this.#editors.push(String(email));
    return this;
  }

  removeEditors(emails: string[]): FakeProtection {
    this.#editors = this.#editors.filter((editor) => !emails.includes(editor));
    return this;
  }

  getEditors(): Array<{ getEmail(): string }> {
    return this[CTX].out(this.#editors.map((email) => ({ getEmail: () => email })));
  }

  canEdit(): boolean {
    return this.#warningOnly || this.#editors.includes(this[CTX].user);
  }

  remove(): void {
    const all = FakeSpreadsheet.state(this.#spreadsheet).protections;
    const at = all.indexOf(this);
    if (at >= 0) all.splice(at, 1);
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeSpreadsheetApp, 'SpreadsheetApp', contextOf);
countCalls(FakeSpreadsheet, 'Spreadsheet', contextOf);
countCalls(FakeSheet, 'Sheet', contextOf);
countCalls(FakeRange, 'Range', contextOf);
countCalls(FakeProtection, 'Protection', contextOf);
