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
  checkLabel('crossEntropyFromLogits', label, z.length);
  return logSumExp(z, 0, z.length) - z[label];
}

/**
 * Cross-entropy of a probability vector for the true class: −ln p̂_label (natural log).
 * Equals crossEntropyFromLogits(z, label) when p̂ = softmax(z).
 * @param probabilities [C] @param label class index in [0, C)
 */
export function crossEntropy(probabilities: readonly number[], label: number): number {
  checkLabel('crossEntropy', label, probabilities.length);
  return -Math.log(probabilities[label]);
}

/**
 * ∂L/∂z of the softmax cross-entropy for one example: softmax(z) − onehot(label), finite for
 * logits of any size. @param z logits [C] @param label class index in [0, C) @returns [C]
 */
export function crossEntropyGradFromLogits(z: readonly number[], label: number): number[] {
  checkLabel('crossEntropyGradFromLogits', label, z.length);
  return softmax(z).map((p, c) => (c === label ? p - 1 : p));
}

/**
 * Binary cross-entropy of a probability: −y ln p − (1 − y) ln(1 − p) for y ∈ {0, 1}. Only the
 * term of the true class is evaluated, so a certain right answer costs 0 (0·ln 0 taken as 0).
 * @param p predicted probability of the positive class @param y target, 0 or 1
 */
export function binaryCrossEntropy(p: number, y: number): number {
  if (y !== 0 && y !== 1) throw new Error(`binaryCrossEntropy: target ${y} is not 0 or 1`);
  return y === 1 ? -Math.log(p) : -Math.log(1 - p);
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

function checkLabel(op: string, label: number, classes: number): void {
  if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
    throw new Error(`${op}: label ${label} is not a class index in 0…${classes - 1}`);
  }
}
