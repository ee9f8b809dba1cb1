import { parseA1 } from '../../shared/a1-notation.ts';
import { serialOfWall } from '../../shared/calendar.ts';
import { displayText, MAX_CELL_CHARS, PLAIN_TEXT_FORMAT, typeText, type StoredCell } from './cell-text.ts';
import { countCalls, isPlainObject, type FakeContext } from './fake-context.ts';
import { readValue, writeCell } from './fake-range.ts';
import { FakeSpreadsheet } from './fake-spreadsheet.ts';

/**
 * The Sheets advanced service (`Sheets.Spreadsheets.Values`), as far as Rapport uses it:
 * `batchGet` reads several ranges in one call (UNFORMATTED_VALUE gives numbers, booleans and text,
 * date cells as serial numbers; each row is cut after its last non-empty cell and the range after
 * its last non-empty row, and a range with nothing in it has no `values`).
 * `batchUpdate` writes several ranges in one call. As in the API: `valueInputOption` is required;
 * RAW stores strings as text, USER_ENTERED types them like a person; a null cell is skipped
 * (the cell keeps what it holds) and "" empties it; a range must name an existing tab and lie
 * inside its grid; more values than the range holds is an error. Failures are Google's
 * GoogleJsonResponseException messages and nothing is written.
 */
const CTX = Symbol('context');

interface ValueRange {
  range?: string;
  majorDimension?: string;
  values?: unknown[][];
}

export class FakeSheetsApi {
  readonly Spreadsheets: { Values: FakeSheetsValues };

  constructor(context: FakeContext, byId: (id: string) => FakeSpreadsheet | undefined) {
    this.Spreadsheets = { Values: new FakeSheetsValues(context, byId) };
  }
}

export class FakeSheetsValues {
  readonly [CTX]: FakeContext;
  readonly #byId: (id: string) => FakeSpreadsheet | undefined;

  constructor(context: FakeContext, byId: (id: string) => FakeSpreadsheet | undefined) {
    this[CTX] = context;
    this.#byId = byId;
  }

  batchGet(spreadsheetId: string, options: { ranges?: string | string[]; valueRenderOption?: string; dateTimeRenderOption?: string; majorDimension?: string } = {}) {
    const context = this[CTX];
    const fail = (message: string): never => context.fail(`GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: ${message}`);
    const spreadsheet = this.#byId(String(spreadsheetId));
    if (!spreadsheet) return fail('Requested entity was not found.');
    const render = options.valueRenderOption ?? 'FORMATTED_VALUE';
    if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE'].includes(render)) fail(`valueRenderOption ${render} is not modelled`);
    if ((options.dateTimeRenderOption ?? 'SERIAL_NUMBER') !== 'SERIAL_NUMBER') fail('only dateTimeRenderOption SERIAL_NUMBER is modelled');
    if ((options.majorDimension ?? 'ROWS') !== 'ROWS') fail('only majorDimension ROWS is modelled');
    const ranges = options.ranges === undefined ? [] : Array.isArray(options.ranges) ? options.ranges : [options.ranges];
    const state = FakeSpreadsheet.state(spreadsheet);
    let cells = 0;
    const valueRanges = ranges.map((text) => {
      const range = parseA1(String(text));
      const model = range?.sheetName === undefined ? undefined : state.sheets.find((sheet) => sheet.name === range.sheetName);
      if (!range || !model) return fail(`Unable to parse range: ${String(text)}`);
      const lastRow = range.lastRow ?? model.maxRows;
      const lastColumn = range.lastColumn ?? model.maxColumns;
      if (lastRow > model.maxRows || lastColumn > model.maxColumns) fail(`Range (${text}) exceeds grid limits. Max rows: ${model.maxRows}, max columns: ${model.maxColumns}`);
      cells += (lastRow - range.row + 1) * (lastColumn - range.column + 1);
      const rows: (string | number | boolean)[][] = [];
      for (let r = range.row; r <= lastRow; r++) {
        const row: (string | number | boolean)[] = [];
        for (let c = range.column; c <= lastColumn; c++) {
          const cell = model.cell(r, c);
          const value = readValue(context, model, cell);
          row.push(render === 'FORMATTED_VALUE' ? displayText({ value }, context.sheetClock) : value instanceof Date ? serialOfWall(context.sheetClock(value)) : value);
        }
        while (row.length > 0 && row[row.length - 1] === '') row.pop();
        rows.push(row);
      }
      while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
      return { range: String(text), majorDimension: 'ROWS', ...(rows.length > 0 ? { values: rows } : {}) };
    });
    context.countCells('read', cells);
    return context.out({ spreadsheetId, valueRanges });
  }

