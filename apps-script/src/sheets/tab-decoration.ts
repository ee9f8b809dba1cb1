import { columnLetters } from '../../../shared/a1-notation';
import { tableNames, type TableName } from '../../../shared/records';
import { layoutOf, tabSpecs } from '../../../shared/sheet-columns';
import { displayColumnIndex, displayColumns, displayLook, highlightsOf, lookOf, type ColumnLook } from '../setup/tab-layout';
import { ensureSize } from './record-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/**
 * What set-up puts on a record tab besides its headers: a frozen header row, each column's
 * number format and dropdown, the highlighting of overdue and at-risk rows, and the system
 * columns grouped, collapsed and protected with a warning. Each is read first and set only where
 * it differs, so running set-up again changes nothing; a handful of calls per tab whatever its rows.
 */
export const SYSTEM_PROTECTION = 'Rapport: system columns (id, times, revision, hashes)';
const HIGHLIGHTS_PROPERTY = 'rapport.highlights';

export interface TeamLook {
  currency: string;
  members: readonly string[];
}

interface ColumnPlan {
  index: number;
  name: string;
  look: ColumnLook;
}

function columnPlans(table: TableName, header: readonly unknown[], team: TeamLook): ColumnPlan[] {
  const spec = tabSpecs[table];
  const { columns } = layoutOf(header, spec);
  const plans: ColumnPlan[] = [];
  for (const column of spec.columns) {
    const index = columns.get(column.field) ?? -1;
    if (index >= 0) plans.push({ index, name: column.header, look: lookOf(table, column, team) });
  }
  for (const display of displayColumns[table]) {
    const index = displayColumnIndex(header, display);
    if (index >= 0) plans.push({ index, name: display.header, look: displayLook(display) });
  }
  return plans;
}

const ruleKey = (rule: DataValidation | null) => (rule ? JSON.stringify([String(rule.getCriteriaType()), rule.getCriteriaValues(), rule.getAllowInvalid()]) : '');

function ruleFor(look: ColumnLook): DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation();
  if (look.list) return builder.requireValueInList(look.list.values, true).setAllowInvalid(!look.list.strict).build();
  if (look.checkbox) return builder.requireCheckbox().build();
  if (look.between) return builder.requireNumberBetween(look.between[0], look.between[1]).setAllowInvalid(false).setHelpText(`A whole number of days from ${look.between[0]} to ${look.between[1]}`).build();
  return null;
}

/** Sets formats, dropdowns, highlighting, the frozen row and the system columns' group and protection; returns what changed, in words. */
export function decorateRecordTab(sheet: Sheet, table: TableName, header: readonly unknown[], team: TeamLook, properties = PropertiesService.getDocumentProperties()): string[] {
  const tab = tabSpecs[table].tab;
  const notes: string[] = [];
  const width = header.length;
  if (width === 0) return notes;
  ensureSize(sheet, 2, width);
  const rows = sheet.getMaxRows() - 1;
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    notes.push(`${tab}: froze the header row.`);
  }
  const plans = columnPlans(table, header, team);

  const formats = sheet.getRange(2, 1, 1, width).getNumberFormats()[0]!;
  const reformatted = plans.filter((p) => p.look.numberFormat !== null && formats[p.index] !== p.look.numberFormat);
  for (const plan of reformatted) sheet.getRange(2, plan.index + 1, rows, 1).setNumberFormat(plan.look.numberFormat!);
  if (reformatted.length > 0) notes.push(`${tab}: set the format of ${reformatted.map((p) => `"${p.name}"`).join(', ')}.`);

  notes.push(...applyDropdowns(sheet, tab, plans, width, rows));

  const highlights = highlightsOf(table, layoutOf(header, tabSpecs[table]).columns);
  const stored = JSON.parse(properties.getProperty(HIGHLIGHTS_PROPERTY) ?? '{}') as Record<string, string[]>;
  const ours = new Set(stored[tab] ?? []);
  const rules = sheet.getConditionalFormatRules();
  const formulaOf = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? '');
  const range = `A2:${columnLetters(width)}${rows + 1}`;
  const present = (h: (typeof highlights)[number]) =>
    rules.some((rule) => formulaOf(rule) === h.formula && rule.getBooleanCondition()?.getBackground() === h.background && rule.getRanges().some((r) => r.getA1Notation() === range));
  const stale = rules.filter((rule) => ours.has(formulaOf(rule)) && !highlights.some((h) => h.formula === formulaOf(rule) && present(h)));
  if (stale.length > 0 || !highlights.every(present)) {
    const kept = rules.filter((rule) => !ours.has(formulaOf(rule)) && !highlights.some((h) => h.formula === formulaOf(rule)));
    const made = highlights.map((h) => {
      const builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(h.formula).setBackground(h.background).setRanges([sheet.getRange(range)]);
      return (h.fontColor ? builder.setFontColor(h.fontColor) : builder).build();
    });
    sheet.setConditionalFormatRules([...kept, ...made]);
    stored[tab] = highlights.map((h) => h.formula);
    properties.setProperty(HIGHLIGHTS_PROPERTY, JSON.stringify(stored));
    notes.push(`${tab}: set the highlighting (${table === 'followUps' ? 'overdue red, due today amber' : table === 'contacts' ? 'customers at risk' : 'deals past their expected close'}).`);
  }

  notes.push(...groupSystemColumns(sheet, table, header));
  return notes;
}

