/**
 * Raw float32 kernels on row-major buffers: the only code the training hot path spends time
 * in. `gemm` runs on WebAssembly SIMD (kernels-wasm.ts) where the runtime can compile it and
 * on the TypeScript below everywhere else; the TypeScript is also the reference the wasm
 * kernels are tested against.
 *
 * How the TypeScript `gemm` is fast without SIMD or threads:
 * - Every case is brought to one shape, C[i, j] = Σ_p A[i, p]·B[j, p] (both operands read
 *   along contiguous rows), by transposing an operand into scratch when needed; the
 *   transpose is O(n·k + k·m) against the product's O(n·k·m).
 * - Dense operands go through a 4×4 register-blocked dot kernel: 16 running sums kept in
 *   locals, 8 loads per 16 multiply-adds (a plain dot product needs 2 loads per one).
 * - When one operand is mostly zeros — MNIST pixels are ~81 % zeros, ReLU outputs ~50 % —
 *   it is compressed (CSR: per row, the positions and values of its nonzeros) and only the
 *   nonzeros are multiplied, but only when every entry of the other operand is finite.
 *   Skipping a zero is then exact: 0·x = ±0 for finite x, and adding ±0 to a running sum
 *   (which starts at +0) leaves it bit-for-bit unchanged, so both paths give identical
 *   results. Were the partner NaN or ±∞, IEEE says 0·NaN = 0·∞ = NaN, which a skipped zero
 *   would silently drop (a NaN weight would predict a number). Checking the partner costs
 *   O(k·m) next to the product's O(n·k·m), so it is decided afresh from the data each call.
 *
 * State: `settings`, two float32 scratch operands here and one CSR in `kernels-sparse.ts`, grown on
 * demand and reused by every call, so a training step allocates nothing. JS is
 * single-threaded and no kernel calls back out, so sharing them is safe.
 */
import { allFinite, compress, put, put4, sparseDot } from './kernels-sparse';
import { gemmWasm, loadWasmKernels } from './kernels-wasm';

/** Below this fraction of nonzeros an operand is multiplied in compressed (CSR) form. */
const SPARSE_DENSITY = 0.5;

/**
 * Every sum is kept in float32 — f32(s + f32(a·b)), rounded after each multiply and each add —
 * exactly as the wasm kernels' f32x4 arithmetic does, in the same order (p = 0…k−1). A float32
 * product is exact in float64 and rounding a float64 sum of two float32s to float32 equals the
 * float32 sum, so the two backends agree bit for bit, NaN, ±∞ and overflow included.
 */
const f32 = Math.fround;

let scratchA = new Float32Array(0);
let scratchB = new Float32Array(0);

/** Which implementation runs the kernels: WebAssembly SIMD, or TypeScript. */
export type KernelBackend = 'wasm' | 'ts';

/**
 * How the kernels run. `backend`: 'auto' takes wasm where this runtime can compile it (see
 * kernels-wasm.ts) and TypeScript elsewhere. `skipZeros: false` keeps the TypeScript kernels on
 * their dense path. Both exist for benchmarks and tests and change speed only: every backend
 * and path gives the same bits (tests/engine/kernels*.test.ts).
 */
const settings: { backend: KernelBackend | 'auto'; skipZeros: boolean } = {
  backend: 'auto',
  skipZeros: true,
};

/** Choose how the kernels run (benchmarks, tests); returns the backend now in use. */
export function useKernels(opts: {
  backend?: KernelBackend | 'auto';
  skipZeros?: boolean;
}): KernelBackend {
  if (opts.backend !== undefined) settings.backend = opts.backend;
  if (opts.skipZeros !== undefined) settings.skipZeros = opts.skipZeros;
  return kernelBackend();
}

/** The backend `gemm` runs on now: 'wasm' unless unavailable here or 'ts' was chosen. */
export function kernelBackend(): KernelBackend {
  return settings.backend !== 'ts' && loadWasmKernels() ? 'wasm' : 'ts';
}

/**
 * General matrix product C = op(A)·op(B) (or C += … when `accumulate`).
 * Logical shapes: op(A) [n, k], op(B) [k, m], C [n, m]. When `transA`, `a` is stored as
 * [k, n]; when `transB`, `b` is stored as [m, k].
 */
