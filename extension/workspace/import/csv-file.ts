import Papa from 'papaparse';
import { checkRow, type CheckedRow, type ImportTarget, type RawValues } from './import-fields';

/**
 * A CSV file of contacts as a table: the header row found (LinkedIn puts notes above it), the
 * delimiter sniffed by papaparse (commas, semicolons as German Excel writes, tabs), each data
 * row with its line number in the file.
 */

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; reason: 'empty' | 'noHeader' | 'unreadable'; detail?: string };

const HEADER_WORDS = /name|e-?mail|phone|telefon|company|firma|vorname|nachname|first|last|position|title/i;

export function readCsv(text: string): CsvResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { ok: false, reason: 'empty' };
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.type === 'Delimiter' && parsed.data.length <= 1);
  if (fatal && parsed.data.length === 0) return { ok: false, reason: 'unreadable', detail: fatal.message };
  // Line numbers: papaparse gives rows, and a quoted cell may span lines; count the line breaks of each row.
  const lines: number[] = [];
  let line = 1;
  for (const row of parsed.data) {
    lines.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  const headerAt = parsed.data.findIndex((row, i) => i < 20 && row.filter((c) => c.trim()).length >= 2 && row.filter((c) => HEADER_WORDS.test(c)).length >= 1);
  if (headerAt < 0) return { ok: false, reason: 'noHeader' };
  const headers = parsed.data[headerAt]!.map((h) => h.trim());
  const rows = parsed.data
    .map((cells, i) => ({ line: lines[i]!, cells }))
    .slice(headerAt + 1)
    .filter((row) => row.cells.some((c) => c.trim()));
  return { ok: true, table: { headers, rows } };
}

/** The rows as contacts under a column mapping (column index → field). */
export function checkCsvRows(table: CsvTable, mapping: readonly (ImportTarget | '')[]): CheckedRow[] {
  return table.rows.map(({ line, cells }) => {
    const raw: RawValues = {};
    mapping.forEach((target, i) => {
      if (!target) return;
      (raw[target] ??= []).push(cells[i] ?? '');
    });
    return checkRow(line, raw, 'csv import');
  });
}
