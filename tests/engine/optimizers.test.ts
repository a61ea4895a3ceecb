import { describe, expect, it } from 'vitest';
import {
  Matrix,
  adam,
  createOptimizer,
  momentum,
  sgd,
  type Parameter,
} from '../../src/engine/index';

function param(w: number[], g: number[]): Parameter {
  return { name: 'p', value: Matrix.row(w), grad: Matrix.row(g) };
}

/** Minimise f(w) = Σ (w − 3)² from 0 and return the final w. */
function minimise(opt: ReturnType<typeof sgd>, steps: number): number[] {
  const p = param([0, 0], [0, 0]);
  for (let s = 0; s < steps; s++) {
    p.value.data.forEach((w, i) => (p.grad.data[i] = 2 * (w - 3)));
    opt.step([p]);
  }
  return Array.from(p.value.data);
}

describe('optimizers', () => {
  it('sgd: w ← w − lr·g', () => {
    const p = param([1, 2], [0.5, -1]);
    sgd({ lr: 0.1 }).step([p]);
    expect(Array.from(p.value.data)).toEqual([Math.fround(0.95), Math.fround(2.1)]);
  });

  it('momentum: v ← βv + g, w ← w − lr·v (two steps)', () => {
    const p = param([1], [1]);
    const opt = momentum({ lr: 0.1, beta: 0.5 });
    opt.step([p]); // v = 1, w = 0.9
    opt.step([p]); // v = 1.5, w = 0.75
    expect(p.value.data[0]).toBeCloseTo(0.75, 6);
  });

  it('adam: the first step is lr·sign(g) after bias correction', () => {
    const p = param([1, 1], [0.01, -100]);
    adam({ lr: 0.01 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(0.99, 5);
    expect(p.value.data[1]).toBeCloseTo(1.01, 5);
  });

  it('all three reach the minimum of a quadratic', () => {
    expect(minimise(sgd({ lr: 0.1 }), 200)[0]).toBeCloseTo(3, 4);
    expect(minimise(momentum({ lr: 0.05 }), 300)[0]).toBeCloseTo(3, 3);
    expect(minimise(adam({ lr: 0.1 }), 500)[0]).toBeCloseTo(3, 2);
    expect(minimise(createOptimizer('adam', { lr: 0.1 }), 500)[1]).toBeCloseTo(3, 2);
  });

  it('rejects a bad learning rate', () => {
    expect(() => sgd({ lr: 0 })).toThrow(/lr must be a positive number/);
    expect(() => momentum({ lr: NaN })).toThrow(/lr must be a positive number/);
  });
});
