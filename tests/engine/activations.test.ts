import { describe, expect, it } from 'vitest';
import {
  Matrix,
  activations,
  getActivation,
  logSoftmaxRows,
  logSoftmaxRowsBackward,
  sigmoid,
  softmaxRows,
  softmaxRowsBackward,
  step,
  type ActivationName,
} from '../../src/engine/index';
import { checkGradient, project, randomMatrix } from './check-gradient';

describe('activations', () => {
  it('step is 1 at z ≥ 0 and has derivative 0', () => {
    expect([-2, -1e-9, 0, 3].map(step)).toEqual([0, 0, 1, 1]);
    expect(activations.step.der(0.5)).toBe(0);
  });

  it('sigmoid never overflows, even at |z| = 1e4', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1e4)).toBe(1);
    expect(sigmoid(-1e4)).toBe(0);
    expect(sigmoid(-745)).toBeGreaterThanOrEqual(0);
    for (const z of [-1e4, -50, -1, 1, 50, 1e4]) {
      expect(Number.isFinite(activations.sigmoid.der(z))).toBe(true);
      expect(sigmoid(z) + sigmoid(-z)).toBeCloseTo(1, 12);
    }
  });

  it('unknown names list the valid ones', () => {
    expect(() => getActivation('gelu')).toThrow(/step, sigmoid, tanh, relu, identity/);
  });

  // Points kept away from 0, where step and relu have their kinks.
  const z = [-2.3, -1.1, -0.4, 0.3, 0.9, 2.2];
  for (const name of Object.keys(activations) as ActivationName[]) {
    it(`${name}: der matches central differences`, () => {
      const g = activations[name];
      const x = Float64Array.from(z);
      const r = z.map((_, i) => 1 + i / 3);
      checkGradient({
        params: [x],
        loss: () => x.reduce((s, v, i) => s + r[i] * g.output(v), 0),
        grads: () => [x.map((v, i) => r[i] * g.der(v))],
        h: 1e-5,
        atol: 1e-7,
        rtol: 1e-5,
      });
    });
  }
});

describe('softmax and log-softmax by rows', () => {
  it('rows sum to 1 and survive extreme logits', () => {
    const z = Matrix.fromRows([
      [1000, 1000, -1000],
      [-1000, -1000, -1000],
      [1, 2, 3],
      [1e4, -1e4, 0],
    ]);
    const p = softmaxRows(z);
    const lp = logSoftmaxRows(z);
    for (let i = 0; i < z.rows; i++) {
      expect(p.row(i).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(lp.row(i).every(Number.isFinite)).toBe(true);
    }
    expect(p.row(0)).toEqual([0.5, 0.5, 0]);
    expect(lp.get(0, 2)).toBeCloseTo(-2000 - Math.LN2, 3);
  });

  it('preserves the order of the logits', () => {
    const p = softmaxRows(Matrix.row([0.3, -1, 2, 0.5])).row(0);
    expect([...p].sort((a, b) => a - b)).toEqual([p[1], p[0], p[3], p[2]]);
  });

  it('gradients match central differences', () => {
    const z = randomMatrix(3, 5, 7, 3);
    const r = randomMatrix(3, 5, 8);
    checkGradient({
      params: [z.data],
      loss: () => project(softmaxRows(z), r),
      grads: () => [softmaxRowsBackward(z, r).data],
    });
    checkGradient({
      params: [z.data],
      loss: () => project(logSoftmaxRows(z), r),
      grads: () => [logSoftmaxRowsBackward(z, r).data],
    });
  });
});

describe('derivatives from the output', () => {
  it('derFromOutput(g(z)) equals der(z) wherever it is defined', () => {
    for (const a of Object.values(activations)) {
      if (!a.derFromOutput) continue;
      for (const z of [-30, -2, -0.5, 0.1, 1, 4, 30]) {
        expect(a.derFromOutput(a.output(z))).toBeCloseTo(a.der(z), 12);
      }
    }
  });
});
