/**
 * Forward propagation on plain arrays, in float64 and in the lecture's notation: a layer's
 * weight matrix W^(j) has one row per unit of layer j+1 and one column per unit of layer j
 * plus column 0 for the bias unit a_0 = 1, so z = W·[1; a] and a' = g(z). Lessons, widgets
 * and graders use these; the float32 matrix engine (`Linear`, `MLP`) agrees with them to
 * float32 precision. `linearBatch` is the batch form in the engine's own convention
 * (weight [out, in] without the bias column, bias [out]): Z = X·Wᵀ + b.
 */
import { sigmoid } from './activations';

/**
 * z = W·[1; a]: each unit's bias W[i][0] plus its weighted inputs.
 * @param W [out][in + 1], column 0 the bias @param a [in] @returns z [out]
 */
export function preActivation(W: readonly (readonly number[])[], a: readonly number[]): number[] {
  return W.map((row, i) => {
    if (row.length !== a.length + 1) {
      throw new Error(
        `preActivation: row ${i} of W has ${row.length} weights for ${a.length} inputs — need ${a.length + 1} (column 0 is the bias)`,
      );
    }
    let z = row[0];
    for (let k = 0; k < a.length; k++) z += row[k + 1] * a[k];
    return z;
  });
}

/** Every layer's z and a for one input: `a[0]` is x, `a[j + 1] = g(z[j])`. */
export interface PlainTrace {
  z: number[][];
  a: number[][];
}

/**
 * The whole forward pass x → a^(2) → … → output, keeping every z and a.
 * @param Ws one matrix per layer, Ws[j] of shape [n_{j+1}][n_j + 1] @param x [n_0]
 * @param g the activation, applied after every layer (default: the logistic sigmoid)
 */
export function forwardLayers(
  Ws: readonly (readonly (readonly number[])[])[],
  x: readonly number[],
  g: (z: number) => number = sigmoid,
): PlainTrace {
  const trace: PlainTrace = { z: [], a: [[...x]] };
  for (const W of Ws) {
    const z = preActivation(W, trace.a[trace.a.length - 1]);
    trace.z.push(z);
    trace.a.push(z.map(g));
  }
  return trace;
}

/**
 * A linear (fully-connected) layer on a batch: Z[n][j] = b[j] + Σ_k X[n][k]·W[j][k], i.e.
 * Z = X·Wᵀ + b with b added to every row. Throws when the shapes do not fit.
 * @param X [batch][in] @param W [out][in] @param b [out] @returns Z [batch][out]
 */
export function linearBatch(
  X: readonly (readonly number[])[],
  W: readonly (readonly number[])[],
  b: readonly number[],
): number[][] {
  if (b.length !== W.length) {
    throw new Error(`linearBatch: W has ${W.length} rows (outputs) but b has ${b.length} values`);
  }
  const inputs = W.length > 0 ? W[0].length : X.length > 0 ? X[0].length : 0;
  W.forEach((row, j) => {
    if (row.length !== inputs) {
      throw new Error(`linearBatch: row ${j} of W has ${row.length} values, row 0 has ${inputs}`);
    }
  });
  return X.map((x, n) => {
    if (x.length !== inputs) {
      throw new Error(
        `linearBatch: example ${n} has ${x.length} features but W expects ${inputs} (W is [${W.length}×${inputs}])`,
      );
    }
    return W.map((row, j) => {
      let z = b[j];
      for (let k = 0; k < inputs; k++) z += x[k] * row[k];
      return z;
    });
  });
}
