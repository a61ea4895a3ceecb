/**
 * Activation functions g(z) as `{output, der}` pairs in a string-keyed registry (the
 * TensorFlow Playground shape), plus the row-wise softmax and log-softmax.
 */
import { Matrix } from './matrix';

/** A scalar activation: `output(z) = g(z)`, `der(z) = g′(z)` (both take the pre-activation z). */
export interface Activation {
  readonly name: ActivationName;
  readonly output: (z: number) => number;
  readonly der: (z: number) => number;
  /** g′ written in terms of the output a = g(z), where that saves recomputing g (sigmoid: a(1 − a)). */
  readonly derFromOutput?: (a: number) => number;
}

export type ActivationName = 'step' | 'sigmoid' | 'tanh' | 'relu' | 'identity';

/** The perceptron's hard threshold: 1 when z ≥ 0, else 0 (the lecture's convention at z = 0). */
export function step(z: number): number {
  return z >= 0 ? 1 : 0;
}

/**
 * The logistic function 1 / (1 + e^−z). Written in two branches so that e^x only ever sees
 * x ≤ 0: no overflow to Infinity and no Infinity/Infinity for any finite z.
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const activations: Readonly<Record<ActivationName, Activation>> = {
  // The step's derivative is 0 almost everywhere, which is exactly why gradient descent
  // cannot train a perceptron and Rosenblatt's rule is needed.
  step: { name: 'step', output: step, der: () => 0 },
  sigmoid: {
    name: 'sigmoid',
    output: sigmoid,
    der: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    derFromOutput: (a) => a * (1 - a),
  },
  tanh: {
    name: 'tanh',
    output: Math.tanh,
    der: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    derFromOutput: (a) => 1 - a * a,
  },
  // At z = 0 we pick der 0 (a valid subgradient), like most libraries.
  relu: { name: 'relu', output: (z) => (z > 0 ? z : 0), der: (z) => (z > 0 ? 1 : 0) },
  identity: { name: 'identity', output: (z) => z, der: () => 1 },
};

/** Look up an activation, with an error that lists the valid names. */
export function getActivation(name: string): Activation {
  if (!Object.hasOwn(activations, name)) {
    throw new Error(
      `unknown activation '${name}' — expected one of ${Object.keys(activations).join(', ')}`,
    );
  }
  return activations[name as ActivationName];
}

/**
 * Row-wise log-softmax: log p̂_c = z_c − max − log Σ exp(z − max). Subtracting the row max
 * keeps every exp ≤ 1, so logits like [1000, 1000, −1000] stay finite.
 * @param z [n, C] logits @returns [n, C]
 */
export function logSoftmaxRows(z: Matrix): Matrix {
  const out = new Matrix(z.rows, z.cols);
  logSoftmaxInto(z.data, out.data, z.rows, z.cols);
  return out;
}

/** Row-wise softmax (rows sum to 1). @param z [n, C] logits @returns [n, C] probabilities */
export function softmaxRows(z: Matrix): Matrix {
  const out = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    const o = i * z.cols;
    let max = -Infinity;
    for (let j = 0; j < z.cols; j++) max = Math.max(max, z.data[o + j]);
    let sum = 0;
    for (let j = 0; j < z.cols; j++) sum += Math.exp(z.data[o + j] - max);
    for (let j = 0; j < z.cols; j++) out.data[o + j] = Math.exp(z.data[o + j] - max) / sum;
  }
  return out;
}

/** Buffer form of `logSoftmaxRows` for the hot path: out[n, C] = log softmax(z[n, C]). */
export function logSoftmaxInto(z: Float32Array, out: Float32Array, n: number, c: number): void {
  for (let i = 0; i < n; i++) {
    const o = i * c;
    const lse = logSumExp(z, o, c);
    for (let j = 0; j < c; j++) out[o + j] = z[o + j] - lse;
  }
}

/** log Σ_j exp(z[offset + j]) over `count` entries, shifted by the max so no exp overflows. */
export function logSumExp(z: ArrayLike<number>, offset: number, count: number): number {
  let max = -Infinity;
  for (let j = 0; j < count; j++) if (z[offset + j] > max) max = z[offset + j];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let j = 0; j < count; j++) sum += Math.exp(z[offset + j] - max);
  return max + Math.log(sum);
}
