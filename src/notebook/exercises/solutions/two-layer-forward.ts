/** Reference solution of `two-layer-forward`: two layers of perceptrons, with the engine's. */
import { perceptronOutput } from '@engine';

export function forward(hidden: number[][], output: number[], x: number[]): number {
  const h = hidden.map((row) => perceptronOutput(row, x));
  return perceptronOutput(output, h);
}
