/**
 * Logistic regression on plain arrays in float64, the model of the lecture's last slides:
 * p̂ = σ(w·[1, x]) with the bias w0 first, trained by gradient descent on the mean binary
 * cross-entropy. The chapter 9 lab trains with these, and the `logistic-step` exercise takes
 * its expected values from them.
 */
import { sigmoid } from './activations';
import { bceOne } from './losses';

/** w0 + w1·x1 + … + wn·xn. @param w [n + 1], bias first @param x [n] */
export function logisticLogit(w: readonly number[], x: readonly number[]): number {
  if (w.length !== x.length + 1) {
    throw new Error(
      `logisticLogit: ${w.length} weights for ${x.length} inputs — need ${x.length + 1} (w0 is the bias)`,
    );
  }
  let z = w[0];
  for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
  return z;
}

/** p̂ = σ(w·[1, x]), the probability of the positive class. @param w [n + 1] @param x [n] */
export function logisticProbability(w: readonly number[], x: readonly number[]): number {
  return sigmoid(logisticLogit(w, x));
}

/**
 * Mean binary cross-entropy of the batch, computed from the logits so it stays finite.
 * @param w [n + 1] @param X [B, n] one example per row @param y [B] targets in {0, 1}
 */
export function logisticLoss(
  w: readonly number[],
  X: readonly (readonly number[])[],
  y: readonly number[],
): number {
  checkBatch('logisticLoss', X, y);
  let total = 0;
  for (let k = 0; k < X.length; k++) total += bceOne(logisticLogit(w, X[k]), y[k]);
  return total / X.length;
}

/**
 * ∂(mean BCE)/∂w = (1/B) Σ_k (σ(w·[1, x_k]) − y_k)·[1, x_k].
 * @param w [n + 1] @param X [B, n] @param y [B] @returns [n + 1]
 */
export function logisticGradient(
  w: readonly number[],
  X: readonly (readonly number[])[],
  y: readonly number[],
): number[] {
  checkBatch('logisticGradient', X, y);
  const g = new Array<number>(w.length).fill(0);
  for (let k = 0; k < X.length; k++) {
    const e = logisticProbability(w, X[k]) - y[k];
    g[0] += e;
    for (let i = 0; i < X[k].length; i++) g[i + 1] += e * X[k][i];
  }
  return g.map((v) => v / X.length);
}

/**
 * One gradient-descent step on the mean BCE: w − lr·∇. Returns new weights; `w` is unchanged.
 * @param w [n + 1] @param X [B, n] @param y [B] @returns [n + 1]
 */
export function logisticStep(
  w: readonly number[],
  X: readonly (readonly number[])[],
  y: readonly number[],
  lr: number,
): number[] {
  const g = logisticGradient(w, X, y);
  return w.map((wi, i) => wi - lr * g[i]);
}

function checkBatch(op: string, X: readonly (readonly number[])[], y: readonly number[]): void {
  if (X.length !== y.length) {
    throw new Error(`${op}: ${X.length} examples but ${y.length} targets — lengths differ`);
  }
  if (X.length === 0) throw new Error(`${op}: the batch is empty`);
}
