import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cellToTyped, typeText, type Typing } from './cell-text.ts';
import { formatWorkbookJson, workbookFromJson, workbookToJson, type WorkbookJson, type WorkbookParts } from './workbook-json.ts';
import { latestStamp, SheetModel, type CellStyle, type ValidationJson } from './workbook-model.ts';
import { writeFileDurably } from './persist.ts';

/**
 * Saving the local sheet in proportion to what changed. After a request, only the rows that
 * changed (and, when tabs were added, resized or rows moved, the tabs' layout or whole tab) are
 * appended to a journal beside the workbook file, flushed to disk before the answer goes out.
 * The journal is folded into the workbook file when it grows large, when the sheet stops, and
 * when it starts again — so a crash never loses an acknowledged change, and a sync into 50,000
 * contacts does not rewrite 25 MB.
 */
type Entry =
  | { t: 'meta'; meta: Meta }
  | { t: 'rows'; sheet: string; rows: Record<string, RowSnapshot> }
  | { t: 'tab'; sheet: string; rows: RowSnapshot[] };

interface Meta {
  sheets: { name: string; id: number; maxRows: number; maxColumns: number; hiddenColumns: number[]; frozenRows: number; frozenColumns: number; hidden: boolean }[];
  properties: Record<'script' | 'document' | 'user', Record<string, string>>;
  triggers: unknown[];
}

/** A row as typed text (numbers and booleans as JSON values), its cells' formatting and validation. */
interface RowSnapshot {
  c: (string | number | boolean)[];
  s?: Record<string, CellStyle>;
  v?: Record<string, ValidationJson>;
}

/** Fold the journal into the workbook file once it is this large. */
const COMPACT_BYTES = 32 * 1024 * 1024;

export class WorkbookJournal {
  readonly #file: string;
  readonly #journal: string;
  #savedStamp = latestStamp();
  #savedMeta = '';
  #savedOthers = '';
  #savedDecor = '';
  readonly #savedLayouts = new WeakMap<SheetModel, number>();

  constructor(
    file: string,
    private readonly parts: () => WorkbookParts,
    private readonly typing: Typing,
    private readonly timeZone: string,
  ) {
    this.#file = file;
    this.#journal = `${file}.journal`;
    this.#remember();
  }

