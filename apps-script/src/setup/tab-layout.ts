import { columnLetters } from '../../../shared/a1-notation';
import type { WallClock } from '../../../shared/calendar';
import { fromCell } from '../../../shared/cell-codec';
import { emptyValue } from '../../../shared/merge';
import { dealStages, directions, followUpStatuses, interactionTypes, lifecycleStages, type TableName } from '../../../shared/records';
import { layoutOf, tabSpecs, type ColumnSpec } from '../../../shared/sheet-columns';
import { canonicalValue, fieldCode, readHashCell, valueHash } from '../../../shared/sheet-rows';

/**
 * How a record tab should look, as data: the readable columns beside references, the headers of a
 * new tab, which column a renamed or cleared header was (found from the hidden per-field hashes),
 * and each column's number format, dropdown and highlighting. Pure: set-up applies it.
 */

/** A column the script fills for people to read; not a record field, never synced. */
export interface DisplayColumn {
  key: 'contactName' | 'nextFollowUp';
  header: string;
  /** the field it stands beside (to its right) */
  after: string;
  kind: 'text' | 'date';
}

const contactName: DisplayColumn = { key: 'contactName', header: 'Contact', after: 'contactId', kind: 'text' };

export const displayColumns: Record<TableName, DisplayColumn[]> = {
  contacts: [{ key: 'nextFollowUp', header: 'Next follow-up', after: 'stage', kind: 'date' }],
  companies: [],
  interactions: [contactName],
  deals: [contactName],
  followUps: [contactName],
};

/** Where a display column is in a header row (exact header, any case), or -1. */
export function displayColumnIndex(header: readonly unknown[], column: DisplayColumn): number {
  const wanted = column.header.toLowerCase();
  return header.findIndex((cell) => String(cell ?? '').trim().toLowerCase() === wanted);
}

/** The headers of a new tab: the record's columns with each display column beside its reference. */
export function creationHeaders(table: TableName): string[] {
  const headers: string[] = [];
  for (const column of tabSpecs[table].columns) {
    headers.push(column.header);
    for (const display of displayColumns[table]) if (display.after === column.field) headers.push(display.header);
  }
  return headers;
}

export interface HeaderRepair {
  /** header cells to rewrite: an old name, or the column a renamed or cleared header was */
  renames: { column: number; from: string; to: string; why: 'old name' | 'found by its values' }[];
  /** fields whose column is missing and held nothing: added empty */
  add: ColumnSpec[];
  /** what cannot be repaired here, in words */
  notes: string[];
}

/**
 * Finds each field's column again. An old header ("Clv") is renamed in place. A missing column is
 * looked for among the columns nobody claims (a renamed or cleared header): the one whose cells
 * match the field's hashes the script kept for each row is it. A field that held values in no
 * column now is not recreated empty: the sync would take the empty cells for a person clearing
 * them all; the note says how to bring it back.
 */
export function planHeaderRepair(table: TableName, header: readonly unknown[], rows: readonly unknown[][], clock: WallClock): HeaderRepair {
  const spec = tabSpecs[table];
  const layout = layoutOf(header, spec);
  const repair: HeaderRepair = { renames: [], add: [], notes: [] };
  const claimed = new Set<number>([...layout.columns.values()].filter((index) => index >= 0));
  for (const display of displayColumns[table]) {
    const at = displayColumnIndex(header, display);
    if (at >= 0) claimed.add(at);
  }
  for (const column of spec.columns) {
    const at = layout.columns.get(column.field) ?? -1;
    if (at >= 0 && String(header[at] ?? '').trim() !== column.header) {
      repair.renames.push({ column: at, from: String(header[at] ?? '').trim(), to: column.header, why: 'old name' });
    }
  }
  const hashIndex = layout.columns.get('_hash') ?? -1;
  const hashes = rows.map((row) => (hashIndex >= 0 ? readHashCell(row[hashIndex]) : ({ kind: 'none' } as const)));
  for (const problem of layout.problems) {
    const column = spec.columns.find((c) => c.field === problem.field)!;
    if (problem.message.includes('both look like')) {
      repair.notes.push(`${spec.tab}: ${problem.message}.`);
      continue;
    }
    if (column.hidden) {
      repair.add.push(column);
      continue;
    }
    const code = fieldCode(column.field);
    const empty = valueHash(emptyValue(table, column.field));
    const informative = rows.map((_, r) => {
      const stored = hashes[r]!;
      const hash = stored.kind === 'fields' ? stored.byCode.get(code) : undefined;
      return hash !== undefined && hash !== empty ? hash : null;
    });
    const holding = informative.filter((hash) => hash !== null).length;
    if (holding === 0) {
      repair.add.push(column);
      continue;
    }
    const scores = header.map((_, index) => {
      if (claimed.has(index)) return 0;
      let matches = 0;
      rows.forEach((row, r) => {
        const hash = informative[r];
        if (hash === null) return;
        const value = canonicalValue(column.field, fromCell(column.meta, row[index], clock));
        if (valueHash(value === '' || value === null ? emptyValue(table, column.field) : value) === hash) matches++;
      });
      return matches;
    });
    const best = Math.max(0, ...scores);
    const found = scores.indexOf(best);
    if (best * 2 >= holding && scores.filter((score) => score === best).length === 1) {
      claimed.add(found);
      repair.renames.push({ column: found, from: String(header[found] ?? '').trim(), to: column.header, why: 'found by its values' });
    } else {
      repair.notes.push(
        `${spec.tab}: the "${column.header}" column is gone, with the values ${holding} row(s) had; Rapport leaves ${column.header.toLowerCase()} alone for everyone. Bring the column back (Edit → Undo, or File → Version history), or add an empty column headed "${column.header}" to start it afresh.`,
      );
    }
  }
  return repair;
}

