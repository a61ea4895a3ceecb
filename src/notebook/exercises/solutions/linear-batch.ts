/** Reference solution of `linear-batch`: Z = X·Wᵀ + b, one dot product per entry. */
export function linear(X: number[][], W: number[][], b: number[]): number[][] {
  if (b.length !== W.length) {
    throw new Error(`W has ${W.length} rows (outputs) but b has ${b.length} entries`);
  }
  const n = W.length > 0 ? W[0].length : 0;
  if (W.some((w) => w.length !== n)) throw new Error('the rows of W differ in length');
  return X.map((x, r) => {
    if (x.length !== n) throw new Error(`example ${r} has ${x.length} features; W expects ${n}`);
    // Row r of X against row j of W: that pairing is the transpose in X·Wᵀ.
    return W.map((w, j) => x.reduce((z, xk, k) => z + xk * w[k], b[j]));
  });
}