  /** Makes what changed since the last save durable: appended to the journal, or the whole file rewritten. */
  save(): void {
    const parts = this.parts();
    const entries: Entry[] = [];
    const meta = JSON.stringify(metaOf(parts));
    if (meta !== this.#savedMeta) entries.push({ t: 'meta', meta: JSON.parse(meta) as Meta });
    for (const sheet of parts.sheets) {
      if (this.#savedLayouts.get(sheet) !== sheet.layoutStamp) {
        entries.push({ t: 'tab', sheet: sheet.name, rows: sheet.rows.map((_, r) => this.#row(sheet, r)) });
        continue;
      }
      const rows: Record<string, RowSnapshot> = {};
      sheet.rowStamps.forEach((stamp, r) => {
        if (stamp > this.#savedStamp) rows[r] = this.#row(sheet, r);
      });
      if (Object.keys(rows).length > 0) entries.push({ t: 'rows', sheet: sheet.name, rows });
    }
    // Other spreadsheets (archives the script made) change rarely: then the whole file is written.
    const othersChanged = (parts.spreadsheets ?? []).some((other) => other.sheets.some((sheet) => sheet.layoutStamp > this.#savedStamp || sheet.rowStamps.some((stamp) => stamp > this.#savedStamp)));
    if (othersChanged || this.#savedOthers !== othersOf(parts) || this.#savedDecor !== decorOf(parts)) return this.compact();
    if (entries.length === 0) return;
    if (!existsSync(this.#file) || (existsSync(this.#journal) && statSync(this.#journal).size > COMPACT_BYTES)) return this.compact();
    const fd = openSync(this.#journal, 'a');
    try {
      appendFileSync(fd, entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#remember();
  }

  /** Writes the whole workbook file and drops the journal. */
  compact(): void {
    writeFileDurably(this.#file, formatWorkbookJson(workbookToJson(this.parts(), this.typing, this.timeZone)));
    rmSync(this.#journal, { force: true });
    this.#remember();
  }

  #remember(): void {
    const parts = this.parts();
    this.#savedStamp = latestStamp();
    this.#savedMeta = JSON.stringify(metaOf(parts));
    this.#savedOthers = othersOf(parts);
    this.#savedDecor = decorOf(parts);
    for (const sheet of parts.sheets) this.#savedLayouts.set(sheet, sheet.layoutStamp);
  }

  #row(sheet: SheetModel, r: number): RowSnapshot {
    const cells = sheet.rows[r] ?? [];
    const snapshot: RowSnapshot = { c: Array.from(cells, (cell) => (cell ? cellToTyped(cell, this.typing) : '')) };
    cells.forEach((cell, c) => {
      if (cell?.style) (snapshot.s ??= {})[c] = { ...cell.style };
      if (cell?.validation) (snapshot.v ??= {})[c] = cell.validation;
    });
    return snapshot;
  }
}

/** What the journal does not record (rare changes, made by set-up): when it changes, the whole file is written. */
const decorOf = (parts: WorkbookParts) =>
  JSON.stringify([
    parts.sheets
      .map((sheet) => [sheet.name, sheet.validationStamp, sheet.conditionalFormats, sheet.charts, sheet.columnGroups(), [...sheet.columnWidths]] as const)
      .filter(([, validations, rules, charts, groups, widths]) => validations + rules.length + charts.length + groups.length + widths.length > 0),
    parts.protections ?? [],
  ]);

const othersOf = (parts: WorkbookParts) => JSON.stringify((parts.spreadsheets ?? []).map((other) => [other.id, other.name, other.sheets.map((sheet) => [sheet.name, sheet.maxRows, sheet.maxColumns])]));

function metaOf(parts: WorkbookParts): Meta {
  return {
    sheets: parts.sheets.map((s) => ({ name: s.name, id: s.id, maxRows: s.maxRows, maxColumns: s.maxColumns, hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b), frozenRows: s.frozenRows, frozenColumns: s.frozenColumns, hidden: s.hidden })),
    properties: { script: Object.fromEntries(parts.properties.script), document: Object.fromEntries(parts.properties.document), user: Object.fromEntries(parts.properties.user) },
    triggers: parts.triggers,
  };
}

/**
 * The workbook file with its journal replayed onto it, or undefined when there is neither. `base`
 * is the file as read and checked by the caller; `typingFor` gives the typing of its time zone.
 */
export function readJournaledWorkbook(file: string, base: WorkbookJson | undefined, typingFor: (timeZone: string | undefined) => Typing): { parts: WorkbookParts; timeZone: string | undefined } | undefined {
  const journal = `${file}.journal`;
  if (!base && !existsSync(journal)) return undefined;
  const typing = typingFor(base?.timeZone);
  const parts = workbookFromJson(base ?? { sheets: {} }, typing);
  if (!existsSync(journal)) return { parts, timeZone: base?.timeZone };
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    // A line cut short by a crash was never acknowledged: stop there.
    if (line.trim() === '') continue;
    let entry: Entry;
    try {
      entry = JSON.parse(line) as Entry;
    } catch {
      break;
    }
    replay(parts, entry, typing);
  }
  return { parts, timeZone: base?.timeZone };
}

function replay(parts: WorkbookParts, entry: Entry, typing: Typing): void {
  if (entry.t === 'meta') {
    const byName = new Map(parts.sheets.map((sheet) => [sheet.name, sheet]));
    parts.sheets.splice(0, parts.sheets.length, ...entry.meta.sheets.map((m) => {
      const sheet = byName.get(m.name) ?? new SheetModel(m.name, m.id);
      Object.assign(sheet, { maxRows: m.maxRows, maxColumns: m.maxColumns, frozenRows: m.frozenRows, frozenColumns: m.frozenColumns, hidden: m.hidden, hiddenColumns: new Set(m.hiddenColumns) });
      return sheet;
    }));
    for (const kind of ['script', 'document', 'user'] as const) {
      parts.properties[kind].clear();
      for (const [key, value] of Object.entries(entry.meta.properties[kind])) parts.properties[kind].set(key, value);
    }
    parts.triggers.splice(0, parts.triggers.length, ...(entry.meta.triggers as WorkbookParts['triggers']));
    return;
  }
  const sheet = parts.sheets.find((s) => s.name === entry.sheet);
  if (!sheet) return;
  const fill = (r: number, snapshot: RowSnapshot) => {
    sheet.rows[r] = snapshot.c.map((typed, c) => {
      const [style, validation] = [snapshot.s?.[c], snapshot.v?.[c]];
      if (typed === '' && !style && !validation) return undefined;
      return { ...(typeof typed === 'string' ? typeText(typed, typing) : { value: typed }), ...(style ? { style } : {}), ...(validation ? { validation } : {}) };
    });
  };
  if (entry.t === 'tab') {
    sheet.rows = [];
    entry.rows.forEach((snapshot, r) => fill(r, snapshot));
  } else {
    for (const [r, snapshot] of Object.entries(entry.rows)) {
      while (sheet.rows.length <= Number(r)) sheet.rows.push([]);
      fill(Number(r), snapshot);
    }
  }
}
