import { describe, expect, it } from 'vitest';
import {
  Linear,
  Matrix,
  createRng,
  forwardLayers,
  linearBatch,
  mlp,
  preActivation,
  sigmoid,
} from '../../src/engine/index';

describe('plain-array forward propagation', () => {
  it('preActivation adds the bias column and throws on a misfit row', () => {
    expect(preActivation([[0.5, 2, -1]], [3, 4])).toEqual([0.5 + 6 - 4]);
    expect(preActivation([[1], [-2]], [])).toEqual([1, -2]);
    expect(() => preActivation([[1, 2]], [1, 2])).toThrow(/row 0 of W has 2 weights for 2 inputs/);
  });

  it('forwardLayers agrees with the matrix MLP’s forwardTrace (float32)', () => {
    const net = mlp({ sizes: [3, 4, 2], activations: ['sigmoid', 'sigmoid'], rng: createRng(7) });
    // Non-zero biases, so the bias column is exercised.
    net.linears.forEach((l) =>
      l.bias.value.data.set([0.3, -0.2, 0.1, 0.4].slice(0, l.outFeatures)),
    );
    const Ws = net.linears.map((l) =>
      l.weight.value.toRows().map((row, i) => [l.bias.value.get(0, i), ...row]),
    );
    const x = [0.2, -1, 0.5];
    const ours = forwardLayers(Ws, x);
    const theirs = net.forwardTrace(Matrix.row(x));
    ours.z.forEach((z, j) => z.forEach((v, i) => expect(v).toBeCloseTo(theirs.z[j].get(0, i), 5)));
    ours.a.forEach((a, j) => a.forEach((v, i) => expect(v).toBeCloseTo(theirs.a[j].get(0, i), 5)));
    expect(ours.a[1]).toEqual(ours.z[0].map(sigmoid));
  });

  it('linearBatch is X·Wᵀ + b like the Linear layer, and checks shapes', () => {
    const layer = new Linear(3, 2, createRng(3));
    layer.bias.value.data.set([0.5, -1]);
    const X = [
      [1, 2, 3],
      [0, -1, 0.5],
    ];
    const Z = linearBatch(X, layer.weight.value.toRows(), [0.5, -1]);
    const ref = layer.forward(Matrix.fromRows(X)).toRows();
    Z.forEach((row, n) => row.forEach((v, j) => expect(v).toBeCloseTo(ref[n][j], 5)));
    expect(linearBatch([], [[1, 2]], [0])).toEqual([]);
    expect(() => linearBatch([[1, 2]], [[1, 2, 3]], [0])).toThrow(/example 0 has 2 features/);
    expect(() => linearBatch([[1, 2]], [[1, 2]], [0, 1])).toThrow(/b has 2 values/);
    expect(() => linearBatch([[1, 2]], [[1, 2], [1]], [0, 1])).toThrow(/row 1 of W/);
  });
});
