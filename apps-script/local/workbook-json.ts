import * as z from 'zod';
import { columnLetters, formatA1, parseA1 } from '../../shared/a1-notation.ts';
import { cellToTyped, typeText, type CellJson, type Typing } from './cell-text.ts';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel, type Anchor, type ValidationJson } from './workbook-model.ts';
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
  /** per tab, 1-based column → width in pixels, where set */
  columnWidths: z.record(z.string(), z.record(z.string(), z.number().positive())).optional(),
  /** tabs hidden from people (Sheet.hideSheet) */
  hiddenSheets: z.array(z.string()).optional(),
  /** rows and columns of a tab, when not the default (at least 1000 × 26 and enough for the data) */
  sizes: z.record(z.string(), z.object({ rows: z.number().int().positive(), columns: z.number().int().positive() })).optional(),
  /** per tab, A1 range → number format, e.g. { "Contacts": { "C2:C1000": "@" } } */
  numberFormats: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** spreadsheets the script created (archives), each with its tabs */
  spreadsheets: z.array(otherSpreadsheetSchema).optional(),
  /** per tab, A1 range → data validation rule */
  validations: z.record(z.string(), z.record(z.string(), z.object({ type: z.string(), values: z.array(z.unknown()), allowInvalid: z.boolean(), helpText: z.string().optional() }))).optional(),
  /** per tab, the conditional format rules in order */
  conditionalFormats: z.record(z.string(), z.array(z.object({
    ranges: z.array(z.string()),
    condition: z.object({ type: z.string(), values: z.array(z.unknown()) }),
    format: z.object({ background: z.string().optional(), fontColor: z.string().optional(), bold: z.boolean().optional() }),
  }))).optional(),
  /** per tab, column groups: first column, columns, depth, collapsed */
  columnGroups: z.record(z.string(), z.array(z.object({ first: z.number().int().positive(), count: z.number().int().positive(), depth: z.number().int().positive(), collapsed: z.boolean() }))).optional(),
  /** per tab, embedded charts; ranges name their tab ('Dashboard'!A1:B13) */
  charts: z.record(z.string(), z.array(z.object({
    id: z.string(),
    type: z.string(),
    ranges: z.array(z.string()),
    position: z.object({ row: z.number(), column: z.number(), offsetX: z.number(), offsetY: z.number() }),
    options: z.record(z.string(), z.unknown()),
  }))).optional(),
  /** protected ranges (A1 on their tab, or none for a whole tab) */
  protections: z.array(z.object({ tab: z.string(), range: z.string().optional(), description: z.string(), warningOnly: z.boolean() })).optional(),
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

export interface ProtectionSpec {
  tab: string;
  /** the anchored block; none for a whole tab */
  anchor?: Anchor;
  description: string;
  warningOnly: boolean;
}

export interface WorkbookParts {
  sheets: SheetModel[];
  properties: { script: Map<string, string>; document: Map<string, string>; user: Map<string, string> };
  triggers: TriggerJson[];
  /** other spreadsheets the script made and can open by id */
  spreadsheets?: { id: string; name: string; sheets: SheetModel[] }[];
  /** saved protections, made into Protection objects by the spreadsheet */
  protections?: ProtectionSpec[];
}

