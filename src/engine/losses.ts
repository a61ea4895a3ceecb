/**
 * Loss functions with their gradients, in a registry keyed by name. Every loss is the mean
 * over the batch (rows) of a per-example loss, so its value does not grow with batch size.
 * Accumulation is in float64 (plain JS numbers) even though matrices are float32.
 */
import { logSoftmaxInto, logSumExp, sigmoid } from './activations';
import { Matrix, shapeOf } from './matrix';

export type LossName = 'sse' | 'mse' | 'cross-entropy' | 'bce';

/** A loss L(output, target) and ∂L/∂output. */
export interface Loss {
  readonly name: LossName;
  /**
   * @param output [batch, C] network output (logits for 'cross-entropy' and 'bce')
   * @param target [batch, C] (one-hot rows for 'cross-entropy'; 0/1 for 'bce')
   */
  value(output: Matrix, target: Matrix): number;
  /** ∂L/∂output [batch, C], written into `into` when given (so training allocates nothing). */
  grad(output: Matrix, target: Matrix, into?: Matrix): Matrix;
}

/**
 * Sum of squared errors of one example, Σ_c (ŷ_c − y_c)², averaged over the batch. The
 * lecture's MNIST example (prediction [.1,.5,.3,.2,.1,.8,.1,.2,.3,.1] vs the one-hot 1) is 1.19.
 */
const sse: Loss = {
  name: 'sse',
  value: (o, t) => sumSquares('sse', o, t) / o.rows,
  grad: (o, t, into) => elementwiseGrad('sse', o, t, into, (y, tt) => (2 * (y - tt)) / o.rows),
};

/** Mean squared error: the mean over all batch × output entries of (ŷ − y)². */
const mse: Loss = {
  name: 'mse',
  value: (o, t) => sumSquares('mse', o, t) / (o.rows * o.cols),
  grad: (o, t, into) =>
    elementwiseGrad('mse', o, t, into, (y, tt) => (2 * (y - tt)) / (o.rows * o.cols)),
};

/**
 * Softmax cross-entropy (negative log-likelihood) from logits: −Σ_c y_c log p̂_c with
 * p̂ = softmax(z), computed through log-softmax so extreme logits stay finite.
 * Gradient: (p̂ − y)/batch for one-hot rows (in general p̂·Σy − y).
 */
const crossEntropy: Loss = {
  name: 'cross-entropy',
  value(o, t) {
    check('cross-entropy', o, t);
    let total = 0;
    for (let i = 0; i < o.rows; i++) {
      const lse = logSumExp(o.data, i * o.cols, o.cols);
      for (let j = 0; j < o.cols; j++) {
        const k = i * o.cols + j;
        if (t.data[k] !== 0) total -= t.data[k] * (o.data[k] - lse);
      }
    }
    return total / o.rows;
  },
  grad(o, t, into) {
    const g = output('cross-entropy', o, t, into);
    logSoftmaxInto(o.data, g.data, o.rows, o.cols);
    for (let i = 0; i < o.rows; i++) {
      let ts = 0;
      for (let j = 0; j < o.cols; j++) ts += t.data[i * o.cols + j];
      for (let j = 0; j < o.cols; j++) {
        const k = i * o.cols + j;
        g.data[k] = (Math.exp(g.data[k]) * ts - t.data[k]) / o.rows;
      }
    }
    return g;
  },
};

/**
 * Binary cross-entropy from a logit z (logistic regression):
 * −y log σ(z) − (1 − y) log(1 − σ(z)) = max(z, 0) − z·y + log(1 + e^−|z|), which never
 * takes the log of 0 (finite for |z| up to 1e4 and beyond). Summed over outputs, averaged
 * over the batch. Gradient: (σ(z) − y)/batch.
 */
const bce: Loss = {
  name: 'bce',
  value(o, t) {
    check('bce', o, t);
    let total = 0;
    for (let i = 0; i < o.data.length; i++) total += bceOne(o.data[i], t.data[i]);
    return total / o.rows;
  },
  grad: (o, t, into) => elementwiseGrad('bce', o, t, into, (z, y) => (sigmoid(z) - y) / o.rows),
};

export const losses: Readonly<Record<LossName, Loss>> = {
  sse,
  mse,
  'cross-entropy': crossEntropy,
  bce,
};

/** Look up a loss, with an error that lists the valid names. */
export function getLoss(name: string): Loss {
  if (!Object.hasOwn(losses, name)) {
    throw new Error(`unknown loss '${name}' — expected one of ${Object.keys(losses).join(', ')}`);
  }
  return losses[name as LossName];
}

/** One binary cross-entropy term from a logit z and a target y ∈ [0, 1]. */
export function bceOne(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

function check(op: string, o: Matrix, t: Matrix): void {
  if (o.rows !== t.rows || o.cols !== t.cols) {
    throw new Error(`${op}: output ${shapeOf(o)} and target ${shapeOf(t)} — shapes differ`);
  }
}

function output(op: string, o: Matrix, t: Matrix, into?: Matrix): Matrix {
  check(op, o, t);
  if (!into) return new Matrix(o.rows, o.cols);
  if (into.rows !== o.rows || into.cols !== o.cols) {
    throw new Error(`${op}.grad: buffer ${shapeOf(into)} does not match output ${shapeOf(o)}`);
  }
  return into;
}

function sumSquares(op: string, o: Matrix, t: Matrix): number {
  check(op, o, t);
  let s = 0;
  for (let i = 0; i < o.data.length; i++) {
    const d = o.data[i] - t.data[i];
    s += d * d;
  }
  return s;
}

function elementwiseGrad(
  op: string,
  o: Matrix,
  t: Matrix,
  into: Matrix | undefined,
  f: (y: number, t: number) => number,
): Matrix {
  const g = output(op, o, t, into);
  for (let i = 0; i < o.data.length; i++) g.data[i] = f(o.data[i], t.data[i]);
  return g;
}
