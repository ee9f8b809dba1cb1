import { randomUUID } from 'node:crypto';
import { countCalls, type FakeContext } from './fake-context.ts';
import type { FakeRange } from './fake-range.ts';
import type { Anchor, ChartJson } from './workbook-model.ts';

/**
 * Embedded charts: Sheet.newChart() builds a chart over ranges of the spreadsheet, insertChart
 * places it, getCharts/updateChart/removeChart manage it. Charts are recorded with their type,
 * data ranges (moved with the cells) and position, saved with the workbook and drawn by the grid
 * page. The `Charts` global holds the ChartType enum the builder takes.
 */
const CTX = Symbol('context');

export const CHART_TYPE = {
  AREA: 'AREA', BAR: 'BAR', BUBBLE: 'BUBBLE', CANDLESTICK: 'CANDLESTICK', COLUMN: 'COLUMN', COMBO: 'COMBO', GAUGE: 'GAUGE', GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM', LINE: 'LINE', ORG: 'ORG', PIE: 'PIE', SCATTER: 'SCATTER', SPARKLINE: 'SPARKLINE', STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE', TIMELINE: 'TIMELINE', TREEMAP: 'TREEMAP', WATERFALL: 'WATERFALL',
} as const;

export class FakeCharts {
  readonly ChartType = CHART_TYPE;
}

/** What a chart builder needs from the tab it is built on. */
export interface ChartHost {
  /** anchors a range of this spreadsheet so it moves with its cells */
  anchorOf(range: FakeRange): Anchor;
  /** the range an anchor now covers */
  rangeOf(anchor: Anchor): FakeRange;
}

interface Draft {
  id: string;
  type: string;
  ranges: Anchor[];
  position: ChartJson['position'];
  options: Record<string, unknown>;
}

const isRange = (value: unknown): value is FakeRange => typeof value === 'object' && value !== null && typeof (value as FakeRange).getA1Notation === 'function' && typeof (value as FakeRange).getSheet === 'function';

export class FakeEmbeddedChartBuilder {
  readonly [CTX]: FakeContext;
  readonly #host: ChartHost;
  readonly #draft: Draft;

  constructor(context: FakeContext, host: ChartHost, draft?: Draft) {
    this[CTX] = context;
    this.#host = host;
    this.#draft = draft ? { ...draft, ranges: [...draft.ranges], options: { ...draft.options } } : { id: randomUUID(), type: CHART_TYPE.LINE, ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {} };
  }

  setChartType(type: string): FakeEmbeddedChartBuilder {
    if (!(String(type) in CHART_TYPE)) this[CTX].fail(`The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.`);
    this.#draft.type = String(type);
    return this;
  }

  getChartType(): string {
    return this.#draft.type;
  }

  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    if (!isRange(range)) this[CTX].fail(`The parameters (${typeof range === 'string' ? 'String' : typeof range}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.`);
    this.#draft.ranges.push(this.#host.anchorOf(range));
    return this;
  }

  getRanges(): FakeRange[] {
    return this[CTX].out(this.#draft.ranges.map((anchor) => this.#host.rangeOf(anchor)));
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeEmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((n) => typeof n === 'number' && Number.isInteger(n)) || anchorRowPos < 1 || anchorColPos < 1) {
      this[CTX].fail("The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.");
    }
    this.#draft.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.#draft.options[String(option)] = structuredClone(value);
    return this;
  }

  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this[CTX], this.#host, { ...this.#draft, ranges: [...this.#draft.ranges], options: { ...this.#draft.options } });
  }
}

export class FakeEmbeddedChart {
  readonly [CTX]: FakeContext;
  readonly #host: ChartHost;
  readonly #draft: Draft;

  constructor(context: FakeContext, host: ChartHost, draft: Draft) {
    this[CTX] = context;
    this.#host = host;
    this.#draft = draft;
  }

  getRanges(): FakeRange[] {
    return this[CTX].out(this.#draft.ranges.map((anchor) => this.#host.rangeOf(anchor)));
  }

  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const { row, column, offsetX, offsetY } = this.#draft.position;
    return this[CTX].out({ getAnchorRow: () => row, getAnchorColumn: () => column, getOffsetX: () => offsetX, getOffsetY: () => offsetY });
  }

  getOptions(): { get(option: string): unknown } {
    const options = this.#draft.options;
    return this[CTX].out({ get: (option: string) => options[option] ?? null });
  }

  modify(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this[CTX], this.#host, this.#draft);
  }

  /** @internal */
  static json(chart: FakeEmbeddedChart): ChartJson {
    const { id, type, ranges, position, options } = chart.#draft;
    return { id, type, ranges, position: { ...position }, options: { ...options } };
  }
}

export const isChart = (value: unknown): value is FakeEmbeddedChart => value instanceof FakeEmbeddedChart;

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder', contextOf);
countCalls(FakeEmbeddedChart, 'EmbeddedChart', contextOf);
