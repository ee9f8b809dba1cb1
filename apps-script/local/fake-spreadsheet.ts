import { randomUUID } from 'node:crypto';
import { parseA1 } from '../../shared/a1-notation.ts';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, isChart, type ChartHost } from './fake-charts.ts';
import { BOOLEAN_CRITERIA, FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder } from './fake-conditional-format.ts';
import { countCalls, type FakeContext } from './fake-context.ts';
import { FakeProtection, PROTECTION_TYPE } from './fake-protection.ts';
import { clearCellContent, FakeRange, newRange, rangeFromA1, rangeOfAnchor, typeName, typeValue, writeCell, type RangeHost } from './fake-range.ts';
import { FakeUi, type UiRecords } from './fake-ui.ts';
import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from './fake-validation.ts';
import { MAX_CELLS, SheetModel, type Anchor } from './workbook-model.ts';

/**
 * SpreadsheetApp, Spreadsheet and Sheet over an in-memory workbook, with Google's names,
 * argument order (1-based rows and columns) and error messages. Ranges are in fake-range.ts.
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
  /** when set apart from the workbook's (Spreadsheet.setSpreadsheetTimeZone) */
  timeZone?: string;
  sheets: SheetModel[];
  nextSheetId: number;
  toasts: Toast[];
  protections: FakeProtection[];
}


/** The spreadsheets a script can open besides its own (e.g. the archives it created). */
export interface OtherSpreadsheets {
  states: WorkbookState[];
  objects: Map<string, FakeSpreadsheet>;
  /** keeps a new spreadsheet with the workbook (so it is saved) */
  keep(state: WorkbookState): void;
}

export class FakeSpreadsheetApp {
  readonly [CTX]: FakeContext;
  readonly ProtectionType = PROTECTION_TYPE;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly BooleanCriteria = BOOLEAN_CRITERIA;
  readonly #spreadsheet: FakeSpreadsheet;
  readonly #ui: FakeUi;
  readonly #others: OtherSpreadsheets;

  constructor(context: FakeContext, spreadsheet: FakeSpreadsheet, ui: UiRecords, others: OtherSpreadsheets = { states: [], objects: new Map(), keep: () => {} }) {
    this[CTX] = context;
    this.#spreadsheet = spreadsheet;
    this.#ui = new FakeUi(context, ui);
    this.#others = others;
  }

  /** A new spreadsheet in the owner's Drive, with one empty tab. */
  create(name: string): FakeSpreadsheet {
    if (String(name ?? '').trim() === '') this[CTX].fail('Invalid argument: name');
    const state: WorkbookState = { id: `local-${randomUUID()}`, name: String(name), sheets: [new SheetModel('Sheet1', 0)], nextSheetId: 1, toasts: [], protections: [] };
    this.#others.states.push(state);
    this.#others.keep(state);
    this[CTX].changed();
    return this.#other(state);
  }

