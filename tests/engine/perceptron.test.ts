import { describe, expect, it } from 'vitest';
import {
  createRng,
  gates,
  perceptronOutput,
  perceptronUpdate,
  stepNetworkForward,
  trainPerceptron,
} from '../../src/engine/index';

describe('perceptron', () => {
  it('y = step(w0 + w·x); w0 is the bias', () => {
    // The lecture's AND gate: fires only when x1 + x2 ≥ 1.5.
    const w = [-1.5, 1, 1];
    expect(gates.AND.inputs.map((x) => perceptronOutput(w, x))).toEqual(gates.AND.targets);
    expect(perceptronOutput([0, 1, 1], [0, 0])).toBe(1); // z = 0 counts as firing
    expect(() => perceptronOutput([1, 2], [1, 2])).toThrow(/2 weights for 2 inputs — need 3/);
  });

  it('the update rule moves w by lr·(t − y)·[1, x] and returns a new array', () => {
    const w = [0, 0, 0];
    const next = perceptronUpdate(w, [1, 1], 0, 0.5); // y = 1, t = 0
    expect(next).toEqual([-0.5, -0.5, -0.5]);
    expect(w).toEqual([0, 0, 0]);
    expect(perceptronUpdate(next, [0, 1], 0, 0.5)).toEqual(next); // already right: no change
  });

  for (const name of ['AND', 'OR', 'NAND'] as const) {
    it(`converges on ${name} (linearly separable)`, () => {
      const r = trainPerceptron(gates[name], { lr: 1, maxEpochs: 100 });
      expect(r.converged).toBe(true);
      expect(gates[name].inputs.map((x) => perceptronOutput(r.weights, x))).toEqual(
        gates[name].targets,
      );
      expect(r.history.at(-1)!.errors).toBe(0);
      expect(r.history).toHaveLength(r.epochs);
    });
  }

  it('never converges on XOR, whatever the start, rate or order', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const w0 = [rng.normal(), rng.normal(), rng.normal()];
      const r = trainPerceptron(gates.XOR, { lr: 0.1 * seed, maxEpochs: 500, w0, rng });
      expect(r.converged).toBe(false);
      expect(r.epochs).toBe(500);
      expect(r.history.every((e) => e.errors > 0)).toBe(true);
    }
  });
});

describe('stepNetworkForward', () => {
  it('computes XOR as AND(OR, NAND), with the hidden units’ outputs', () => {
    const hidden = [
      [-0.5, 1, 1],
      [1.5, -1, -1],
    ];
    const output = [-1.5, 1, 1];
    const rows = gates.XOR.inputs.map((x) => stepNetworkForward(hidden, output, x));
    expect(rows.map((r) => r.y)).toEqual(gates.XOR.targets);
    expect(rows.map((r) => r.h)).toEqual(
      gates.XOR.inputs.map((x) => [perceptronOutput(hidden[0], x), perceptronOutput(hidden[1], x)]),
    );
  });

  it('takes any sizes: no hidden units leaves the output bias alone; ties give 1', () => {
    expect(stepNetworkForward([], [0], [1, 0])).toEqual({ h: [], y: 1 });
    expect(stepNetworkForward([[-1, 0, 0, 1]], [-1, 1], [0, 0, 1])).toEqual({ h: [1], y: 1 });
    expect(() => stepNetworkForward([[1, 1]], [0, 1], [1, 1])).toThrow(/need 3/);
  });
});
