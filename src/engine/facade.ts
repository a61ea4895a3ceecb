/**
 * The plain-vector facade: the formulas of the lecture on ordinary number arrays, computed
 * in float64. Lessons, exercises and graders call these; they agree with the matrix engine
 * to float32 precision.
 */
import { logSumExp } from './activations';
import { bceOne } from './losses';

export { sigmoid, step } from './activations';

/**
 * softmax(z)_c = e^{z_c} / Σ_k e^{z_k}, shifted by max(z) so [1000, 1000, −1000] gives
 * [0.5, 0.5, 0] instead of NaN. @param z logits [C] @returns probabilities [C] summing to 1
 */
export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** log softmax(z), finite for extreme logits. @param z [C] @returns [C] */
export function logSoftmax(z: readonly number[]): number[] {
  const lse = logSumExp(z, 0, z.length);
  return z.map((v) => v - lse);
}

/**
 * Cross-entropy (negative log-likelihood) of the true class: −log softmax(z)_label
 * = logsumexp(z) − z_label. @param z logits [C] @param label class index in [0, C)
 */
export function crossEntropyFromLogits(z: readonly number[], label: number): number {
  if (!(Number.isInteger(label) && label >= 0 && label < z.length)) {
    throw new Error(
      `crossEntropyFromLogits: label ${label} is not a class index in 0…${z.length - 1}`,
    );
  }
  return logSumExp(z, 0, z.length) - z[label];
}

/**
 * Binary cross-entropy −y log σ(z) − (1 − y) log(1 − σ(z)) from the logit z, in a form that
 * stays finite for |z| up to 1e4 and beyond. @param y target in [0, 1]
 */
export function binaryCrossEntropyFromLogits(z: number, y: number): number {
  return bceOne(z, y);
}

/**
 * Σ_c (ŷ_c − y_c)² of one example (the lecture's MNIST example gives 1.19).
 * @param prediction [C] @param target [C]
 */
export function sumSquaredError(prediction: readonly number[], target: readonly number[]): number {
  if (prediction.length !== target.length) {
    throw new Error(
      `sumSquaredError: prediction has ${prediction.length} values, target ${target.length} — lengths differ`,
    );
  }
  let s = 0;
  for (let i = 0; i < prediction.length; i++) s += (prediction[i] - target[i]) ** 2;
  return s;
}
