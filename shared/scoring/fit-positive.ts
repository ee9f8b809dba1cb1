import { minimize } from './minimize';
import { wholeNumber } from './plain-numbers';

/** Parameters are searched in log space (so they stay positive) within this many e-folds of the start. */
const SEARCH_RADIUS = 18;
/** A fitted parameter this close (in e-folds) to the edge of the search ran away: not identified. */
const EDGE = 2;

export type PositiveFit<Name extends string> =
  | { ok: true; params: Record<Name, number>; value: number; evaluations: number }
  | { ok: false; reason: string };

/**
 * Minimises `objective` over positive parameters, starting at `start`. A parameter that runs off
 * towards 0 or infinity means the data do not identify the model: that is a result, not a number.
 */
export function fitPositiveParameters<Name extends string>(
  start: Record<Name, number>,
  objective: (params: Record<Name, number>) => number,
): PositiveFit<Name> {
  const names = Object.keys(start) as Name[];
  const origin = names.map((name) => Math.log(start[name]));
  const toParams = (theta: readonly number[]) =>
    Object.fromEntries(names.map((name, i) => [name, Math.exp(theta[i])])) as Record<Name, number>;
  const outside = (theta: readonly number[]) => theta.some((value, i) => Math.abs(value - origin[i]) > SEARCH_RADIUS);

  const best = minimize((theta) => (outside(theta) ? Infinity : objective(toParams(theta))), origin);
  const params = toParams(best.x);
  if (!Number.isFinite(best.fx)) return { ok: false, reason: 'the likelihood could not be evaluated on these data' };
  const ranAway = names.filter((_, i) => Math.abs(best.x[i] - origin[i]) > SEARCH_RADIUS - EDGE);
  if (ranAway.length > 0) {
    const values = ranAway.map((name) => `${name} = ${params[name].toPrecision(3)}`).join(', ');
    return { ok: false, reason: `${values} ran off towards 0 or infinity` };
  }
  return { ok: true, params, value: best.fx, evaluations: best.evaluations };
}

/** How a model was fitted: maximum likelihood, or maximum a posteriori under the retail prior (regularised). */
export type FitMethod = 'ml' | 'map';

/**
 * Parameters further than this factor from the retail values are at a bound in all but name
 * (a = 494 where retail has 0.8 is within it; what lies beyond it is a fit running off): maximum
 * likelihood that lands there is not used.
 */
const PLAUSIBLE_FACTOR = 1e4;

/** The parameters of `params` beyond the plausible range around `centre` ("a = 1.2e+5 beyond 10,000 times the retail value"); '' when none. */
export function implausible<Name extends string>(params: Record<Name, number>, centre: Record<Name, number>): string {
  const far = (Object.keys(centre) as Name[])
    .filter((name) => Math.abs(Math.log(params[name] / centre[name])) > Math.log(PLAUSIBLE_FACTOR))
    .map((name) => `${name} = ${params[name].toPrecision(3)}`);
  return far.length === 0 ? '' : `${far.join(', ')} beyond ${wholeNumber(PLAUSIBLE_FACTOR)} times the retail value`;
}
