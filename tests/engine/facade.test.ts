import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropyFromLogits,
  crossEntropyFromLogits,
  sigmoid,
  softmax,
  sumSquaredError,
} from '../../src/engine/index';
import { checkGradient } from './check-gradient';

describe('plain-vector facade', () => {
  it("sumSquaredError: the lecture's example is 1.19", () => {
    const p = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
    const t = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(sumSquaredError(p, t)).toBeCloseTo(1.19, 12);
    expect(() => sumSquaredError([1], [1, 2])).toThrow(/lengths differ/);
  });

  it('softmax sums to 1, keeps order, survives extreme logits', () => {
    expect(softmax([1000, 1000, -1000])).toEqual([0.5, 0.5, 0]);
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    expect(p[0] < p[1] && p[1] < p[2]).toBe(true);
  });

  it('crossEntropyFromLogits = −log softmax(z)[label], finite at extremes', () => {
    expect(crossEntropyFromLogits([1, 2, 3], 2)).toBeCloseTo(-Math.log(softmax([1, 2, 3])[2]), 12);
    expect(crossEntropyFromLogits([1000, 1000, -1000], 0)).toBeCloseTo(Math.LN2, 12);
    expect(crossEntropyFromLogits([1000, 1000, -1000], 2)).toBeCloseTo(2000 + Math.LN2, 9);
    expect(() => crossEntropyFromLogits([1, 2], 2)).toThrow(/label 2/);
  });

  it('binaryCrossEntropyFromLogits is stable for |z| up to 1e4', () => {
    expect(binaryCrossEntropyFromLogits(1e4, 1)).toBe(0);
    expect(binaryCrossEntropyFromLogits(-1e4, 1)).toBeCloseTo(1e4, 9);
    expect(binaryCrossEntropyFromLogits(1e4, 0)).toBeCloseTo(1e4, 9);
    const z = 0.3;
    expect(binaryCrossEntropyFromLogits(z, 1)).toBeCloseTo(-Math.log(sigmoid(z)), 12);
    expect(binaryCrossEntropyFromLogits(z, 0)).toBeCloseTo(-Math.log(1 - sigmoid(z)), 12);
  });

  it('gradients: ∂CE/∂z = softmax − onehot, ∂BCE/∂z = σ(z) − y, ∂SSE/∂ŷ = 2(ŷ − y)', () => {
    const z = [0.2, -1.3, 2.1, 0.4];
    const y = [0, 0, 1, 0];
    const tol = { h: 1e-6, atol: 1e-8, rtol: 1e-6 };
    checkGradient({
      params: [z],
      loss: () => crossEntropyFromLogits(z, 2),
      grads: () => [softmax(z).map((p, i) => p - y[i])],
      ...tol,
    });
    const b = [0.7];
    checkGradient({
      params: [b],
      loss: () => binaryCrossEntropyFromLogits(b[0], 1),
      grads: () => [[sigmoid(b[0]) - 1]],
      ...tol,
    });
    checkGradient({
      params: [z],
      loss: () => sumSquaredError(z, y),
      grads: () => [z.map((v, i) => 2 * (v - y[i]))],
      ...tol,
    });
  });
});
