/**
 * Reference solution of `binary-cross-entropy`: the term of the true class only, so that a
 * certain right answer gives 0 instead of 0 · (−Infinity) = NaN.
 */
export function binaryCrossEntropy(p: number, y: number): number {
  return y === 1 ? -Math.log(p) : -Math.log(1 - p);
}
