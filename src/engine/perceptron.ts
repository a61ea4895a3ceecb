/**
 * Rosenblatt's perceptron (1957) on plain arrays: y = step(w0 + w1·x1 + … + wn·xn), and
 * its learning rule w ← w + lr·(t − y)·[1, x]. The step has derivative 0, so gradient descent
 * cannot train it; this rule can, and converges whenever the data are linearly separable
 * (AND, OR) — and never on XOR.
 */
import { step } from './activations';
import type { Rng } from './rng';

/**
 * @param w [w0, w1, …, wn] — w0 is the bias (the weight on the constant input x0 = 1)
 * @param x [x1, …, xn]
 * @returns 1 if w0 + Σ wi·xi ≥ 0, else 0
 */
export function perceptronOutput(w: readonly number[], x: readonly number[]): number {
  return step(perceptronSum(w, x));
}

/** The pre-activation w0 + Σ wi·xi. Throws unless w.length === x.length + 1. */
export function perceptronSum(w: readonly number[], x: readonly number[]): number {
  if (w.length !== x.length + 1) {
    throw new Error(
      `perceptron: ${w.length} weights for ${x.length} inputs — need ${x.length + 1} (w0 is the bias)`,
    );
  }
  let z = w[0];
  for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
  return z;
}

/**
 * One step of the perceptron rule, as a new array: w ← w + lr·(t − y)·[1, x]. Nothing changes
 * when the output y already equals the target t.
 * @param w [w0, …, wn] @param x [x1, …, xn] @param target 0 or 1
 */
export function perceptronUpdate(
  w: readonly number[],
  x: readonly number[],
  target: number,
  lr: number,
): number[] {
  const err = target - perceptronOutput(w, x);
  return w.map((wi, i) => wi + lr * err * (i === 0 ? 1 : x[i - 1]));
}

/**
 * A network of perceptrons with one hidden layer (chapter 3's step network):
 * h_j = step(hidden_j · [1, x]), then y = step(output · [1, h]).
 * @param hidden [units][inputs + 1], each row a hidden unit's [w0, w1, …]
 * @param output [units + 1], the output unit's bias first
 * @param x [inputs]
 * @returns the hidden activations h [units] and the output y (0 or 1)
 */
export function stepNetworkForward(
  hidden: readonly (readonly number[])[],
  output: readonly number[],
  x: readonly number[],
): { h: number[]; y: number } {
  const h = hidden.map((row) => perceptronOutput(row, x));
  return { h, y: perceptronOutput(output, h) };
}

/** One epoch of the perceptron rule, for charts. */
export interface PerceptronEpoch {
  /** 1-based epoch number. */
  epoch: number;
  /** How many examples were misclassified (and so updated) during the epoch. */
  errors: number;
  /** Weights at the end of the epoch. */
  weights: number[];
}

export interface PerceptronResult {
  weights: number[];
  /** Epochs run (the converging epoch included). */
  epochs: number;
  /** True when an epoch passed without a single mistake. */
  converged: boolean;
  history: PerceptronEpoch[];
}

/**
 * Cycle through the examples applying `perceptronUpdate` until one epoch has no mistakes or
 * `maxEpochs` is reached.
 * @param data inputs [m][n], targets [m] of 0/1
 * @param opts w0 defaults to all zeros; pass `rng` to visit examples in a seeded random order
 */
export function trainPerceptron(
  data: { inputs: number[][]; targets: number[] },
  opts: { lr: number; maxEpochs: number; w0?: number[]; rng?: Rng },
): PerceptronResult {
  const { inputs, targets } = data;
  if (inputs.length !== targets.length || inputs.length === 0) {
    throw new Error(
      `trainPerceptron: ${inputs.length} inputs and ${targets.length} targets — need the same, non-zero count`,
    );
  }
  let w = opts.w0 ? [...opts.w0] : new Array<number>(inputs[0].length + 1).fill(0);
  const history: PerceptronEpoch[] = [];
  const order = inputs.map((_, i) => i);
  for (let epoch = 1; epoch <= opts.maxEpochs; epoch++) {
    if (opts.rng) opts.rng.shuffle(order);
    let errors = 0;
    for (const i of order) {
      if (perceptronOutput(w, inputs[i]) !== targets[i]) errors++;
      w = perceptronUpdate(w, inputs[i], targets[i], opts.lr);
    }
    history.push({ epoch, errors, weights: [...w] });
    if (errors === 0) return { weights: w, epochs: epoch, converged: true, history };
  }
  return { weights: w, epochs: opts.maxEpochs, converged: false, history };
}
