/**
 * The chain rule for each matrix op: given ∂L/∂output, return ∂L/∂input for every input
 * (vector–Jacobian products). Layers use the same formulas through the raw kernels; these
 * allocating versions exist so lessons can do backprop by hand and tests can check each op.
 */
import { logSoftmaxRows, softmaxRows } from './activations';
import { Matrix, assertSameShape, matmul, shapeOf, transpose } from './matrix';

/** C = A·B ⇒ ∂L/∂A = G·Bᵀ, ∂L/∂B = Aᵀ·G. @param g [n, m] for A [n, k], B [k, m] */
export function matmulBackward(a: Matrix, b: Matrix, g: Matrix): { a: Matrix; b: Matrix } {
  if (g.rows !== a.rows || g.cols !== b.cols) {
    throw new Error(`matmulBackward: gradient ${shapeOf(g)} does not match [${a.rows}×${b.cols}]`);
  }
  return { a: matmul(g, transpose(b)), b: matmul(transpose(a), g) };
}

/** C = Aᵀ ⇒ ∂L/∂A = Gᵀ. */
export function transposeBackward(g: Matrix): Matrix {
  return transpose(g);
}

/**
 * C = A + B with B [n, m] or a broadcast row [1, m] ⇒ ∂L/∂A = G and ∂L/∂B = G, summed over
 * the rows B was broadcast to (that is why a bias gradient is a column sum).
 */
export function addBackward(a: Matrix, b: Matrix, g: Matrix): { a: Matrix; b: Matrix } {
  assertSameShape('addBackward', a, g);
  return { a: g.clone(), b: b.rows === 1 && a.rows !== 1 ? columnSums(g) : g.clone() };
}

/** C = A − B (B may be a broadcast row) ⇒ ∂L/∂A = G, ∂L/∂B = −G (summed over broadcast rows). */
export function subBackward(a: Matrix, b: Matrix, g: Matrix): { a: Matrix; b: Matrix } {
  const r = addBackward(a, b, g);
  for (let i = 0; i < r.b.data.length; i++) r.b.data[i] = -r.b.data[i];
  return r;
}

/** C = s·A ⇒ ∂L/∂A = s·G. */
export function scaleBackward(s: number, g: Matrix): Matrix {
  const out = g.clone();
  for (let i = 0; i < out.data.length; i++) out.data[i] *= s;
  return out;
}

/** C = A ⊙ B ⇒ ∂L/∂A = G ⊙ B, ∂L/∂B = G ⊙ A (summed over rows when B is a broadcast row). */
export function mulBackward(a: Matrix, b: Matrix, g: Matrix): { a: Matrix; b: Matrix } {
  assertSameShape('mulBackward', a, g);
  const broadcast = b.rows === 1 && a.rows !== 1;
  const ga = new Matrix(a.rows, a.cols);
  const gb = new Matrix(b.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const k = i * a.cols + j;
      const kb = broadcast ? j : k;
      ga.data[k] = g.data[k] * b.data[kb];
      gb.data[kb] += g.data[k] * a.data[k];
    }
  }
  return { a: ga, b: gb };
}

/** C = f(A) elementwise ⇒ ∂L/∂A = G ⊙ f′(A). */
export function mapBackward(a: Matrix, der: (x: number) => number, g: Matrix): Matrix {
  assertSameShape('mapBackward', a, g);
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) out.data[i] = g.data[i] * der(a.data[i]);
  return out;
}

/** s = row sums of A [n, m] ⇒ ∂L/∂A[i, j] = G[i, 0]. @param g [n, 1] */
export function sumRowsBackward(a: Matrix, g: Matrix): Matrix {
  checkColumn('sumRowsBackward', a, g);
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) out.data.fill(g.data[i], i * a.cols, (i + 1) * a.cols);
  return out;
}

/** s = row maxima of A ⇒ the gradient flows to the (first) max of each row only. @param g [n, 1] */
export function maxRowsBackward(a: Matrix, g: Matrix): Matrix {
  checkColumn('maxRowsBackward', a, g);
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    let best = 0;
    for (let j = 1; j < a.cols; j++)
      if (a.data[i * a.cols + j] > a.data[i * a.cols + best]) best = j;
    out.data[i * a.cols + best] = g.data[i];
  }
  return out;
}

/** P = softmax(Z) by rows ⇒ ∂L/∂Z = P ⊙ (G − rowsum(G ⊙ P)). */
export function softmaxRowsBackward(z: Matrix, g: Matrix): Matrix {
  assertSameShape('softmaxRowsBackward', z, g);
  const p = softmaxRows(z);
  const out = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let dot = 0;
    for (let j = 0; j < z.cols; j++) dot += g.data[i * z.cols + j] * p.data[i * z.cols + j];
    for (let j = 0; j < z.cols; j++) {
      const k = i * z.cols + j;
      out.data[k] = p.data[k] * (g.data[k] - dot);
    }
  }
  return out;
}

/** Y = log softmax(Z) by rows ⇒ ∂L/∂Z = G − softmax(Z) · rowsum(G). */
export function logSoftmaxRowsBackward(z: Matrix, g: Matrix): Matrix {
  assertSameShape('logSoftmaxRowsBackward', z, g);
  const p = logSoftmaxRows(z);
  const out = new Matrix(z.rows, z.cols);
  for (let i = 0; i < z.rows; i++) {
    let gs = 0;
    for (let j = 0; j < z.cols; j++) gs += g.data[i * z.cols + j];
    for (let j = 0; j < z.cols; j++) {
      const k = i * z.cols + j;
      out.data[k] = g.data[k] - Math.exp(p.data[k]) * gs;
    }
  }
  return out;
}

function columnSums(g: Matrix): Matrix {
  const out = new Matrix(1, g.cols);
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) out.data[j] += g.data[i * g.cols + j];
  }
  return out;
}

function checkColumn(op: string, a: Matrix, g: Matrix): void {
  if (g.rows !== a.rows || g.cols !== 1) {
    throw new Error(
      `${op}: gradient ${shapeOf(g)} should be [${a.rows}×1] for input ${shapeOf(a)}`,
    );
  }
}
