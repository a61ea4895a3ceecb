/** Reference solution of `perceptron-output`. */
export function perceptron(w: number[], x: number[]): number {
  if (w.length !== x.length + 1) {
    throw new Error(
      `need ${x.length + 1} weights for ${x.length} inputs (w0 is the bias), got ${w.length}`,
    );
  }
  let z = w[0];
  for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
  return z >= 0 ? 1 : 0;
}
