/*! @license BSD-3-Clause (fmin)
 * Nelder-Mead downhill simplex: a typed copy of `nelderMead` from fmin 0.0.4
 * (https://github.com/benfred/fmin, src/nelderMead.js) with two bugs fixed. The installed `fmin`
 * package cannot be used directly:
 * - it cannot be imported in Node ESM, so not in vitest either: its entry is a UMD build under
 *   "type": "module" (no named exports), and its ES source imports './blas1' without an extension;
 * - its shrink step throws "ReferenceError: i is not defined" (an undeclared loop variable);
 * - its x tolerance reads the f tolerance option (`minTolerance = parameters.minErrorDelta`).
 * Fixed here: the loop variable is declared and the two tolerances are separate options.
 *
 * Copyright 2016, Ben Frederickson
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met:
 *
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 *
 * * Redistributions in binary form must reproduce the above copyright notice,
 *   this list of conditions and the following disclaimer in the documentation
 *   and/or other materials provided with the distribution.
 *
 * * Neither the name of the author nor the names of contributors may be used to
 *   endorse or promote products derived from this software without specific prior
 *   written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

export interface NelderMeadOptions {
  maxIterations?: number;
  /** initial simplex step for a coordinate that is 0 */
  zeroDelta?: number;
  /** initial simplex factor for a coordinate that is not 0 */
  nonZeroDelta?: number;
  /** stop when f over the simplex spreads less than this… */
  fTolerance?: number;
  /** …and every coordinate over the simplex spreads less than this */
  xTolerance?: number;
}

type Point = { x: number[]; fx: number };

/** Minimises `f` from `initial`; returns the best point found. */
export function nelderMead(f: (x: number[]) => number, initial: readonly number[], options: NelderMeadOptions = {}): Point {
  const n = initial.length;
  const {
    maxIterations = n * 200,
    zeroDelta = 0.001,
    nonZeroDelta = 1.05,
    fTolerance = 1e-6,
    xTolerance = 1e-5,
  } = options;
  // Reflection, expansion, contraction and shrink coefficients: the standard 1, 2, -1/2, 1/2.
  const rho = 1;
  const chi = 2;
  const psi = -0.5;
  const sigma = 0.5;

  const point = (x: number[]): Point => ({ x, fx: f(x) });
  const simplex: Point[] = [point(initial.slice())];
  for (let i = 0; i < n; i++) {
    const x = initial.slice();
    x[i] = x[i] ? x[i] * nonZeroDelta : zeroDelta;
    simplex.push(point(x));
  }
  // ret = w1 * v1 + w2 * v2
  const weightedSum = (w1: number, v1: number[], w2: number, v2: number[]) => v1.map((value, j) => w1 * value + w2 * v2[j]);
  const centroid = new Array<number>(n);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((p, q) => p.fx - q.fx);
    const [best] = simplex;
    const worst = simplex[n];

    let spread = 0;
    for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(best.x[i] - simplex[1].x[i]));
    if (Math.abs(best.fx - worst.fx) < fTolerance && spread < xTolerance) break;

    // centroid of all but the worst point
    for (let i = 0; i < n; i++) {
      centroid[i] = 0;
      for (let j = 0; j < n; j++) centroid[i] += simplex[j].x[i];
      centroid[i] /= n;
    }

    const reflected = point(weightedSum(1 + rho, centroid, -rho, worst.x));
    if (reflected.fx < best.fx) {
      const expanded = point(weightedSum(1 + chi, centroid, -chi, worst.x));
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
    } else if (reflected.fx >= simplex[n - 1].fx) {
      let shouldShrink = false;
      if (reflected.fx > worst.fx) {
        const inside = point(weightedSum(1 + psi, centroid, -psi, worst.x));
        if (inside.fx < worst.fx) simplex[n] = inside;
        else shouldShrink = true;
      } else {
        const outside = point(weightedSum(1 - psi * rho, centroid, psi * rho, worst.x));
        if (outside.fx < reflected.fx) simplex[n] = outside;
        else shouldShrink = true;
      }
      if (shouldShrink) {
        for (let i = 1; i < simplex.length; i++) simplex[i] = point(weightedSum(1 - sigma, best.x, sigma, simplex[i].x));
      }
    } else {
      simplex[n] = reflected;
    }
  }

  simplex.sort((p, q) => p.fx - q.fx);
  return simplex[0];
}
