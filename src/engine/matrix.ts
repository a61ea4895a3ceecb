/**
 * Dense row-major float32 matrices and the allocating ops that widgets, cells and tests use.
 * The training hot path calls the non-allocating kernels in `kernels.ts` instead; these ops
 * are written for clarity and for error messages that name the op and both shapes.
 */
import { gemm } from './kernels';

/** A dense matrix: `data[i * cols + j]` is row i, column j. Shape `[rows, cols]`. */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;

  /** @param data optional backing store of length rows·cols (shared, not copied). */
  constructor(rows: number, cols: number, data?: Float32Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new Error(`Matrix: bad shape [${rows}×${cols}]`);
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix: [${rows}×${cols}] needs ${rows * cols} values, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float32Array(rows * cols);
  }

  /** Build from nested arrays, e.g. `[[1, 2], [3, 4]]` → shape [2, 2]. Rows must be equally long. */
  static fromRows(rows: readonly (readonly number[])[]): Matrix {
    const cols = rows.length > 0 ? rows[0].length : 0;
    const m = new Matrix(rows.length, cols);
    rows.forEach((row, i) => {
      if (row.length !== cols) {
        throw new Error(`Matrix.fromRows: row ${i} has ${row.length} values, row 0 has ${cols}`);
      }
      m.data.set(row, i * cols);
    });
    return m;
  }

  /** A single row vector: values → shape [1, n]. */
  static row(values: readonly number[]): Matrix {
    return Matrix.fromRows([values]);
  }

  /** Plain nested arrays (plain numbers, so Plot and JSON can take them). */
  toRows(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    }
    return out;
  }

  /** Row i as a plain array. */
  row(i: number): number[] {
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  get(i: number, j: number): number {
    return this.data[this.index(i, j)];
  }

  set(i: number, j: number, v: number): void {
    this.data[this.index(i, j)] = v;
  }

  /** `[rows, cols]`. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  private index(i: number, j: number): number {
    if (!(i >= 0 && i < this.rows && j >= 0 && j < this.cols)) {
      throw new Error(`Matrix: index (${i}, ${j}) outside ${shapeOf(this)}`);
    }
    return i * this.cols + j;
  }
}

/** A zero matrix of shape [rows, cols]. */
export function zeros(rows: number, cols: number): Matrix {
  return new Matrix(rows, cols);
}

/** A matrix of shape [rows, cols] filled with `value`. */
export function full(rows: number, cols: number, value: number): Matrix {
  const m = new Matrix(rows, cols);
  m.data.fill(value);
  return m;
}

/** `[2×3]`, the way every shape error prints a shape. */
export function shapeOf(m: Matrix): string {
  return `[${m.rows}×${m.cols}]`;
}

/** Matrix product. @param a [n, k] @param b [k, m] @returns [n, m] */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new Error(
      `matmul: ${shapeOf(a)}·${shapeOf(b)} — inner dimensions ${a.cols} and ${b.rows} differ`,
    );
  }
  const out = new Matrix(a.rows, b.cols);
  gemm(a.data, b.data, out.data, a.rows, a.cols, b.cols, false, false, false);
  return out;
}

/** @param a [n, m] @returns [m, n] */
export function transpose(a: Matrix): Matrix {
  const out = new Matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return out;
}

/**
 * Elementwise sum. A `b` of shape [1, m] is broadcast over every row of `a` — that is how a
 * bias row is added to a whole batch.
 * @param a [n, m] @param b [n, m] or [1, m] @returns [n, m]
 */
export function add(a: Matrix, b: Matrix): Matrix {
  return zipWith('add', a, b, (x, y) => x + y);
}

/** Elementwise difference, with the same broadcasting as `add`. @returns [n, m] */
export function sub(a: Matrix, b: Matrix): Matrix {
  return zipWith('sub', a, b, (x, y) => x - y);
}

/** Elementwise (Hadamard) product, with the same broadcasting as `add`. @returns [n, m] */
export function mul(a: Matrix, b: Matrix): Matrix {
  return zipWith('mul', a, b, (x, y) => x * y);
}

/** Multiply every entry by `s`. @param a [n, m] @returns [n, m] */
export function scale(a: Matrix, s: number): Matrix {
  return map(a, (x) => x * s);
}

/** Apply `f` to every entry. @param a [n, m] @returns [n, m] */
export function map(a: Matrix, f: (x: number, i: number, j: number) => number): Matrix {
  const out = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      out.data[i * a.cols + j] = f(a.data[i * a.cols + j], i, j);
    }
  }
  return out;
}

/**
 * Combine two matrices entry by entry; `b` may be a [1, m] row broadcast over `a`'s rows.
 * @param op name used in the shape error
 */
export function zipWith(
  op: string,
  a: Matrix,
  b: Matrix,
  f: (x: number, y: number) => number,
): Matrix {
  const broadcast = b.rows === 1 && a.rows !== 1;
  if (a.cols !== b.cols || (!broadcast && a.rows !== b.rows)) {
    throw new Error(
      `${op}: ${shapeOf(a)} and ${shapeOf(b)} — shapes differ (b must match a or be a [1×${a.cols}] row)`,
    );
  }
  const out = new Matrix(a.rows, a.cols);
  const m = a.cols;
  for (let i = 0; i < a.rows; i++) {
    const bo = broadcast ? 0 : i * m;
    for (let j = 0; j < m; j++) out.data[i * m + j] = f(a.data[i * m + j], b.data[bo + j]);
  }
  return out;
}

/** Sum of each row. @param a [n, m] @returns [n, 1] */
export function sumRows(a: Matrix): Matrix {
  return reduceRows(a, 0, (acc, x) => acc + x);
}

/** Largest entry of each row. @param a [n, m] with m ≥ 1 @returns [n, 1] */
export function maxRows(a: Matrix): Matrix {
  if (a.cols === 0) throw new Error(`maxRows: ${shapeOf(a)} has no columns`);
  return reduceRows(a, -Infinity, (acc, x) => (x > acc ? x : acc));
}

/** Column index of the largest entry in each row (first one on ties). @param a [n, m] @returns n indices */
export function argmaxRows(a: Matrix): number[] {
  if (a.cols === 0) throw new Error(`argmaxRows: ${shapeOf(a)} has no columns`);
  const out: number[] = [];
  for (let i = 0; i < a.rows; i++) {
    let best = 0;
    for (let j = 1; j < a.cols; j++) {
      if (a.data[i * a.cols + j] > a.data[i * a.cols + best]) best = j;
    }
    out.push(best);
  }
  return out;
}

function reduceRows(a: Matrix, init: number, f: (acc: number, x: number) => number): Matrix {
  const out = new Matrix(a.rows, 1);
  for (let i = 0; i < a.rows; i++) {
    let acc = init;
    for (let j = 0; j < a.cols; j++) acc = f(acc, a.data[i * a.cols + j]);
    out.data[i] = acc;
  }
  return out;
}

/** Throw `op: [a]·[b] — …` unless both matrices have the same shape. */
export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(`${op}: ${shapeOf(a)} and ${shapeOf(b)} — shapes differ`);
  }
}
