/**
 * The code cells of chapters 4 and 5, run in page order in the notebook's Node sandbox, with
 * their displayed values checked against the engine and against what the lesson text says.
 */
import { describe, expect, it } from 'vitest';
import { plainJson, runCells } from './run-cells';
import { createRng, forwardLayers, linearBatch, mlp, sigmoid } from '../../src/engine';
import { XOR_LIKE_NET } from '../../components/widgets/forward/forward-logic';

const runPage = (files: string[]) => runCells(files, plainJson);

const CORNERS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('chapter 4 cells', () => {
  it('run in order and back up the lesson’s numbers', async () => {
    const [sig, unit, network, batch] = await runPage([
      '04/sigmoid.ts',
      '04/one-unit.ts',
      '04/network.ts',
      '04/batch.ts',
    ]);
    const rows = sig.value as { z: number; sigmoid: number; oneMinusMirror: number }[];
    for (const r of rows) {
      expect(r.sigmoid).toBeCloseTo(sigmoid(r.z), 6);
      expect(r.oneMinusMirror).toBeCloseTo(r.sigmoid, 6);
    }
    // The worked example: z = (1, 2), a ≈ (0.731, 0.881).
    const u = unit.value as { z: number[]; a: number[] };
    expect(u.z).toEqual([1, 2]);
    expect(u.a.map((v) => +v.toFixed(3))).toEqual([0.731, 0.881]);
    // The stepper's network computes ≈ XOR on the corners.
    const net = network.value as { output: number }[];
    expect(net.map((r) => Math.round(r.output))).toEqual([0, 1, 1, 0]);
    net.forEach((r, i) =>
      expect(r.output).toBeCloseTo(forwardLayers(XOR_LIKE_NET, CORNERS[i]).a[2][0], 4),
    );
    const b = batch.value as { batchRow: number[]; oneAtATime: number[] }[];
    for (const r of b) expect(r.batchRow).toEqual(r.oneAtATime);
  });
});

describe('chapter 5 cells', () => {
  it('run in order and back up the lesson’s numbers', async () => {
    const [layer, params, collapse] = await runPage([
      '05/linear-layer.ts',
      '05/parameters.ts',
      '05/collapse.ts',
    ]);
    const l = layer.value as { Z: number[][]; samePlainArrays: number[][] };
    expect(l.Z).toEqual(l.samePlainArrays);
    expect(l.Z).toHaveLength(4);
    expect(layer.logs[0].args.map(String).join(' ')).toBe('X 4,3 · Wᵀ 3,2 + b 1,2 = Z 4,2');
    const p = params.value as { engineCount: number; perLayer: string[] };
    // The lesson says (784 + 1)·128 + (128 + 1)·10 = 101,770.
    expect(p.engineCount).toBe((784 + 1) * 128 + (128 + 1) * 10);
    expect(p.engineCount).toBe(101_770);
    const net = mlp({
      sizes: [784, 128, 10],
      activations: ['sigmoid', 'sigmoid'],
      rng: createRng(1),
    });
    expect(p.perLayer).toEqual(
      net
        .parameters()
        .map((q) => `${q.name} ${q.value.rows}×${q.value.cols} = ${q.value.rows * q.value.cols}`),
    );
    const c = collapse.value as {
      W: number[][];
      b: number[];
      twoLayers: number[][];
      oneLayer: number[][];
    };
    c.twoLayers.forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(c.oneLayer[i][j], 12)),
    );
    // The layer read off the map is the one the lesson names: W = W2·W1, b = W2·b1 + b2.
    expect(c.W).toEqual([[2 * 1 - 0 + 3, 2 * 2 + 1 + 1]]);
    expect(c.b).toEqual([2 * 1 - 0 - 2 + 0.5]);
    expect(c.oneLayer).toEqual(
      linearBatch(
        [
          [0, 0],
          [1, 2],
          [-1, 3],
        ],
        c.W,
        c.b,
      ),
    );
  });
});
