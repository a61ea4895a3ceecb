/**
 * The one numeric gradient check every engine test uses (tinygrad / micrograd style).
 *
 * Give it the tensors to perturb, a scalar objective recomputed from their current values,
 * and the analytic gradients at the unperturbed point. Each checked coordinate is nudged by
 * ±h and the central difference (f(x+h) − f(x−h)) / 2h is compared with the analytic value.
 *
 * Vector-valued ops are checked through a fixed random projection L = Σ R ⊙ output, whose
 * gradient with respect to the output is R — so one call covers the whole Jacobian. The
 * projection is summed in float64 (`project`), which keeps float32 round-off in the engine
 * well below the tolerance when h is ~1e-2; pure float64 code can use a much smaller h.
 */
import { expect } from 'vitest';
import { createRng, Matrix } from '../../src/engine/index';

type Tensor = Float32Array | Float64Array | number[];

export interface GradientCheck {
  /** The inputs to perturb, in place (restored afterwards). */
  params: Tensor[];
  /** The scalar objective at the params' current values. */
  loss: () => number;
  /** Analytic ∂loss/∂param for each param, evaluated at the unperturbed point. */
  grads: () => ArrayLike<number>[];
  /** Step (default 1e-2, suited to float32 code). */
  h?: number;
  /** Allowed error: |num − ana| ≤ atol + rtol · max(|num|, |ana|). Defaults 1e-3 and 1e-2. */
  atol?: number;
  rtol?: number;
}

/** Run the check; fails the test with the worst coordinate when any is off. Returns the max error. */
export function checkGradient(c: GradientCheck): number {
  const { h = 1e-2, atol = 1e-3, rtol = 1e-2 } = c;
  const analytic = c.grads().map((g) => Array.from(g));
  let worst = { err: 0, where: '' };
  c.params.forEach((p, t) => {
    expect(analytic[t].length, `gradient ${t} length`).toBe(p.length);
    for (let i = 0; i < p.length; i++) {
      const x = p[i];
      p[i] = x + h;
      const up = c.loss();
      p[i] = x - h;
      const down = c.loss();
      p[i] = x;
      const num = (up - down) / (2 * h);
      const ana = analytic[t][i];
      const err = Math.abs(num - ana) / (atol + rtol * Math.max(Math.abs(num), Math.abs(ana)));
      if (err > worst.err)
        worst = { err, where: `param ${t}[${i}]: numeric ${num}, analytic ${ana}` };
    }
  });
  expect(worst.err, `gradient mismatch at ${worst.where}`).toBeLessThanOrEqual(1);
  return worst.err;
}

/** A seeded matrix with entries in [−scale, scale), for test inputs. */
export function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.uniform(-scale, scale);
  return m;
}

/** Σ r ⊙ out in float64: the scalar that turns a vector-valued op into a checkable loss. */
export function project(out: Matrix, r: Matrix): number {
  let s = 0;
  for (let i = 0; i < out.data.length; i++) s += out.data[i] * r.data[i];
  return s;
}
