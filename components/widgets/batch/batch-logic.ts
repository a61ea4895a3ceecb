/**
 * Pure logic of the batch-product figure: seeded small-integer X, W and b, the product
 * Z = X·Wᵀ + b from the engine's `linearBatch` (or, when the inner sizes differ, a sentence
 * saying so instead of an exception), and the terms that make one entry of Z.
 * No DOM; tests/widgets runs it in Node.
 */
import { createRng, linearBatch } from '../../../src/engine';

export const MAX = 4;

/** Sizes the student picks: batch B, columns of X, units m, and columns of W. */
export interface BatchSizes {
  batch: number;
  xCols: number;
  units: number;
  wCols: number;
}

/** 4×4 X, 4×4 W and 4 biases from the seed; a figure shows their top-left corners, so changing a size keeps the other entries. */
export function batchData(seed: number): { X: number[][]; W: number[][]; b: number[] } {
  const rng = createRng(seed);
  const int = () => rng.int(7) - 3;
  const grid = () => Array.from({ length: MAX }, () => Array.from({ length: MAX }, int));
  return { X: grid(), W: grid(), b: Array.from({ length: MAX }, int) };
}

export interface BatchView {
  X: number[][];
  W: number[][];
  /** Wᵀ, as drawn: one column per output unit. */
  WT: number[][];
  b: number[];
  /** Z = X·Wᵀ + b, or null when the shapes do not fit. */
  Z: number[][] | null;
  /** Why Z is missing. */
  mismatch: string | null;
}

export function batchView(data: ReturnType<typeof batchData>, s: BatchSizes): BatchView {
  const X = data.X.slice(0, s.batch).map((r) => r.slice(0, s.xCols));
  const W = data.W.slice(0, s.units).map((r) => r.slice(0, s.wCols));
  const WT = Array.from({ length: s.wCols }, (_, k) => W.map((row) => row[k]));
  const b = data.b.slice(0, s.units);
  if (s.xCols !== s.wCols) {
    return {
      X,
      W,
      WT,
      b,
      Z: null,
      mismatch: `X·Wᵀ is not defined: X has ${s.xCols} columns but Wᵀ has ${s.wCols} rows (W has ${s.wCols} columns). The inner sizes must agree: every unit (row of W) needs exactly one weight per feature of the examples.`,
    };
  }
  return { X, W, WT, b, Z: linearBatch(X, W, b), mismatch: null };
}

/** The arithmetic of Z[r][j]: row r of X against column j of Wᵀ (row j of W), plus b[j]. */
export function entryTerms(v: BatchView, r: number, j: number) {
  const terms = v.X[r].map((x, k) => ({ x, w: v.W[j][k], k }));
  return { terms, b: v.b[j], value: v.Z ? v.Z[r][j] : NaN };
}