export function gemm(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
  transA: boolean,
  transB: boolean,
  accumulate: boolean,
): void {
  if (n === 0 || m === 0) return;
  if (k === 0) {
    if (!accumulate) c.fill(0, 0, n * m);
    return;
  }
  const wasm = settings.backend === 'ts' ? null : loadWasmKernels();
  if (wasm) return gemmWasm(wasm, a, b, c, n, k, m, transA, transB, accumulate);
  const cut = settings.skipZeros ? SPARSE_DENSITY : 0;
  if (compress(a, n, k, transA, cut) && allFinite(b, k * m)) {
    // Rows of op(A) are sparse: C[i, j] = Σ_{p ∈ nz(A_i)} A[i, p]·Bᵀ[j, p].
    sparseDot(rowsAlongK(b, k, m, !transB, 'B'), c, n, m, k, m, 1, accumulate);
  } else if (compress(b, m, k, !transB, cut) && allFinite(a, n * k)) {
    // Columns of op(B) are sparse: Cᵀ[j, i] = Σ_{p ∈ nz(Bᵀ_j)} Bᵀ[j, p]·A[i, p].
    sparseDot(rowsAlongK(a, k, n, transA, 'A'), c, m, n, k, 1, m, accumulate);
  } else {
    const ar = rowsAlongK(a, k, n, transA, 'A');
    const br = rowsAlongK(b, k, m, !transB, 'B');
    denseDot(ar, br, c, n, m, k, accumulate);
  }
}

/**
 * The operand as rows along the shared dimension k: when `swap`, it is stored the other way
 * round, [rows, cols] with cols the non-k side, and is transposed into scratch.
 */
function rowsAlongK(
  x: Float32Array,
  rows: number,
  cols: number,
  swap: boolean,
  which: 'A' | 'B',
): Float32Array {
  if (!swap) return x;
  const len = rows * cols;
  if (which === 'A' && scratchA.length < len) scratchA = new Float32Array(len);
  if (which === 'B' && scratchB.length < len) scratchB = new Float32Array(len);
  const out = which === 'A' ? scratchA : scratchB;
  transposeInto(x, out, rows, cols);
  return out;
}

/** out[cols, rows] = src[rows, cols]ᵀ. */
export function transposeInto(src: Float32Array, out: Float32Array, rows: number, cols: number) {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = src[o + j];
  }
}

/** C[n, m] (+)= A[n, k]·B[m, k]ᵀ with 4×4 register blocks; plain dots on the edges. */
function denseDot(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  m: number,
  k: number,
  acc: boolean,
): void {
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  for (let i = 0; i < n4; i += 4) {
    for (let j = 0; j < m4; j += 4) block4x4(a, b, c, i, j, m, k, acc);
    for (let j = m4; j < m; j++)
      for (let r = i; r < i + 4; r++) put(c, r * m + j, dot(a, b, r, j, k), acc);
  }
  for (let i = n4; i < n; i++)
    for (let j = 0; j < m; j++) put(c, i * m + j, dot(a, b, i, j, k), acc);
}

function dot(a: Float32Array, b: Float32Array, i: number, j: number, k: number): number {
  const ao = i * k;
  const bo = j * k;
  let s = 0;
  for (let p = 0; p < k; p++) s = f32(s + f32(a[ao + p] * b[bo + p]));
  return s;
}

/** The 4×4 block C[i..i+3, j..j+3]: 16 sums in locals, 8 loads per 16 multiply-adds. */
function block4x4(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  i: number,
  j: number,
  m: number,
  k: number,
  acc: boolean,
): void {
  const a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k; // prettier-ignore
  const b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k; // prettier-ignore
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0; // prettier-ignore
  // prettier-ignore
  for (let p = 0; p < k; p++) {
    const x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
    const y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
    s00 = f32(s00 + f32(x0 * y0)); s01 = f32(s01 + f32(x0 * y1)); s02 = f32(s02 + f32(x0 * y2)); s03 = f32(s03 + f32(x0 * y3));
    s10 = f32(s10 + f32(x1 * y0)); s11 = f32(s11 + f32(x1 * y1)); s12 = f32(s12 + f32(x1 * y2)); s13 = f32(s13 + f32(x1 * y3));
    s20 = f32(s20 + f32(x2 * y0)); s21 = f32(s21 + f32(x2 * y1)); s22 = f32(s22 + f32(x2 * y2)); s23 = f32(s23 + f32(x2 * y3));
    s30 = f32(s30 + f32(x3 * y0)); s31 = f32(s31 + f32(x3 * y1)); s32 = f32(s32 + f32(x3 * y2)); s33 = f32(s33 + f32(x3 * y3));
  }
  const o = i * m + j;
  put4(c, o, 1, s00, s01, s02, s03, acc);
  put4(c, o + m, 1, s10, s11, s12, s13, acc);
  put4(c, o + 2 * m, 1, s20, s21, s22, s23, acc);
  put4(c, o + 3 * m, 1, s30, s31, s32, s33, acc);
}

/** Add a bias row to every row: C[n,m] += bias[m]. */
export function addRowVector(c: Float32Array, bias: Float32Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) {
    const ci = i * m;
    for (let j = 0; j < m; j++) c[ci + j] += bias[j];
  }
}

/** Column sums: out[m] = Σ_i a[i, :] (the bias gradient of a batch). @param a [n, m] */
export function sumColumns(a: Float32Array, out: Float32Array, n: number, m: number): void {
  out.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    for (let j = 0; j < m; j++) out[j] += a[ai + j];
  }
}
