/**
 * Reference solution of `collapse-linear`: W2·(W1·x + b1) + b2 = (W2·W1)·x + (W2·b1 + b2).
 */
export function collapse(
  W1: number[][],
  b1: number[],
  W2: number[][],
  b2: number[],
): { W: number[][]; b: number[] } {
  const n = W1[0]?.length ?? 0;
  // W[i][k] = Σ_j W2[i][j]·W1[j][k]: the layer applied last stands on the left.
  const W = W2.map((row) =>
    Array.from({ length: n }, (_, k) => row.reduce((s, v, j) => s + v * W1[j][k], 0)),
  );
  const b = W2.map((row, i) => row.reduce((s, v, j) => s + v * b1[j], b2[i]));
  return { W, b };
}
