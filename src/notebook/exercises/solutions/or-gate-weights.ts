/** Reference solution of `or-gate-weights`: any x1 + x2 ≥ 1 reaches the threshold 0.5. */
export const w: number[] = [-0.5, 1, 1];
