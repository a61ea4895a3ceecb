/** Reference solution of `perceptron-update`. */
import { perceptronOutput } from '@engine';

export function perceptronUpdate(w: number[], x: number[], target: number, lr: number): number[] {
  const error = target - perceptronOutput(w, x);
  return w.map((wi, i) => wi + lr * error * (i === 0 ? 1 : x[i - 1]));
}
