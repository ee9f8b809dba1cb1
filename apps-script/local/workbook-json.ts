import * as z from 'zod';
import { formatA1, parseA1 } from '../../shared/a1-notation.ts';
import { cellToTyped, typeText, type CellJson, type Typing } from './cell-text.ts';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel } from './workbook-model.ts';
import type { TriggerJson } from './fake-script-app.ts';

/**
 * The local sheet's file: `sheets` maps each tab (in tab order) to its rows, cut to the last row
 * and column with content. A cell is what a person would type to get its value back — literal text
 * that would be read as something else gets a leading apostrophe, formulas keep their `=`, dates
 * are "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss" (UTC) — and numbers and booleans are JSON values.
 * The other keys are optional and only written when they say something.
 * (A tab named like a whole number would be reordered by JSON objects; avoid such names.)
 */
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const propertiesSchema = z.record(z.string(), z.string());

const otherSpreadsheetSchema = z.object({ id: z.string(), name: z.string(), sheets: z.record(z.string(), z.array(z.array(cellSchema))), sizes: z.record(z.string(), z.object({ rows: z.number().int().positive(), columns: z.number().int().positive() })).optional() });

export const workbookJsonSchema = z.object({
  /** the spreadsheet's time zone: dates in `sheets` are wall times there */
  timeZone: z.string().optional(),
  sheets: z.record(z.string(), z.array(z.array(cellSchema))),
  /** script properties */
  properties: propertiesSchema.optional(),
  documentProperties: propertiesSchema.optional(),
  userProperties: propertiesSchema.optional(),
  /** 1-based column numbers per tab */
  hiddenColumns: z.record(z.string(), z.array(z.number().int().positive())).optional(),
  frozenRows: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** tabs hidden from people (Sheet.hideSheet) */
  hiddenSheets: z.array(z.string()).optional(),
  /** rows and columns of a tab, when not the default (at least 1000 × 26 and enough for the data) */
  sizes: z.record(z.string(), z.object({ rows: z.number().int().positive(), columns: z.number().int().positive() })).optional(),
  /** per tab, A1 range → number format, e.g. { "Contacts": { "C2:C1000": "@" } } */
  numberFormats: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** spreadsheets the script created (archives), each with its tabs */
  spreadsheets: z.array(otherSpreadsheetSchema).optional(),
  triggers: z
    .array(
      z.object({
        id: z.string(),
        handlerFunction: z.string(),
        eventType: z.enum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE']),
        source: z.enum(['CLOCK', 'SPREADSHEETS']),
        schedule: z
          .object({
            everyMinutes: z.number().optional(),
            everyHours: z.number().optional(),
            everyDays: z.number().optional(),
            everyWeeks: z.number().optional(),
            atHour: z.number().optional(),
            nearMinute: z.number().optional(),
            onWeekDay: z.string().optional(),
            inTimezone: z.string().optional(),
            at: z.string().optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export type WorkbookJson = z.infer<typeof workbookJsonSchema>;

export interface WorkbookParts {
  sheets: SheetModel[];
  properties: { script: Map<string, string>; document: Map<string, string>; user: Map<string, string> };
  triggers: TriggerJson[];
  /** other spreadsheets the script made and can open by id */
  spreadsheets?: { id: string; name: string; sheets: SheetModel[] }[];
}

/** Builds the tabs, properties and triggers a workbook file describes. Throws on a malformed file. */
export function workbookFromJson(input: unknown, typing: Typing): WorkbookParts {
  const json = workbookJsonSchema.parse(input);
  const sheets = sheetsFromJson(json, typing);
  return {
    sheets,
    properties: {
      script: new Map(Object.entries(json.properties ?? {})),
      document: new Map(Object.entries(json.documentProperties ?? {})),
      user: new Map(Object.entries(json.userProperties ?? {})),
    },
    triggers: (json.triggers ?? []).map((trigger) => ({ ...trigger })),
    spreadsheets: (json.spreadsheets ?? []).map((other) => ({ id: other.id, name: other.name, sheets: sheetsFromJson(other, typing) })),
  };
}

function sheetsFromJson(json: Pick<WorkbookJson, 'sheets' | 'sizes' | 'hiddenColumns' | 'frozenRows' | 'hiddenSheets' | 'numberFormats'>, typing: Typing): SheetModel[] {
  return Object.entries(json.sheets).map(([name, rows], index) => {
    const dataColumns = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const size = json.sizes?.[name];
    const sheet = new SheetModel(
      name,
      index === 0 ? 0 : 1_000_000 + index,
      Math.max(size?.rows ?? DEFAULT_ROWS, rows.length),
      Math.max(size?.columns ?? DEFAULT_COLUMNS, dataColumns),
    );
    rows.forEach((row, r) => row.forEach((cell, c) => writeTyped(sheet, r + 1, c + 1, cell, typing)));
    for (const column of json.hiddenColumns?.[name] ?? []) sheet.hiddenColumns.add(column);
    sheet.frozenRows = json.frozenRows?.[name] ?? 0;
    sheet.hidden = json.hiddenSheets?.includes(name) ?? false;
    for (const [a1, format] of Object.entries(json.numberFormats?.[name] ?? {})) applyNumberFormat(sheet, a1, format);
    return sheet;
  });
}

function writeTyped(sheet: SheetModel, row: number, column: number, cell: CellJson, typing: Typing): void {
  if (cell === null || cell === '') return;
  const typed = typeof cell === 'string' ? typeText(cell, typing) : { value: cell };
  Object.assign(sheet.cellForWrite(row, column), typed);
}

function applyNumberFormat(sheet: SheetModel, a1: string, format: string): void {
  const range = parseA1(a1);
  if (!range) throw new Error(`numberFormats: "${a1}" is not A1 notation`);
  for (let r = range.row; r <= (range.lastRow ?? range.row); r++) {
    for (let c = range.column; c <= (range.lastColumn ?? range.column); c++) (sheet.cellForWrite(r, c).style ??= {}).numberFormat = format;
  }
}

export function workbookToJson(parts: WorkbookParts, typing: Typing, timeZone: string): WorkbookJson {
  const json: WorkbookJson = { timeZone, sheets: {} };
  sheetsToJson(json, parts.sheets, typing);
  const stores = { properties: parts.properties.script, documentProperties: parts.properties.document, userProperties: parts.properties.user };
  for (const [key, store] of Object.entries(stores)) if (store.size > 0) json[key as keyof typeof stores] = Object.fromEntries(store);
  if (parts.spreadsheets?.length) {
    json.spreadsheets = parts.spreadsheets.map((other) => {
      const out: WorkbookJson = { sheets: {} };
      sheetsToJson(out, other.sheets, typing);
      return { id: other.id, name: other.name, sheets: out.sheets, ...(out.sizes ? { sizes: out.sizes } : {}) };
    });
  }
  if (parts.triggers.length > 0) json.triggers = parts.triggers.map((trigger) => ({ ...trigger }));
  return json;
}

function sheetsToJson(json: WorkbookJson, sheets: SheetModel[], typing: Typing): void {
  for (const sheet of sheets) {
    const lastRow = sheet.lastRow();
    const lastColumn = sheet.lastColumn();
    json.sheets[sheet.name] = Array.from({ length: lastRow }, (_, r) =>
      Array.from({ length: lastColumn }, (_, c) => {
        const cell = sheet.cell(r + 1, c + 1);
        return cell ? cellToTyped(cell, typing) : '';
      }),
    );
    if (sheet.maxRows !== Math.max(DEFAULT_ROWS, lastRow) || sheet.maxColumns !== Math.max(DEFAULT_COLUMNS, lastColumn)) {
      (json.sizes ??= {})[sheet.name] = { rows: sheet.maxRows, columns: sheet.maxColumns };
    }
    if (sheet.hiddenColumns.size > 0) (json.hiddenColumns ??= {})[sheet.name] = [...sheet.hiddenColumns].sort((a, b) => a - b);
    if (sheet.frozenRows > 0) (json.frozenRows ??= {})[sheet.name] = sheet.frozenRows;
    if (sheet.hidden) (json.hiddenSheets ??= []).push(sheet.name);
    const formats = numberFormatRuns(sheet);
    if (Object.keys(formats).length > 0) (json.numberFormats ??= {})[sheet.name] = formats;
  }
}

/** Number formats as vertical runs per column ("C2:C1000": "@"), which is how scripts set them. */
function numberFormatRuns(sheet: SheetModel): Record<string, string> {
  const runs: Record<string, string> = {};
  const columns = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  for (let c = 1; c <= columns; c++) {
    let start = 0;
    let format: string | undefined;
    for (let r = 1; r <= sheet.rows.length + 1; r++) {
      const here = r <= sheet.rows.length ? sheet.cell(r, c)?.style?.numberFormat : undefined;
      if (here === format) continue;
      if (format !== undefined) runs[formatA1(start, c, r - start, 1)] = format;
      start = r;
      format = here;
    }
  }
  return runs;
}

/** The file's text: one line per row, so diffs and hand edits stay readable. */
export function formatWorkbookJson(json: WorkbookJson): string {
  const lines = ['{'];
  const entries = Object.entries(json).filter(([, value]) => value !== undefined);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (key !== 'sheets') {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
      return;
    }
    const tabs = Object.entries(json.sheets);
    lines.push('  "sheets": {');
    tabs.forEach(([name, rows], t) => {
      const tabComma = t < tabs.length - 1 ? ',' : '';
      if (rows.length === 0) lines.push(`    ${JSON.stringify(name)}: []${tabComma}`);
      else lines.push(`    ${JSON.stringify(name)}: [`, ...rows.map((row, r) => `      ${JSON.stringify(row)}${r < rows.length - 1 ? ',' : ''}`), `    ]${tabComma}`);
    });
    lines.push(`  }${comma}`);
  });
  lines.push('}', '');
  return lines.join('\n');
}