  #other(state: WorkbookState): FakeSpreadsheet {
    let spreadsheet = this.#others.objects.get(state.id);
    if (!spreadsheet) this.#others.objects.set(state.id, (spreadsheet = new FakeSpreadsheet(this[CTX], state)));
    return spreadsheet;
  }

  /** @internal the spreadsheet with this id, if the script can open it */
  static byId(app: FakeSpreadsheetApp, id: string): FakeSpreadsheet | undefined {
    if (id === app.#spreadsheet.getId()) return app.#spreadsheet;
    const state = app.#others.states.find((s) => s.id === id);
    return state ? app.#other(state) : undefined;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.#spreadsheet;
  }

  getActive(): FakeSpreadsheet {
    return this.#spreadsheet;
  }

  openById(id: string): FakeSpreadsheet {
    const spreadsheet = FakeSpreadsheetApp.byId(this, String(id));
    if (!spreadsheet) return this[CTX].fail(`Document ${String(id)} is missing (perhaps it was deleted, or you don't have read access?)`);
    return spreadsheet;
  }

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this[CTX]);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(this[CTX]);
  }

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

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#state.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.#state.timeZone ?? this[CTX].spreadsheetTimeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      this[CTX].fail(`Invalid argument: timezone`);
    }
    this.#state.timeZone = String(timezone);
    this[CTX].changed();
  }

  getSheets(): FakeSheet[] {
    return this[CTX].out(this.#state.sheets.map((model) => sheetObject(this, model)));
  }

  /** Exact name; null when there is no such tab. */
  getSheetByName(name: string): FakeSheet | null {
    const model = this.#state.sheets.find((sheet) => sheet.name === name);
    return model ? sheetObject(this, model) : null;
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

  /** A1 notation with a tab name ("Contacts!A1:C3"), or on the active tab. */
  getRange(a1Notation: string): FakeRange {
    const parsed = parseA1(String(a1Notation));
    const model = parsed?.sheetName === undefined ? (this.#activeSheet ?? this.#state.sheets[0]) : this.#state.sheets.find((s) => s.name === parsed.sheetName);
    if (!parsed || !model) return this[CTX].fail('Range not found');
    return rangeFromA1(this[CTX], FakeSheet.host(sheetObject(this, model)), String(a1Notation));
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

export class FakeSheet {
  readonly [CTX]: FakeContext;
  readonly #spreadsheet: FakeSpreadsheet;
  readonly #model: SheetModel;
  readonly #host: RangeHost;

  constructor(context: FakeContext, spreadsheet: FakeSpreadsheet, model: SheetModel) {
    this[CTX] = context;
    this.#spreadsheet = spreadsheet;
    this.#model = model;
    this.#host = { sheet: this, model, protections: FakeSpreadsheet.state(spreadsheet).protections };
  }

  /** @internal */
  static host(sheet: FakeSheet): RangeHost {
    return sheet.#host;
  }

  getName(): string {
    return this.#model.name;
  }

  getSheetId(): number {
    return this.#model.id;
  }

  getParent(): FakeSpreadsheet {
    return this.#spreadsheet;
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
    if (typeof rowOrA1 === 'string' && column === undefined) return rangeFromA1(this[CTX], this.#host, rowOrA1);
    const args = [rowOrA1, column, numRows ?? 1, numColumns ?? 1];
    if (!args.every((arg) => typeof arg === 'number' && Number.isFinite(arg))) {
      return this[CTX].fail(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    const [row, col, rows, columns] = args.map((arg) => Math.trunc(arg as number));
    return newRange(this[CTX], this.#host, row, col, rows, columns);
  }

  /** Several ranges of this tab at once (A1 notations), to format them in one call. */
  getRangeList(a1Notations: string[]): FakeRangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) this[CTX].fail(`The parameters (${typeName(a1Notations)}) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.`);
    return new FakeRangeList(this[CTX], a1Notations.map((a1) => rangeFromA1(this[CTX], this.#host, String(a1))));
  }

  /** From A1 to the last row and column with content (A1 alone on an empty tab). */
  getDataRange(): FakeRange {
    return this.#dataRange();
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

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    return this.#insertColumns(afterPosition + 1, howMany);
  }

  insertColumnBefore(beforePosition: number): FakeSheet {
    return this.#insertColumns(beforePosition, 1);
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

  /** Google refuses to hide the last visible tab. */
  hideSheet(): FakeSheet {
    const sheets = FakeSpreadsheet.state(this.#spreadsheet).sheets;
    if (!this.#model.hidden && sheets.filter((sheet) => !sheet.hidden).length === 1) this[CTX].fail("You can't hide all the sheets in a document.");
    this.#model.hidden = true;
    this[CTX].changed();
    return this;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.#checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.#model.hiddenColumns.add(c);
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

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.#checkColumns(columnPosition, 1);
    this.#model.columnWidths.set(columnPosition, width);
    this[CTX].changed();
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.#checkColumns(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#model.columnWidths.set(c, width);
    this[CTX].changed();
    return this;
  }

  /** Removes values, formulas and formatting. */
  clear(): FakeSheet {
    this.#model.rows = [];
    this.#model.touchLayout();
    this[CTX].changed();
    return this;
  }

  protect(): FakeProtection {
    return new FakeProtection(this[CTX], this.#host.protections, PROTECTION_TYPE.SHEET, this, () => this.#dataRange());
  }

  /** Moves the columns of `columnSpec` to before `destinationIndex` (counted before the move). */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    if (!(columnSpec instanceof FakeRange) || FakeRange.hostOf(columnSpec).model !== this.#model) this[CTX].fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.moveColumns.");
    if (!Number.isInteger(destinationIndex) || destinationIndex < 1 || destinationIndex > this.#model.maxColumns + 1) this[CTX].fail('Those columns are out of bounds.');
    this.#model.moveColumns(columnSpec.getColumn(), columnSpec.getNumColumns(), destinationIndex);
    this[CTX].changed();
  }

  getColumnGroupDepth(columnIndex: number): number {
    this.#checkColumns(columnIndex, 1);
    return this.#model.columnDepth.get(columnIndex) ?? 0;
  }

  /** The group of this depth that holds the column, or null. */
  getColumnGroup(columnIndex: number, groupDepth: number): FakeGroup | null {
    this.#checkColumns(columnIndex, 1);
    const group = this.#model.columnGroups().find((g) => g.depth === groupDepth && columnIndex >= g.first && columnIndex < g.first + g.count);
    return group ? new FakeGroup(this[CTX], this, this.#model, group.first, group.depth) : null;
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || !rules.every((rule) => rule instanceof FakeConditionalFormatRule)) {
      this[CTX].fail(`The parameters (${Array.isArray(rules) ? 'Object[]' : typeName(rules)}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`);
    }
    for (const old of this.#model.conditionalFormats) for (const anchor of old.ranges) this.#model.anchors.delete(anchor);
    this.#model.conditionalFormats = rules.map((rule) => {
      const draft = FakeConditionalFormatRule.draft(rule);
      if (!draft.condition) return this[CTX].fail('A conditional format rule needs a condition (e.g. whenFormulaSatisfied).');
      if (draft.ranges.length === 0) return this[CTX].fail('A conditional format rule needs at least one range (setRanges).');
      return { ranges: draft.ranges.map((range) => FakeRange.anchor(range)), condition: { ...draft.condition, values: [...draft.condition.values] }, format: { ...draft.format } };
    });
    this[CTX].changed();
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this[CTX].out(this.#model.conditionalFormats.map((rule) => new FakeConditionalFormatRule(this[CTX], {
      ranges: rule.ranges.filter((a) => a.numRows > 0 && a.numColumns > 0).map((anchor) => rangeOfAnchor(this[CTX], this.#host, anchor)),
      condition: rule.condition,
      format: rule.format,
    })));
  }

  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this[CTX], this.#chartHost());
  }

  insertChart(chart: FakeEmbeddedChart): void {
    if (!isChart(chart)) this[CTX].fail(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.insertChart.`);
    const json = FakeEmbeddedChart.json(chart);
    if (this.#model.charts.some((c) => c.id === json.id)) this[CTX].fail('This chart is already on the sheet; use updateChart.');
    this.#model.charts.push(json);
    this[CTX].changed();
  }

  updateChart(chart: FakeEmbeddedChart): void {
    if (!isChart(chart)) this[CTX].fail(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.updateChart.`);
    const json = FakeEmbeddedChart.json(chart);
    const at = this.#model.charts.findIndex((c) => c.id === json.id);
    if (at < 0) this[CTX].fail('The chart is not on this sheet.');
    this.#model.charts[at] = json;
    this[CTX].changed();
  }

  removeChart(chart: FakeEmbeddedChart): void {
    if (!isChart(chart)) this[CTX].fail(`The parameters (${typeName(chart)}) don't match the method signature for SpreadsheetApp.Sheet.removeChart.`);
    const id = FakeEmbeddedChart.json(chart).id;
    const at = this.#model.charts.findIndex((c) => c.id === id);
    if (at >= 0) this.#model.charts.splice(at, 1);
    this[CTX].changed();
  }

  getCharts(): FakeEmbeddedChart[] {
    return this[CTX].out(this.#model.charts.map((json) => new FakeEmbeddedChart(this[CTX], this.#chartHost(), { ...json, ranges: json.ranges, options: { ...json.options } })));
  }

  #chartHost(): ChartHost {
    const spreadsheet = this.#spreadsheet;
    return {
      anchorOf: (range) => FakeRange.anchor(range),
      rangeOf: (anchor: Anchor) => {
        const model = FakeSpreadsheet.state(spreadsheet).sheets.find((sheet) => sheet.anchors.has(anchor));
        if (!model) return this[CTX].fail('The chart’s data range was deleted.');
        return rangeOfAnchor(this[CTX], FakeSheet.host(FakeSpreadsheet.wrapperFor(spreadsheet, model)), anchor);
      },
    };
  }

  getProtections(type: string): FakeProtection[] {
    const all = this.#host.protections;
    return this[CTX].out(all.filter((p) => p.getProtectionType() === type && FakeProtection.sheetOf(p) === this));
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

  #dataRange(): FakeRange {
    return newRange(this[CTX], this.#host, 1, 1, Math.max(1, this.#model.lastRow()), Math.max(1, this.#model.lastColumn()));
  }

  #checkColumns(start: number, count: number): void {
    if (start < 1 || count < 1 || start + count - 1 > this.#model.maxColumns) this[CTX].fail('Those columns are out of bounds.');
  }
}

/** RangeList: the same change to several ranges in one call. */
export class FakeRangeList {
  readonly [CTX]: FakeContext;
  readonly #ranges: FakeRange[];

  constructor(context: FakeContext, ranges: FakeRange[]) {
    this[CTX] = context;
    this.#ranges = ranges;
  }

  getRanges(): FakeRange[] {
    return this[CTX].out([...this.#ranges]);
  }

  setNumberFormat(numberFormat: string): FakeRangeList {
    this[CTX].uncounted(() => this.#ranges.forEach((range) => range.setNumberFormat(numberFormat)));
    return this;
  }
}

/** A column group: collapsing it hides its columns, expanding shows them. */
export class FakeGroup {
  readonly [CTX]: FakeContext;
  readonly #sheet: FakeSheet;
  readonly #model: SheetModel;
  readonly #first: number;
  readonly #depth: number;

  constructor(context: FakeContext, sheet: FakeSheet, model: SheetModel, first: number, depth: number) {
    this[CTX] = context;
    this.#sheet = sheet;
    this.#model = model;
    this.#first = first;
    this.#depth = depth;
  }

  #current() {
    const group = this.#model.columnGroups().find((g) => g.depth === this.#depth && g.first === this.#first);
    if (!group) return this[CTX].fail('The group no longer exists.');
    return group;
  }

  getRange(): FakeRange {
    const { first, count } = this.#current();
    return this.#sheet.getRange(1, first, this.#model.maxRows, count);
  }

  isCollapsed(): boolean {
    return this.#current().collapsed;
  }

  collapse(): FakeGroup {
    const { first, count } = this.#current();
    this.#model.collapsedGroups.add(`${first}:${this.#depth}`);
    for (let c = first; c < first + count; c++) this.#model.hiddenColumns.add(c);
    this[CTX].changed();
    return this;
  }

  remove(): void {
    const { first, count } = this.#current();
    this.#model.collapsedGroups.delete(`${first}:${this.#depth}`);
    for (let c = first; c < first + count; c++) {
      const depth = (this.#model.columnDepth.get(c) ?? 1) - 1;
      if (depth <= 0) this.#model.columnDepth.delete(c);
      else this.#model.columnDepth.set(c, depth);
    }
    this[CTX].changed();
  }
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeGroup, 'Group', contextOf);
countCalls(FakeSpreadsheetApp, 'SpreadsheetApp', contextOf);
countCalls(FakeSpreadsheet, 'Spreadsheet', contextOf);
countCalls(FakeSheet, 'Sheet', contextOf);
countCalls(FakeRangeList, 'RangeList', contextOf);
