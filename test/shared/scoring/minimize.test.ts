import { describe, expect, it } from 'vitest';
import { minimize } from '../../../shared/scoring/minimize';
import { nelderMead } from '../../../shared/scoring/nelder-mead';

const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

describe('nelderMead', () => {
  it('survives its shrink step (fmin 0.0.4 throws "i is not defined" there on this very input)', () => {
    // Seeded noise defeats contractions, which forces the simplex to shrink.
    let seed = 1;
    const noisyBowl = ([x, y]: number[]) => {
      seed = (seed * 16807) % 2147483647;
      return x * x + y * y + seed / 2147483647;
    };
    const result = nelderMead(noisyBowl, [3, -2], { maxIterations: 500 });
    expect(Math.hypot(result.x[0], result.x[1])).toBeLessThan(1);
    expect(result.fx).toBeLessThan(1);
  });

  it('finds the minimum of a quadratic bowl', () => {
    const result = nelderMead(([x, y]) => (x - 3) ** 2 + 2 * (y + 1) ** 2, [0, 0], { zeroDelta: 0.5, fTolerance: 1e-14, xTolerance: 1e-8 });
    expect(result.x[0]).toBeCloseTo(3, 5);
    expect(result.x[1]).toBeCloseTo(-1, 5);
  });
});

describe('minimize', () => {
  it('follows the curved Rosenbrock valley to (1, 1)', () => {
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.fx).toBeLessThan(1e-8);
  });

  it('steps away from points where the objective is NaN', () => {
    const result = minimize(([x]) => (x < 0 ? Number.NaN : (x - 2) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});
