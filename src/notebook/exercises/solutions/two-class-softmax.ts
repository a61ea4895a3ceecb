/**
 * Reference solution of `two-class-softmax`: dividing by e^{zPositive} leaves σ(zPositive −
 * zNegative), computed in the branch whose exponent is ≤ 0.
 */
export function twoClassSoftmax(zPositive: number, zNegative: number): number {
  const d = zPositive - zNegative;
  if (d >= 0) return 1 / (1 + Math.exp(-d));
  const e = Math.exp(d);
  return e / (1 + e);
}
