/**
 * Pure logic of the logistic regression lab: seeded two-class point sets, full-batch gradient
 * descent on the mean binary cross-entropy (the engine's `logisticStep`), the two-logit softmax
 * classifier of the same points trained alongside, and the grids and per-point losses the
 * figures draw. Everything numeric goes through the engine.
 */
import {
  binaryCrossEntropyFromLogits,
  blobs,
  circle,
  createRng,
  crossEntropyGradFromLogits,
  logisticLogit,
  logisticLoss,
  logisticProbability,
  logisticStep,
  softmax,
} from '../../../src/engine';
import type { View } from '../perceptron/perceptron-logic';

export const LAB_VIEW: View = { lo: -1.5, hi: 1.5 };

export type PresetName = 'blobs' | 'overlap' | 'circle';
export const PRESETS: Readonly<Record<PresetName, string>> = {
  blobs: 'Two blobs',
  overlap: 'Overlapping blobs',
  circle: 'A ring around a disc (no line separates it)',
};

/** A point of the plane with its class: 1 is the positive class ("cat"), 0 the negative. */
export interface LabPoint {
  x1: number;
  x2: number;
  c: 0 | 1;
}

/** The preset's points, the same for the same seed. */
export function presetPoints(name: PresetName, seed: number, n = 40): LabPoint[] {
  const rng = createRng(seed);
  const data =
    name === 'circle'
      ? circle({ n, noise: 0, rng })
      : blobs({ n, noise: name === 'overlap' ? 0.25 : 0, rng });
  return data.inputs.map((x, i) => ({ x1: x[0], x2: x[1], c: data.targets[i] === 1 ? 1 : 0 }));
}

/**
 * The lab's models. `w` = [w0, w1, w2] is logistic regression; `W` holds the two rows
 * (positive class, negative class) of the two-logit softmax classifier, six parameters.
 */
export interface LabModels {
  w: number[];
  W: [number[], number[]];
}

export const ZERO_MODELS: LabModels = {
  w: [0, 0, 0],
  W: [
    [0, 0, 0],
    [0, 0, 0],
  ],
};

/** The points as logisticStep's X (one row [x1, x2] per point) and y. */
export const inputs = (pts: readonly LabPoint[]) => pts.map((p) => [p.x1, p.x2]);
export const labels = (pts: readonly LabPoint[]) => pts.map((p) => p.c);

/** One full-batch step of both models at rate `lr`, on the engine. */
export function labStep(models: LabModels, pts: readonly LabPoint[], lr: number): LabModels {
  if (pts.length === 0) return models;
  return {
    w: logisticStep(models.w, inputs(pts), labels(pts), lr),
    W: softmaxStep(models.W, pts, lr),
  };
}

/**
 * One step of the two-logit softmax model. The rows move by opposite amounts (their logit
 * gradients are p̂ − y and −(p̂ − y)), so their difference moves twice as far as each row;
 * trained at lr / 2 from zero, that difference equals logistic regression's weights.
 */
export function softmaxStep(
  W: LabModels['W'],
  pts: readonly LabPoint[],
  lr: number,
): LabModels['W'] {
  if (pts.length === 0) return W;
  const grad: [number[], number[]] = [
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const p of pts) {
    const x = [1, p.x1, p.x2];
    const z = W.map((row) => row[0] * x[0] + row[1] * x[1] + row[2] * x[2]);
    // Class order in the softmax: index 0 = positive, index 1 = negative.
    const g = crossEntropyGradFromLogits(z, p.c === 1 ? 0 : 1);
    for (let r = 0; r < 2; r++) for (let i = 0; i < 3; i++) grad[r][i] += g[r] * x[i];
  }
  const rate = lr / 2 / pts.length;
  return W.map((row, r) => row.map((v, i) => v - rate * grad[r][i])) as LabModels['W'];
}

/** Mean BCE of logistic regression on the points (0 points: 0). */
export function labLoss(w: readonly number[], pts: readonly LabPoint[]): number {
  return pts.length ? logisticLoss(w, inputs(pts), labels(pts)) : 0;
}

/** Each point's own BCE, −ln p̂ of its class, computed from the logit. */
export function pointLosses(w: readonly number[], pts: readonly LabPoint[]): number[] {
  return pts.map((p) => binaryCrossEntropyFromLogits(logisticLogit(w, [p.x1, p.x2]), p.c));
}

/** Points classified right at the 0.5 threshold. */
export function correctCount(w: readonly number[], pts: readonly LabPoint[]): number {
  return pts.filter((p) => (logisticProbability(w, [p.x1, p.x2]) >= 0.5 ? 1 : 0) === p.c).length;
}

/** The softmax model's probability of the positive class at x. */
export function softmaxPositive(W: LabModels['W'], x: readonly number[]): number {
  const z = W.map((row) => row[0] + row[1] * x[0] + row[2] * x[1]);
  return softmax(z)[0];
}

/** The difference of the softmax rows, positive minus negative: what its boundary depends on. */
export function rowDifference(W: LabModels['W']): number[] {
  return W[0].map((v, i) => v - W[1][i]);
}

/** p̂(x) on an n × n grid over the view, row by row from the top (Plot.raster's order). */
export function probabilityGrid(f: (x: number[]) => number, n: number, view = LAB_VIEW) {
  const out = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    const x2 = view.hi - ((r + 0.5) / n) * (view.hi - view.lo);
    for (let c = 0; c < n; c++)
      out[r * n + c] = f([view.lo + ((c + 0.5) / n) * (view.hi - view.lo), x2]);
  }
  return out;
}
