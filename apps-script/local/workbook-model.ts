import { isEmptyCell, type StoredCell } from './cell-text.ts';

/** Formatting a script may set; recorded so tests can read it back, never changes values. */
export interface CellStyle {
  numberFormat?: string;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  note?: string;
}

export interface GridCell extends StoredCell {
  style?: CellStyle;
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

  /** rows[r - 1][c - 1]; shorter than the sheet where the rest is empty */
  rows: Array<Array<GridCell | undefined>> = [];
  hiddenColumns = new Set<number>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;

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
    const formatted = (): Array<GridCell | undefined> => (above ?? []).map((cell) => (cell?.style ? { value: '', style: { ...cell.style } } : undefined));
    const inserted = Array.from({ length: count }, formatted);
    // Spliced in without spreading: a spread of hundreds of thousands of rows overflows the stack.
    if (at - 1 <= this.rows.length) this.rows = [...this.rows.slice(0, at - 1), ...inserted, ...this.rows.slice(at - 1)];
    else if (above?.some((cell) => cell?.style)) {
      while (this.rows.length < at - 1) this.rows.push([]);
      for (const row of inserted) this.rows.push(row);
    }
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.touchLayout();
    this.rows.splice(at - 1, count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number): void {
    this.touchLayout();
    for (const cells of this.rows) if (at - 1 < cells.length) cells.splice(at - 1, 0, ...new Array<undefined>(count));
    this.hiddenColumns = shiftIndexes(this.hiddenColumns, at, count);
    this.columnWidths = new Map([...this.columnWidths].map(([column, width]) => [column >= at ? column + count : column, width]));
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    this.touchLayout();
    for (const cells of this.rows) cells.splice(at - 1, count);
    const kept = (column: number) => column < at || column >= at + count;
    const moved = (column: number) => (column >= at + count ? column - count : column);
    this.hiddenColumns = new Set([...this.hiddenColumns].filter(kept).map(moved));
    this.columnWidths = new Map([...this.columnWidths].filter(([column]) => kept(column)).map(([column, width]) => [moved(column), width]));
    this.maxColumns -= count;
  }
}

function shiftIndexes(indexes: Set<number>, at: number, count: number): Set<number> {
  return new Set([...indexes].map((index) => (index >= at ? index + count : index)));
}

/** The stamp of the latest change to any tab. */
export const latestStamp = () => stamps;
