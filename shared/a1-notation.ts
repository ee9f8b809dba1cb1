/** A1 notation, as the Sheets services and API take it. Pure: used by the sheet add-on and the local sheet. */
/** A1 notation: "B3", "A1:C10", "A:C" (whole columns), "2:5" (whole rows), optionally "Tab!A1". */
export interface A1Range {
  sheetName?: string;
  row: number;
  column: number;
  /** undefined = to the last row (or column) of the sheet */
  lastRow?: number;
  lastColumn?: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses A1 notation, or returns null when it is not a range (Google: "Range not found"). */
export function parseA1(notation: string): A1Range | null {
  let text = notation.trim();
  let sheetName: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [startText, endText = startText, extra] = text.split(':');
  if (extra !== undefined) return null;
  const start = CELL.exec(startText);
  const end = CELL.exec(endText);
  if (!start || !end || (!start[1] && !start[2]) || (!end[1] && !end[2])) return null;
  const [startColumn, startRow] = [start[1] ? columnNumber(start[1]) : 1, start[2] ? Number(start[2]) : 1];
  const lastColumn = end[1] ? columnNumber(end[1]) : undefined;
  const lastRow = end[2] ? Number(end[2]) : undefined;
  if (startRow < 1 || (lastRow !== undefined && lastRow < 1)) return null;
  // A single cell needs both parts; a column-only or row-only form needs a second part.
  if (!text.includes(':') && (!start[1] || !start[2])) return null;
  return {
    sheetName,
    row: Math.min(startRow, lastRow ?? startRow),
    column: Math.min(startColumn, lastColumn ?? startColumn),
    lastRow: lastRow === undefined ? undefined : Math.max(startRow, lastRow),
    lastColumn: lastColumn === undefined ? undefined : Math.max(startColumn, lastColumn),
  };
}

export function formatA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** "Contacts!B3:D4" with the tab name quoted as Google writes it ('My tab'!A1). */
export const rangeOnTab = (tab: string, row: number, column: number, numRows = 1, numColumns = 1) =>
  `'${tab.replace(/'/g, "''")}'!${formatA1(row, column, numRows, numColumns)}`;

/** Sorted numbers as runs of consecutive ones: [1,2,3,7,8] → [{first: 1, count: 3}, {first: 7, count: 2}]. */
export function runsOf(sorted: readonly number[]): { first: number; count: number }[] {
  const out: { first: number; count: number }[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last.first + last.count) last.count++;
    else out.push({ first: n, count: 1 });
  }
  return out;
}
