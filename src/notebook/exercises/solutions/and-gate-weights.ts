/** Reference solution of `and-gate-weights`: only x1 + x2 = 2 reaches the threshold 1.5. */
export const w: number[] = [-1.5, 1, 1];
