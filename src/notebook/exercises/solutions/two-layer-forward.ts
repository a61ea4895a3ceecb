/** Reference solution of `two-layer-forward`: a layer of perceptrons, then one more on top. */
const step = (z: number): number => (z >= 0 ? 1 : 0);

/** step(w[0] + Σ w[i + 1]·v[i]): one perceptron, its bias first. */
function unit(w: number[], v: number[]): number {
  let z = w[0];
  for (let i = 0; i < v.length; i++) z += w[i + 1] * v[i];
  return step(z);
}

export function forward(hidden: number[][], output: number[], x: number[]): number {
  const h = hidden.map((row) => unit(row, x));
  return unit(output, h);
}
