/** Reference solution of `network-forward`: one layer after another, the bias unit at each. */
import { sigmoid } from '@engine';

function layer(W: number[][], a: number[]): number[] {
  return W.map((row) => {
    let z = row[0];
    for (let k = 0; k < a.length; k++) z += row[k + 1] * a[k];
    return sigmoid(z);
  });
}

export function forward(weights: number[][][], x: number[]): number[] {
  let a = x;
  for (const W of weights) a = layer(W, a);
  return a;
}