  batchUpdate(resource: { valueInputOption?: string; data?: ValueRange[] }, spreadsheetId: string) {
    const context = this[CTX];
    const fail = (message: string): never => context.fail(`GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchUpdate failed with error: ${message}`);
    const spreadsheet = this.#byId(String(spreadsheetId));
    if (!spreadsheet) return fail('Requested entity was not found.');
    if (!isPlainObject(resource)) fail('Invalid JSON payload received.');
    const option = resource.valueInputOption ?? '';
    if (option !== 'RAW' && option !== 'USER_ENTERED') fail(option === '' ? "'valueInputOption' is required but not specified" : `Invalid value at 'value_input_option' (${String(option)})`);
    const state = FakeSpreadsheet.state(spreadsheet);
    const writes: Array<() => void> = [];
    let cells = 0;
    for (const [i, block] of (resource.data ?? []).entries()) {
      const range = parseA1(String(block.range ?? ''));
      const model = range?.sheetName === undefined ? undefined : state.sheets.find((sheet) => sheet.name === range.sheetName);
      if (!range || !model) return fail(`Unable to parse range: ${String(block.range)}`);
      if ((block.majorDimension ?? 'ROWS') !== 'ROWS') fail(`data[${i}]: only majorDimension ROWS is modelled`);
      const values = block.values ?? [];
      if (!Array.isArray(values) || !values.every(Array.isArray)) fail(`Invalid value at 'data[${i}].values'`);
      const lastRow = range.lastRow ?? model.maxRows;
      const lastColumn = range.lastColumn ?? model.maxColumns;
      if (lastRow > model.maxRows || lastColumn > model.maxColumns) {
        fail(`Range (${block.range}) exceeds grid limits. Max rows: ${model.maxRows}, max columns: ${model.maxColumns}`);
      }
      if (range.row + values.length - 1 > lastRow) fail(`Requested writing within range [${block.range}], but tried writing to row [${range.row + values.length}]`);
      values.forEach((row, r) => {
        if (range.column + row.length - 1 > lastColumn) fail(`Requested writing within range [${block.range}], but tried writing to column [${range.column + row.length}]`);
        row.forEach((value, c) => {
          if (value === null || value === undefined) return;
          const stored = this.#typed(value, option, model.cell(range.row + r, range.column + c)?.style?.numberFormat, `data[${i}].values[${r}][${c}]`, fail);
          cells++;
          writes.push(() => writeCell(model, range.row + r, range.column + c, stored));
        });
      });
    }
    // Checked first, written after: a bad value leaves every range untouched.
    for (const write of writes) write();
    context.countCells('written', cells);
    if (writes.length > 0) context.changed();
    return context.out({ spreadsheetId, totalUpdatedCells: cells, totalUpdatedSheets: new Set((resource.data ?? []).map((d) => String(d.range).split('!')[0])).size });
  }

  #typed(value: unknown, option: string, format: string | undefined, where: string, fail: (message: string) => never): StoredCell {
    if (typeof value === 'number') return Number.isFinite(value) ? { value } : fail(`Invalid value at '${where}' (${value})`);
    if (typeof value === 'boolean') return { value };
    if (typeof value !== 'string') return fail(`Invalid value at '${where}': struct_value`);
    if (value.length > MAX_CELL_CHARS) fail(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    return option === 'RAW' ? { value } : typeText(value, this[CTX].typing, format === PLAIN_TEXT_FORMAT);
  }
}

countCalls(FakeSheetsValues, 'Sheets.Spreadsheets.Values', (self) => (self as FakeSheetsValues)[CTX]);
