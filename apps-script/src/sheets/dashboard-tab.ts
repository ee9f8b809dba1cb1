import type { RawCell } from '../../../shared/cell-codec';
import { DASHBOARD_TAB, type ChartSpec, type DashboardLayout } from '../dashboard/dashboard-layout';
import { ensureSize, writeBlocks, type CellBlock } from './record-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes the Dashboard tab: every block of values in one Sheets API call, their formats, and the
 * charts — a chart already there with the same type, data and place is kept, so a rebuild with
 * the same figures leaves the tab as it was. Charts people added (other titles) are left alone.
 * A constant number of calls, whatever the size of the tabs the figures came from.
 */
export function writeDashboard(layout: DashboardLayout): { created: boolean; chartsReplaced: number } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let sheet = spreadsheet.getSheetByName(DASHBOARD_TAB);
  const created = !sheet;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(DASHBOARD_TAB, 0);
    sheet.setColumnWidth(1, 320);
    sheet.setColumnWidths(2, 4, 110);
    sheet.setColumnWidth(3, 280);
  }
  ensureSize(sheet, layout.height, layout.width);
  const blocks: CellBlock[] = layout.blocks
    .filter((block) => block.values.length > 0)
    .map((block) => ({ tab: DASHBOARD_TAB, sheet: sheet!, row: block.row, column: block.column, values: block.values as RawCell[][] }));
  writeBlocks(spreadsheet, blocks);
  // One call per block for its formats (text where it has none); the single cells of the key
  // figures, one format each, in one call too.
  const singles = layout.blocks.filter((block) => block.values.length === 0 && block.formats?.length === 1);
  for (const block of layout.blocks) {
    if (!block.formats || singles.includes(block)) continue;
    const rows = Math.max(1, block.values.length - (block.header ? 1 : 0));
    const row = block.formats.map((format) => format ?? '@');
    sheet.getRange(block.row + (block.header ? 1 : 0), block.column, rows, row.length).setNumberFormats(Array.from({ length: rows }, () => row));
  }
  if (singles.length > 0) {
    const first = singles[0]!;
    if (singles.every((block, i) => block.column === first.column && block.row === first.row + i)) {
      sheet.getRange(first.row, first.column, singles.length, 1).setNumberFormats(singles.map((block) => [block.formats![0]!]));
    } else for (const block of singles) sheet.getRange(block.row, block.column).setNumberFormat(block.formats![0]!);
  }
  for (const block of layout.blocks) if (block.header) sheet.getRange(block.row, block.column, 1, block.values[0]!.length).setFontWeight('bold');
  sheet.getRange(1, 1).setFontWeight('bold');
  return { created, chartsReplaced: placeCharts(sheet, layout.charts) };
}

function placeCharts(sheet: Sheet, specs: readonly ChartSpec[]): number {
  const existing = sheet.getCharts().map((chart) => ({ chart, title: String(chart.getOptions().get('title') ?? '') }));
  let replaced = 0;
  for (const spec of specs) {
    const range = sheet.getRange(spec.range.row, spec.range.column, spec.range.rows, spec.range.columns);
    const same = existing.filter((c) => c.title === spec.title).map((c) => c.chart);
    const keep = same.find((chart) => {
      const info = chart.getContainerInfo();
      const ranges = chart.getRanges();
      return String(chart.modify().getChartType()) === spec.type && ranges.length === 1 && ranges[0]!.getA1Notation() === range.getA1Notation() && info.getAnchorRow() === spec.position.row && info.getAnchorColumn() === spec.position.column;
    });
    for (const chart of same) if (chart !== keep) sheet.removeChart(chart);
    if (keep) continue;
    let builder = sheet.newChart().setChartType(Charts.ChartType[spec.type]).addRange(range).setPosition(spec.position.row, spec.position.column, 0, 0).setOption('title', spec.title).setOption('width', 480).setOption('height', 300);
    for (const [name, value] of Object.entries(spec.options)) builder = builder.setOption(name, value);
    sheet.insertChart(builder.build());
    replaced++;
  }
  return replaced;
}
