/** One figure a benchmark reports. `target` is the goal, compared with `value` in the report. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** e.g. { op: '<', value: 50 } — the figure passes when `value op target.value` holds */
  target?: { op: '<' | '<=' | '>' | '>='; value: number };
  note?: string;
}

/** A benchmark module under bench/ named `*.bench.ts` default-exports one of these. */
export type Benchmark = () => Promise<BenchFigure[]>;
