import { nelderMead } from './nelder-mead';

export interface Minimum {
  x: number[];
  fx: number;
  /** calls of the objective */
  evaluations: number;
  /** Nelder-Mead runs, the first included */
  runs: number;
}

export interface MinimizeOptions {
  /** initial simplex step on every coordinate of the first run */
  step?: number;
  /** a run that improves f by less than this ends the search; also the f spread that ends a run */
  tolerance?: number;
  /** the x spread that ends a run */
  xTolerance?: number;
  maxRuns?: number;
  maxIterationsPerRun?: number;
}

/**
 * Minimises `f` over R^n with Nelder-Mead, restarted from the best point found until a new run no
 * longer improves f: a simplex can collapse or stall short of the minimum, and a fresh one around
 * the best point is the usual cure. Each run is centred on its start point so that every
 * coordinate gets the same initial step (a plain Nelder-Mead scales the step by the coordinate,
 * which is tiny near 0). `f` returning NaN is treated as +Infinity so the search steps away.
 */
export function minimize(f: (x: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): Minimum {
  const { step = 0.5, tolerance = 1e-9, xTolerance = 1e-5, maxRuns = 30, maxIterationsPerRun = 2000 } = options;
  let evaluations = 0;
  const objective = (x: number[]) => {
    evaluations++;
    const value = f(x);
    return Number.isNaN(value) ? Infinity : value;
  };

  let best = { x: start.slice(), fx: objective(start.slice()) };
  let runs = 0;
  let runStep = step;
  while (runs < maxRuns) {
    runs++;
    const centre = best.x;
    const result = nelderMead((u) => objective(centre.map((c, i) => c + u[i])), centre.map(() => 0), {
      zeroDelta: runStep,
      fTolerance: tolerance,
      xTolerance,
      maxIterations: maxIterationsPerRun,
    });
    const improvement = best.fx - result.fx;
    if (result.fx < best.fx) best = { x: centre.map((c, i) => c + result.x[i]), fx: result.fx };
    if (runs > 1 && !(improvement > tolerance)) break;
    // Later runs check the optimum with a smaller simplex.
    runStep = step / 10;
  }
  return { x: best.x, fx: best.fx, evaluations, runs };
}