// ——— how each column looks ———

export interface ColumnLook {
  numberFormat: string | null;
  /** a dropdown: the values, and whether other input is refused (else only flagged) */
  list?: { values: string[]; strict: boolean };
  checkbox?: boolean;
  /** a whole number in this range */
  between?: [number, number];
}

const CHANNELS = ['email', 'phone', 'meeting', 'video call', 'chat', 'social', 'web', 'event', 'letter'];

/** Sheets' number format for an amount in a currency: 1,234.50 EUR. */
export const currencyFormat = (currency: string) => `#,##0.00 "${currency.replace(/"/g, '')}"`;

/** The look of one record column, given the team's currency and members. */
export function lookOf(table: TableName, column: ColumnSpec, team: { currency: string; members: readonly string[] }): ColumnLook {
  const field = column.field;
  const enums: Partial<Record<string, readonly string[]>> = {
    'contacts.stage': lifecycleStages,
    'interactions.type': interactionTypes,
    'interactions.direction': directions,
    'deals.stage': dealStages,
    'followUps.status': followUpStatuses,
  };
  const choices = enums[`${table}.${field}`];
  if (choices) return { numberFormat: '@', list: { values: [...choices], strict: true } };
  if (field === 'channel') return { numberFormat: '@', list: { values: CHANNELS, strict: false } };
  if (field === 'owner') return { numberFormat: '@', ...(team.members.length > 0 ? { list: { values: [...team.members], strict: true } } : {}) };
  if (field === 'deleted') return { numberFormat: null, checkbox: true };
  if (field === 'keepInTouchDays') return { numberFormat: '0', between: [1, 3650] };
  if (['amount', 'cost', 'clv'].includes(field)) return { numberFormat: currencyFormat(team.currency) };
  if (field === 'probability') return { numberFormat: '0%' };
  if (field === 'pAlive') return { numberFormat: '0.0%' };
  if (field === 'leadScore' || field === '_rev') return { numberFormat: '0' };
  switch (column.meta.kind) {
    case 'date':
      return { numberFormat: 'yyyy-mm-dd' };
    case 'number':
    case 'boolean':
      return { numberFormat: null };
    default:
      return { numberFormat: '@' };
  }
}

export const displayLook = (column: DisplayColumn): ColumnLook => ({ numberFormat: column.kind === 'date' ? 'yyyy-mm-dd' : '@' });

/** A highlighting rule over the data rows, by a formula on row 2 (Sheets moves it down each row). */
export interface HighlightRule {
  formula: string;
  background: string;
  fontColor?: string;
}

export const OVERDUE_RED = '#f4c7c3';
export const TODAY_AMBER = '#fce8b2';
export const AT_RISK_ORANGE = '#fde0c5';

/** The highlighting of a tab, by where its columns are now (null when a column it needs is missing). */
export function highlightsOf(table: TableName, columns: ReadonlyMap<string, number>): HighlightRule[] {
  const at = (field: string) => {
    const index = columns.get(field) ?? -1;
    return index >= 0 ? `$${columnLetters(index + 1)}2` : null;
  };
  const day = (cell: string) => `LEFT(${cell},10)`;
  const today = 'TEXT(TODAY(),"yyyy-mm-dd")';
  if (table === 'followUps') {
    const [due, status, deleted] = [at('dueAt'), at('status'), at('deleted')];
    if (!due || !status) return [];
    const open = `${status}<>"done"${deleted ? `,${deleted}<>TRUE` : ''},${due}<>""`;
    return [
      { formula: `=AND(${open},${day(due)}<${today})`, background: OVERDUE_RED, fontColor: '#a50e0e' },
      { formula: `=AND(${open},${day(due)}=${today})`, background: TODAY_AMBER },
    ];
  }
  if (table === 'contacts') {
    const [risk, stage] = [at('atRisk'), at('stage')];
    if (!risk && !stage) return [];
    return [{ formula: `=OR(${[risk ? `${risk}=TRUE` : '', stage ? `${stage}="at risk"` : ''].filter(Boolean).join(',')})`, background: AT_RISK_ORANGE }];
  }
  if (table === 'deals') {
    const [stage, close] = [at('stage'), at('expectedClose')];
    if (!stage || !close) return [];
    return [{ formula: `=AND(${stage}<>"won",${stage}<>"lost",${close}<>"",${close}<TODAY())`, background: OVERDUE_RED }];
  }
  return [];
}
