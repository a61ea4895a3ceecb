import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  createRng,
  crossEntropy,
  crossEntropyFromLogits,
  crossEntropyGradFromLogits,
  logisticGradient,
  logisticLoss,
  logisticProbability,
  logisticStep,
  sigmoid,
  softmax,
} from '../../src/engine/index';
import { checkGradient } from './check-gradient';

describe('probability-space losses', () => {
  it('crossEntropy(softmax(z), c) = crossEntropyFromLogits(z, c)', () => {
    const z = [0.3, -1.2, 2, 0.7];
    for (let c = 0; c < z.length; c++) {
      expect(crossEntropy(softmax(z), c)).toBeCloseTo(crossEntropyFromLogits(z, c), 12);
    }
    expect(crossEntropy([0, 1], 0)).toBe(Infinity);
    expect(() => crossEntropy([0.5, 0.5], 2)).toThrow(/label 2/);
    expect(() => crossEntropy([0.5, 0.5], 0.5)).toThrow(/label 0.5/);
  });

  it('binaryCrossEntropy agrees with the logit form and costs 0 for a certain right answer', () => {
    for (const z of [-3, -0.2, 0, 1.5]) {
      for (const y of [0, 1]) {
        expect(binaryCrossEntropy(sigmoid(z), y)).toBeCloseTo(
          binaryCrossEntropyFromLogits(z, y),
          12,
        );
      }
    }
    expect(binaryCrossEntropy(1, 1)).toBe(-0);
    expect(binaryCrossEntropy(0, 0)).toBe(-0);
    expect(binaryCrossEntropy(0, 1)).toBe(Infinity);
    expect(() => binaryCrossEntropy(0.5, 0.5)).toThrow(/not 0 or 1/);
  });

  it('crossEntropyGradFromLogits is p̂ − y, matches central differences, finite at 1000', () => {
    const z = [0.5, -1, 2];
    const g = crossEntropyGradFromLogits(z, 1);
    checkGradient({
      params: [z],
      loss: () => crossEntropyFromLogits(z, 1),
      grads: () => [g],
      h: 1e-5,
      atol: 1e-8,
      rtol: 1e-6,
    });
    expect(crossEntropyGradFromLogits([1000, 0, -1000], 2)).toEqual([1, 0, -1]);
    expect(g.reduce((a, b) => a + b)).toBeCloseTo(0, 15);
  });
});

describe('logistic regression', () => {
  const X = [
    [0.5, -1],
    [2, 0.25],
    [-1, 1.5],
  ];
  const y = [1, 0, 1];

  it('the gradient of the mean BCE matches central differences', () => {
    const w = [0.1, -0.4, 0.3];
    const g = logisticGradient(w, X, y);
    checkGradient({
      params: [w],
      loss: () => logisticLoss(w, X, y),
      grads: () => [g],
      h: 1e-5,
      atol: 1e-8,
      rtol: 1e-6,
    });
  });

  it('a step moves against the gradient, leaves w alone and lowers the loss', () => {
    const w = [0, 0, 0];
    const next = logisticStep(w, X, y, 0.5);
    expect(w).toEqual([0, 0, 0]);
    const g = logisticGradient(w, X, y);
    expect(next).toEqual(g.map((gi) => -0.5 * gi));
    expect(logisticLoss(next, X, y)).toBeLessThan(logisticLoss(w, X, y));
  });

  it('trains a separable seeded set to zero errors', () => {
    const rng = createRng(4);
    const pts = Array.from({ length: 40 }, (_, k) => {
      const c = k % 2;
      return { x: [rng.normal() + (c ? 4 : -4), rng.normal()], c };
    });
    let w = [0, 0, 0];
    for (let t = 0; t < 200; t++)
      w = logisticStep(
        w,
        pts.map((p) => p.x),
        pts.map((p) => p.c),
        0.5,
      );
    const right = pts.filter((p) => (logisticProbability(w, p.x) >= 0.5 ? 1 : 0) === p.c).length;
    expect(right).toBe(40);
  });

  it('names the bad shapes', () => {
    expect(() => logisticProbability([1, 2], [1, 2])).toThrow(/need 3/);
    expect(() => logisticGradient([0, 0], [[1]], [1, 0])).toThrow(/lengths differ/);
    expect(() => logisticLoss([0], [], [])).toThrow(/empty/);
  });
});
