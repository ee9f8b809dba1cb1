import { isEmptyCell, type StoredCell } from './cell-text.ts';

/** Formatting a script may set; recorded so tests can read it back, never changes values. */
export interface CellStyle {
  numberFormat?: string;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  note?: string;
}

/** A data validation rule, as recorded on each cell it covers. */
export interface ValidationJson {
  /** DataValidationCriteria name, e.g. VALUE_IN_LIST */
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

export interface GridCell extends StoredCell {
  style?: CellStyle;
  validation?: ValidationJson;
}

/**
 * A block of cells something refers to (a protection, a conditional format, a chart's data):
 * Google moves it with the cells when rows or columns are inserted, deleted or moved.
 */
export interface Anchor {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** whole columns ("C:E"): every row, however many there come to be */
  wholeColumns?: boolean;
}

export interface ConditionalFormatJson {
  ranges: Anchor[];
  /** BooleanCriteria name and its values, e.g. CUSTOM_FORMULA ["=$A2<TODAY()"] */
  condition: { type: string; values: unknown[] };
  format: { background?: string; fontColor?: string; bold?: boolean };
}

export interface ChartJson {
  id: string;
  type: string;
  ranges: Anchor[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Google's limit for all sheets of a spreadsheet together. */
export const MAX_CELLS = 10_000_000;

/** Grows with every change to any tab: what changed since a save is what carries a later stamp. */
let stamps = 0;

/** The cells and layout of one tab. Rows and columns are 1-based in every method. */
export class SheetModel {
  /** rowStamps[r - 1]: when row r last changed */
  rowStamps: number[] = [];
  /** when rows or columns last moved (inserted, deleted, cleared wholesale) */
  layoutStamp = ++stamps;
  /** grows whenever a data validation rule is set or removed (the journal writes the whole file then) */
  validationStamp = 0;

  /** rows[r - 1][c - 1]; shorter than the sheet where the rest is empty */
  rows: Array<Array<GridCell | undefined>> = [];
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  /** column → how many groups it is in */
  columnDepth = new Map<number, number>();
  /** collapsed column groups, as "first column:depth" */
  collapsedGroups = new Set<string>();
  conditionalFormats: ConditionalFormatJson[] = [];
  charts: ChartJson[] = [];
  /** blocks held by protections, rules and charts, moved with the cells */
  readonly anchors = new Set<Anchor>();

  constructor(
    public name: string,
    readonly id: number,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  cell(row: number, column: number): GridCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell at (row, column), created if missing; the caller then writes into it. */
  cellForWrite(row: number, column: number): GridCell {
    while (this.rows.length < row) this.rows.push([]);
    const cells = this.rows[row - 1];
    this.touch(row);
    return (cells[column - 1] ??= { value: '' });
  }

  /** Notes that a row changed (for saving only what changed). */
  touch(row: number): void {
    this.rowStamps[row - 1] = ++stamps;
  }

  /** Notes that rows or columns moved or the whole tab changed. */
  touchLayout(): void {
    this.layoutStamp = ++stamps;
  }

  /** Last row holding a value or formula (formatting alone does not count), 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1].some((cell) => !isEmptyCell(cell))) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      for (let c = cells.length; c > last; c--) {
        if (!isEmptyCell(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }

  /**
   * Inserts `count` empty rows so that the first new row is `at`. Like Google, the new rows take
   * the formatting of the row above them (a column formatted as text stays text further down).
   */
  insertRows(at: number, count: number): void {
    if (at - 1 < this.rows.length) this.touchLayout();
    const above = at > 1 ? this.rows[at - 2] : undefined;
    const formatted = (): Array<GridCell | undefined> =>
      (above ?? []).map((cell) => (cell?.style || cell?.validation ? { value: '', ...(cell.style ? { style: { ...cell.style } } : {}), ...(cell.validation ? { validation: cell.validation } : {}) } : undefined));
    const inserted = Array.from({ length: count }, formatted);
    // Spliced in without spreading: a spread of hundreds of thousands of rows overflows the stack.
    if (at - 1 <= this.rows.length) this.rows = [...this.rows.slice(0, at - 1), ...inserted, ...this.rows.slice(at - 1)];
    else if (above?.some((cell) => cell?.style || cell?.validation)) {
      while (this.rows.length < at - 1) this.rows.push([]);
      for (const row of inserted) this.rows.push(row);
    }
    for (const anchor of this.anchors) {
      if (anchor.wholeColumns) anchor.numRows += count;
      else if (anchor.row >= at) anchor.row += count;
      else if (anchor.row + anchor.numRows - 1 >= at) anchor.numRows += count;
    }
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.touchLayout();
    this.rows.splice(at - 1, count);
    this.#remapAnchors('row', (row) => (row < at ? row : row >= at + count ? row - count : null));
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    this.touchLayout();
    for (const cells of this.rows) if (at - 1 < cells.length) cells.splice(at - 1, 0, ...new Array<undefined>(count));
    this.#remapColumns((column) => (column >= at ? column + count : column), at, count);
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    this.touchLayout();
    for (const cells of this.rows) cells.splice(at - 1, count);
    this.#remapColumns((column) => (column < at ? column : column >= at + count ? column - count : null));
    this.maxColumns -= count;
  }

  /**
   * Moves `count` columns from `from` so that they stand before column `to` as counted before the
   * move (Sheet.moveColumns): their cells, widths, groups and everything anchored to them.
   */
  moveColumns(from: number, count: number, to: number): void {
    if (to >= from && to <= from + count) return;
    this.touchLayout();
    const target = (column: number): number => {
      if (column >= from && column < from + count) return to > from ? to - count + (column - from) : to + (column - from);
      if (to > from && column >= from + count && column < to) return column - count;
      if (to < from && column >= to && column < from) return column + count;
      return column;
    };
    for (const cells of this.rows) {
      const width = Math.max(cells.length, from + count - 1, to - 1);
      const moved: Array<GridCell | undefined> = new Array(width);
      for (let c = 1; c <= width; c++) moved[target(c) - 1] = cells[c - 1];
      cells.length = 0;
      cells.push(...moved);
      while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
    }
    this.#remapColumns(target);
  }

  /** Renumbers everything kept per column; `null` drops what was in a deleted column. */
  #remapColumns(map: (column: number) => number | null, insertedAt?: number, inserted = 0): void {
    const remap = <T>(entries: Iterable<[number, T]>) => {
      const out = new Map<number, T>();
      for (const [column, value] of entries) {
        const to = map(column);
        if (to !== null) out.set(to, value);
      }
      return out;
    };
    this.hiddenColumns = new Set(remap([...this.hiddenColumns].map((c) => [c, true] as [number, boolean])).keys());
    this.columnWidths = remap(this.columnWidths);
    this.columnDepth = remap(this.columnDepth);
    // A column inserted inside a group joins it, as in Sheets.
    if (insertedAt !== undefined) {
      const depth = Math.min(this.columnDepth.get(insertedAt - 1) ?? 0, this.columnDepth.get(insertedAt + inserted) ?? 0);
      if (depth > 0) for (let c = insertedAt; c < insertedAt + inserted; c++) this.columnDepth.set(c, depth);
    }
    this.collapsedGroups = new Set([...this.collapsedGroups].flatMap((key) => {
      const [first, depth] = key.split(':').map(Number) as [number, number];
      const to = map(first);
      return to === null ? [] : [`${to}:${depth}`];
    }));
    this.#remapAnchors('column', map);
  }

  #remapAnchors(axis: 'row' | 'column', map: (index: number) => number | null): void {
    const [start, size] = axis === 'row' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
    for (const anchor of this.anchors) {
      let [first, last] = [Infinity, -Infinity];
      for (let i = anchor[start]; i < anchor[start] + anchor[size]; i++) {
        const to = map(i);
        if (to !== null) [first, last] = [Math.min(first, to), Math.max(last, to)];
      }
      if (first === Infinity) {
        anchor[size] = 0;
        continue;
      }
      anchor[start] = first;
      anchor[size] = last - first + 1;
    }
  }

  /** Adds a block that follows its cells; a block emptied by deletions has no rows or columns. */
  anchor(block: Anchor): Anchor {
    const anchor = { ...block };
    this.anchors.add(anchor);
    return anchor;
  }

  /** The group depth of each column, as runs: [first, count, depth]. */
  columnGroups(): { first: number; count: number; depth: number; collapsed: boolean }[] {
    const groups: { first: number; count: number; depth: number; collapsed: boolean }[] = [];
    const maxDepth = Math.max(0, ...this.columnDepth.values());
    for (let depth = 1; depth <= maxDepth; depth++) {
      let first = 0;
      for (let c = 1; c <= this.maxColumns + 1; c++) {
        const inside = (this.columnDepth.get(c) ?? 0) >= depth;
        if (inside && first === 0) first = c;
        if (!inside && first > 0) {
          groups.push({ first, count: c - first, depth, collapsed: this.collapsedGroups.has(`${first}:${depth}`) });
          first = 0;
        }
      }
    }
    return groups;
  }
}

/** The stamp of the latest change to any tab. */
export const latestStamp = () => stamps;