/** The dropdowns of a tab's columns (owner: the team's members), where they differ from what is there. */
function applyDropdowns(sheet: Sheet, tab: string, plans: ColumnPlan[], width: number, rows: number): string[] {
  const wanted = plans.map((p) => ({ plan: p, rule: ruleFor(p.look) })).filter((w) => w.rule !== null);
  if (wanted.length === 0) return [];
  const current = sheet.getRange(2, 1, 1, width).getDataValidations()[0]!;
  const changed = wanted.filter(({ plan, rule }) => ruleKey(current[plan.index] ?? null) !== ruleKey(rule));
  for (const { plan, rule } of changed) sheet.getRange(2, plan.index + 1, rows, 1).setDataValidation(rule);
  return changed.length > 0 ? [`${tab}: set the dropdown or check of ${changed.map(({ plan }) => `"${plan.name}"`).join(', ')}.`] : [];
}

/** Decorates every record tab, given their headers as they are now. */
export function decorateRecordTabs(headers: Record<TableName, readonly unknown[]>, team: TeamLook): string[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return tableNames.flatMap((table) => {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab);
    return sheet ? decorateRecordTab(sheet, table, headers[table], team) : [];
  });
}

/** Only the dropdowns (after members changed): the owner lists follow the team. */
export function refreshDropdowns(team: TeamLook): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  for (const table of tableNames) {
    const sheet = spreadsheet.getSheetByName(tabSpecs[table].tab);
    if (!sheet || sheet.getLastColumn() < 1) continue;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    ensureSize(sheet, 2, header.length);
    applyDropdowns(sheet, tabSpecs[table].tab, columnPlans(table, header, team), header.length, sheet.getMaxRows() - 1);
  }
}

/** The system columns (id, times, revision, hashes), side by side at the right: one collapsed group, protected with a warning. */
function groupSystemColumns(sheet: Sheet, table: TableName, header: readonly unknown[]): string[] {
  const spec = tabSpecs[table];
  const { columns } = layoutOf(header, spec);
  const indexes = spec.columns.filter((c) => c.system).map((c) => columns.get(c.field) ?? -1).filter((i) => i >= 0).sort((a, b) => a - b);
  if (indexes.length === 0 || indexes[indexes.length - 1]! - indexes[0]! !== indexes.length - 1) return [];
  const [first, last] = [indexes[0]! + 1, indexes[indexes.length - 1]! + 1];
  const notes: string[] = [];
  const depthAt = (column: number) => (column >= 1 && column <= sheet.getMaxColumns() ? sheet.getColumnGroupDepth(column) : 0);
  const window = Array.from({ length: last - first + 3 }, (_, i) => first - 1 + i);
  const depths = window.map(depthAt);
  const grouped = depths.every((depth, i) => (i === 0 || i === depths.length - 1 ? depth === 0 : depth === 1));
  if (!grouped) {
    window.forEach((column, i) => {
      if (depths[i]! > 0) sheet.getRange(1, column, 1, 1).shiftColumnGroupDepth(-depths[i]!);
    });
    sheet.getRange(1, first, 1, last - first + 1).shiftColumnGroupDepth(1);
    notes.push(`${spec.tab}: grouped the system columns.`);
  }
  const group = sheet.getColumnGroup(first, 1);
  if (group && !group.isCollapsed()) {
    group.collapse();
    if (grouped) notes.push(`${spec.tab}: collapsed the system columns.`);
  }
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === SYSTEM_PROTECTION);
  const right = protections.length === 1 && protections[0]!.isWarningOnly() && protections[0]!.getRange().getColumn() === first && protections[0]!.getRange().getNumColumns() === last - first + 1;
  if (!right) {
    for (const protection of protections) protection.remove();
    sheet.getRange(`${columnLetters(first)}:${columnLetters(last)}`).protect().setDescription(SYSTEM_PROTECTION).setWarningOnly(true);
    notes.push(`${spec.tab}: protected the system columns with a warning.`);
  }
  return notes;
}
