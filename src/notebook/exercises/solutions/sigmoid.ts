/** Reference solution of `sigmoid`: the logistic function, in the form that never overflows. */
export function sigmoid(z: number): number {
  // e^(−z) is at most e^1000 = Infinity for z = −1000, and 1 / Infinity = 0: still finite.
  return 1 / (1 + Math.exp(-z));
}
