/** Reference solution of `logistic-step`: the mean BCE gradient (σ(w·[1, x]) − y)·[1, x], then down. */
import { sigmoid } from '@engine';

export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  const grad = new Array<number>(w.length).fill(0);
  for (let k = 0; k < X.length; k++) {
    let z = w[0];
    for (let i = 0; i < X[k].length; i++) z += w[i + 1] * X[k][i];
    const error = sigmoid(z) - y[k];
    grad[0] += error;
    for (let i = 0; i < X[k].length; i++) grad[i + 1] += error * X[k][i];
  }
  return w.map((wi, i) => wi - (lr * grad[i]) / X.length);
}
