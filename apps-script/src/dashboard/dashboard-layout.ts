import { currencyFormat } from '../setup/tab-layout';
import type { DashboardFigures } from './dashboard-figures';

/**
 * Where everything goes on the Dashboard tab, as data: blocks of values (each always the same
 * size, so a rebuild overwrites the last one entirely), their number formats, and the charts over
 * the tables of chart data at the right. Pure: the tab writer only places it.
 */
export const DASHBOARD_TAB = 'Dashboard';

export type DashboardCell = string | number;

export interface DashboardBlock {
  row: number;
  column: number;
  /** empty for a block that only sets formats */
  values: DashboardCell[][];
  /** number formats by column of the block (null: leave) */
  formats?: (string | null)[];
  /** the block's first row is a header */
  header?: boolean;
}

export type ChartKind = 'COLUMN' | 'BAR' | 'PIE';

export interface ChartSpec {
  /** the title, also how a rebuild recognises the chart */
  title: string;
  type: ChartKind;
  /** the data: header row and rows, label column first */
  range: { row: number; column: number; rows: number; columns: number };
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

export interface DashboardLayout {
  blocks: DashboardBlock[];
  charts: ChartSpec[];
  /** columns and rows the tab needs */
  width: number;
  height: number;
}

const DATA_COLUMN = 23; // W: the chart data, right of the charts
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const label = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const dayLabel = (day: string) => `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function money(n: number, currency: string): string {
  const [whole, cents] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '−' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} ${currency}`;
}

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? 'no change' : 'new';
  const percent = Math.round(((now - before) / Math.abs(before)) * 100);
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent)} %`;
}

export function dashboardLayout(f: DashboardFigures, context: { currency: string; rebuiltAt: string; timeZone: string; retentionMonths: number }): DashboardLayout {
  const cur = currencyFormat(context.currency);
  const blocks: DashboardBlock[] = [];
  blocks.push({ row: 1, column: 1, values: [['Rapport dashboard'], [`Rebuilt ${context.rebuiltAt} (${context.timeZone}) by Rapport → Rebuild dashboard and every night; figures as of ${f.today}.`]] });

  const onTime = f.followUpsDone30 === 0 ? '' : f.followUpsDoneOnTime30 / f.followUpsDone30;
  blocks.push({
    row: 4,
    column: 1,
    header: true,
    values: [
      ['Key figures', '', ''],
      ['Active customers (bought in the last 12 months)', f.activeCustomers, ''],
      ['Open pipeline', f.pipeline, `${f.openDeals} open deal(s)`],
      ['Weighted pipeline (by probability)', f.weightedPipeline, f.pipeline === 0 ? '' : `${Math.round((f.weightedPipeline / f.pipeline) * 100)} % of the pipeline`],
      ['Revenue this month', f.revenue.month, `previous month ${money(f.revenue.previousMonth, context.currency)} (${change(f.revenue.month, f.revenue.previousMonth)})`],
      ['Revenue this quarter', f.revenue.quarter, `previous quarter ${money(f.revenue.previousQuarter, context.currency)} (${change(f.revenue.quarter, f.revenue.previousQuarter)})`],
      ['New leads this week', f.newLeadsThisWeek, 'made since Monday, lead or qualified'],
      ['Follow-ups overdue', f.followUpsOverdue, 'not done, due before today'],
      ['Follow-ups done on time, last 30 days', onTime, `${f.followUpsDoneOnTime30} of ${f.followUpsDone30} done by their due day`],
      ['Median days since last contact, A customers', f.medianDaysSinceContactA ?? '', f.medianDaysSinceContactA === null ? 'no A customers yet' : 'days'],
      ['Contacts due for a data-protection review', f.reviewDue, `no contact for ${context.retentionMonths} months`],
    ],
  });
  // The key figures' values differ in kind row by row: money, the on-time share, counts.
  const valueFormats = ['0', cur, cur, cur, cur, '0', '0', '0%', '0', '0'];
  const formatBlocks = valueFormats.map((format, i): DashboardBlock => ({ row: 5 + i, column: 2, values: [], formats: [format] }));

  blocks.push({ row: 16, column: 1, header: true, values: [['Contacts by stage', 'Contacts'], ...f.stages.map(([stage, n]): DashboardCell[] => [capitalised(stage), n])], formats: [null, '0'] });

  const atRisk: DashboardCell[][] = f.atRiskTop.map((c) => [c.name, c.clv ?? '', c.pAlive ?? '', c.lastContact, c.owner]);
  while (atRisk.length < 10) atRisk.push(['', '', '', '', '']);
  blocks.push({ row: 24, column: 1, header: true, values: [['Most valuable customers at risk', 'CLV', 'P(alive)', 'Last contact', 'Owner'], ...atRisk], formats: [null, cur, '0%', '@', null] });

  const charts: ChartSpec[] = [];
  const table = (row: number, values: DashboardCell[][], formats: (string | null)[]) => {
    blocks.push({ row, column: DATA_COLUMN, header: true, values, formats });
    return { row, column: DATA_COLUMN, rows: values.length, columns: values[0]!.length };
  };
  blocks.push({ row: 1, column: DATA_COLUMN, values: [['Chart data (written by Rapport at each rebuild)']] });

  const revenue = table(2, [['Month', 'Revenue'], ...f.revenueByMonth.map(([month, sum]): DashboardCell[] => [label(month), sum])], [null, cur]);
  charts.push({ title: 'Revenue by month', type: 'COLUMN', range: revenue, position: { row: 1, column: 8 }, options: { legend: { position: 'none' }, colors: ['#1a73e8'] } });

  const pipeline = table(16, [['Stage', 'Open amount'], ...f.pipelineByStage.map(([stage, sum]): DashboardCell[] => [capitalised(stage), sum])], [null, cur]);
  charts.push({ title: 'Pipeline by stage', type: 'BAR', range: pipeline, position: { row: 17, column: 8 }, options: { legend: { position: 'none' }, colors: ['#188038'] } });

  const channels = f.interactionsPerWeek.channels.length > 0 ? f.interactionsPerWeek.channels : ['none'];
  const weekRows = f.interactionsPerWeek.weeks.map((week, w): DashboardCell[] => [`${dayLabel(week)}`, ...channels.map((_, c) => f.interactionsPerWeek.counts[w]?.[c] ?? 0)]);
  const perWeek = table(22, [['Week of', ...channels.map(capitalised)], ...weekRows], [null, ...channels.map(() => '0')]);
  // The table always spans six columns, so a rebuild with fewer channels clears the rest.
  blocks[blocks.length - 1]!.values = blocks[blocks.length - 1]!.values.map((row) => [...row, ...new Array<DashboardCell>(6 - row.length).fill('')]);
  charts.push({ title: 'Interactions per week by channel', type: 'COLUMN', range: perWeek, position: { row: 1, column: 15 }, options: { isStacked: true, legend: { position: 'right' } } });

  const rfm = table(36, [['RFM segment', 'Customers'], ...f.rfmSegments.map(([segment, n]): DashboardCell[] => [capitalised(segment), n])], [null, '0']);
  charts.push({ title: 'Customers by RFM segment', type: 'BAR', range: rfm, position: { row: 17, column: 15 }, options: { legend: { position: 'none' }, colors: ['#e37400'] } });

  const abc = table(46, [['Value class', 'Revenue'], ...f.revenueByClass.map(([c, sum]): DashboardCell[] => [`Class ${c}`, sum])], [null, cur]);
  charts.push({ title: 'Revenue share by value class (ABC)', type: 'PIE', range: abc, position: { row: 33, column: 8 }, options: { pieHole: 0.4, legend: { position: 'right' } } });

  return { blocks: [...blocks, ...formatBlocks], charts, width: DATA_COLUMN + 5, height: 50 };
}
