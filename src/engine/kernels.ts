/**
 * Raw float32 kernels on row-major buffers: the only code the training hot path spends time
 * in. Nothing here allocates, so a layer can keep its buffers per batch size and a faster
 * backend (e.g. wasm SIMD) can replace these functions one by one behind the same signatures.
 */

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
  if (!accumulate) c.fill(0, 0, n * m);
  if (!transA && !transB) gemmNN(a, b, c, n, k, m);
  else if (!transA && transB) gemmNT(a, b, c, n, k, m);
  else if (transA && !transB) gemmTN(a, b, c, n, k, m);
  else gemmTT(a, b, c, n, k, m);
}

/** C[n,m] += A[n,k]·B[k,m]. i-k-j order so the inner loop walks rows of B and C. */
function gemmNN(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
) {
  for (let i = 0; i < n; i++) {
    const ci = i * m;
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p];
      if (av === 0) continue;
      const bp = p * m;
      for (let j = 0; j < m; j++) c[ci + j] += av * b[bp + j];
    }
  }
}

/** C[n,m] += A[n,k]·B[m,k]ᵀ: each entry is a dot product of two contiguous rows. */
function gemmNT(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
) {
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p];
      c[i * m + j] += s;
    }
  }
}

/** C[n,m] += A[k,n]ᵀ·B[k,m]: a sum of outer products of row p of A and row p of B. */
function gemmTN(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
) {
  for (let p = 0; p < k; p++) {
    const bp = p * m;
    for (let i = 0; i < n; i++) {
      const av = a[p * n + i];
      if (av === 0) continue;
      const ci = i * m;
      for (let j = 0; j < m; j++) c[ci + j] += av * b[bp + j];
    }
  }
}

/** C[n,m] += A[k,n]ᵀ·B[m,k]ᵀ. Rare; kept simple. */
function gemmTT(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
) {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[p * n + i] * b[j * k + p];
      c[i * m + j] += s;
    }
  }
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