/** Builds the tabs, properties and triggers a workbook file describes. Throws on a malformed file. */
export function workbookFromJson(input: unknown, typing: Typing): WorkbookParts {
  const json = workbookJsonSchema.parse(input);
  const sheets = sheetsFromJson(json, typing);
  const protections = (json.protections ?? []).map((p): ProtectionSpec => ({ tab: p.tab, description: p.description, warningOnly: p.warningOnly, ...(p.range ? { anchor: anchorOn(sheets, p.tab, p.range) } : {}) }));
  return {
    protections,
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

type SheetsJson = Pick<WorkbookJson, 'sheets' | 'sizes' | 'hiddenColumns' | 'columnWidths' | 'frozenRows' | 'hiddenSheets' | 'numberFormats' | 'validations' | 'columnGroups' | 'conditionalFormats' | 'charts'>;

function sheetsFromJson(json: SheetsJson, typing: Typing): SheetModel[] {
  const sheets = Object.entries(json.sheets).map(([name, rows], index) => {
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
    for (const [column, width] of Object.entries(json.columnWidths?.[name] ?? {})) sheet.columnWidths.set(Number(column), width);
    sheet.frozenRows = json.frozenRows?.[name] ?? 0;
    sheet.hidden = json.hiddenSheets?.includes(name) ?? false;
    for (const [a1, format] of Object.entries(json.numberFormats?.[name] ?? {})) applyNumberFormat(sheet, a1, format);
    for (const [a1, rule] of Object.entries(json.validations?.[name] ?? {})) forEachCell(a1, (r, c) => (sheet.cellForWrite(r, c).validation = rule as ValidationJson));
    for (const group of json.columnGroups?.[name] ?? []) {
      for (let c = group.first; c < group.first + group.count; c++) sheet.columnDepth.set(c, Math.max(sheet.columnDepth.get(c) ?? 0, group.depth));
      if (group.collapsed) sheet.collapsedGroups.add(`${group.first}:${group.depth}`);
    }
    return sheet;
  });
  for (const sheet of sheets) {
    sheet.conditionalFormats = (json.conditionalFormats?.[sheet.name] ?? []).map((rule) => ({ ...rule, ranges: rule.ranges.map((a1) => anchorOn(sheets, sheet.name, a1)) }));
    sheet.charts = (json.charts?.[sheet.name] ?? []).map((chart) => ({ ...chart, ranges: chart.ranges.map((a1) => anchorOn(sheets, sheet.name, a1)) }));
  }
  return sheets;
}

/** An A1 range ('Tab'!A1:B2, or on `tab`) as an anchor of its tab. */
function anchorOn(sheets: SheetModel[], tab: string, a1: string): Anchor {
  const range = parseA1(a1);
  const sheet = sheets.find((s) => s.name === (range?.sheetName ?? tab));
  if (!range || !sheet) throw new Error(`"${a1}" names no range of this workbook`);
  const wholeColumns = range.lastRow === undefined && range.row === 1;
  return sheet.anchor({ row: range.row, column: range.column, numRows: (range.lastRow ?? sheet.maxRows) - range.row + 1, numColumns: (range.lastColumn ?? sheet.maxColumns) - range.column + 1, ...(wholeColumns ? { wholeColumns } : {}) });
}

function writeTyped(sheet: SheetModel, row: number, column: number, cell: CellJson, typing: Typing): void {
  if (cell === null || cell === '') return;
  const typed = typeof cell === 'string' ? typeText(cell, typing) : { value: cell };
  Object.assign(sheet.cellForWrite(row, column), typed);
}

function applyNumberFormat(sheet: SheetModel, a1: string, format: string): void {
  forEachCell(a1, (r, c) => ((sheet.cellForWrite(r, c).style ??= {}).numberFormat = format));
}

function forEachCell(a1: string, visit: (row: number, column: number) => void): void {
  const range = parseA1(a1);
  if (!range) throw new Error(`"${a1}" is not A1 notation`);
  for (let r = range.row; r <= (range.lastRow ?? range.row); r++) for (let c = range.column; c <= (range.lastColumn ?? range.column); c++) visit(r, c);
}

/** An anchor as A1 ("C:E" for whole columns), with its tab's name when it is on another tab than `tab`. */
function anchorA1(sheets: SheetModel[], anchor: Anchor, tab?: string): string {
  const sheet = sheets.find((s) => s.anchors.has(anchor));
  if (!sheet || anchor.numRows < 1 || anchor.numColumns < 1) return '';
  const [first, last] = [columnLetters(anchor.column), columnLetters(anchor.column + anchor.numColumns - 1)];
  const a1 = anchor.wholeColumns ? `${first}:${last}` : formatA1(anchor.row, anchor.column, anchor.numRows, anchor.numColumns);
  return sheet.name === tab ? a1 : `'${sheet.name.replace(/'/g, "''")}'!${a1}`;
}

export function workbookToJson(parts: WorkbookParts, typing: Typing, timeZone: string): WorkbookJson {
  const json: WorkbookJson = { timeZone, sheets: {} };
  sheetsToJson(json, parts.sheets, typing);
  const protections = (parts.protections ?? []).filter((p) => !p.anchor || (p.anchor.numRows > 0 && p.anchor.numColumns > 0));
  if (protections.length > 0) json.protections = protections.map((p) => ({ tab: p.tab, ...(p.anchor ? { range: anchorA1(parts.sheets, p.anchor, p.tab) } : {}), description: p.description, warningOnly: p.warningOnly }));
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
    if (sheet.columnWidths.size > 0) (json.columnWidths ??= {})[sheet.name] = Object.fromEntries([...sheet.columnWidths].sort(([a], [b]) => a - b).map(([c, w]) => [String(c), w]));
    if (sheet.frozenRows > 0) (json.frozenRows ??= {})[sheet.name] = sheet.frozenRows;
    if (sheet.hidden) (json.hiddenSheets ??= []).push(sheet.name);
    const formats = numberFormatRuns(sheet);
    if (Object.keys(formats).length > 0) (json.numberFormats ??= {})[sheet.name] = formats;
    const validations = columnRuns(sheet, (cell) => cell?.validation);
    if (Object.keys(validations).length > 0) (json.validations ??= {})[sheet.name] = validations;
    const groups = sheet.columnGroups();
    if (groups.length > 0) (json.columnGroups ??= {})[sheet.name] = groups;
    const rules = sheet.conditionalFormats.map((rule) => ({ ...rule, ranges: rule.ranges.map((a) => anchorA1(sheets, a, sheet.name)).filter(Boolean) })).filter((rule) => rule.ranges.length > 0);
    if (rules.length > 0) (json.conditionalFormats ??= {})[sheet.name] = rules;
    const charts = sheet.charts.map((chart) => ({ ...chart, ranges: chart.ranges.map((a) => anchorA1(sheets, a, sheet.name)).filter(Boolean) }));
    if (charts.length > 0) (json.charts ??= {})[sheet.name] = charts;
  }
}

/** Number formats as vertical runs per column ("C2:C1000": "@"), which is how scripts set them. */
const numberFormatRuns = (sheet: SheetModel): Record<string, string> => columnRuns(sheet, (cell) => cell?.style?.numberFormat);

/** Equal things per cell as vertical runs per column, keyed by A1. */
function columnRuns<T>(sheet: SheetModel, of: (cell: ReturnType<SheetModel['cell']>) => T | undefined): Record<string, T> {
  const runs: Record<string, T> = {};
  const columns = sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const key = (value: T | undefined) => (value === undefined ? undefined : typeof value === 'object' ? JSON.stringify(value) : String(value));
  for (let c = 1; c <= columns; c++) {
    let start = 0;
    let current: T | undefined;
    for (let r = 1; r <= sheet.rows.length + 1; r++) {
      const here = r <= sheet.rows.length ? of(sheet.cell(r, c)) : undefined;
      if (key(here) === key(current)) continue;
      if (current !== undefined) runs[formatA1(start, c, r - start, 1)] = current;
      start = r;
      current = here;
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
