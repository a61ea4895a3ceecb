/**
 * The sparse half of the kernels: compress a mostly-zero operand to CSR (per row, the
 * positions and values of its nonzeros) and multiply only those. `gemm` in kernels.ts
 * decides when to come here.
 *
 * State: one CSR scratch (`ptr` row starts, `idx` positions, `val` values) that grows on
 * demand and is overwritten by every `compress`; `sparseDot` reads the latest one.
 */

/** Float32 rounding of every product and sum, as in kernels.ts (so all paths agree bit for bit). */
const f32 = Math.fround;

const csr = { ptr: new Int32Array(1), idx: new Int32Array(0), val: new Float32Array(0) };

/**
 * Compress a logical [rows, k] matrix into `csr` if fewer than `cut`·rows·k of its entries
 * are nonzero; returns false (leaving `csr` unusable) as soon as it is clearly denser.
 * Stored as [rows, k] row-major, or as [k, rows] when `stored` (its columns are our rows).
 */
export function compress(
  x: Float32Array,
  rows: number,
  k: number,
  stored: boolean,
  cut: number,
): boolean {
  const limit = cut * rows * k;
  if (limit <= 0) return false;
  if (csr.ptr.length < rows + 1) csr.ptr = new Int32Array(rows + 1);
  if (csr.idx.length < limit) {
    csr.idx = new Int32Array(Math.ceil(limit));
    csr.val = new Float32Array(Math.ceil(limit));
  }
  return stored ? compressColumns(x, rows, k, limit) : compressRows(x, rows, k, limit);
}

function compressRows(x: Float32Array, rows: number, k: number, limit: number): boolean {
  const { ptr, idx, val } = csr;
  let q = 0;
  for (let i = 0; i < rows; i++) {
    ptr[i] = q;
    const o = i * k;
    for (let p = 0; p < k; p++) {
      const v = x[o + p];
      if (v !== 0) {
        if (q >= limit) return false;
        idx[q] = p;
        val[q++] = v;
      }
    }
  }
  ptr[rows] = q;
  return true;
}

/** CSR of the [rows, k] matrix stored transposed as x[k, rows]: count, prefix-sum, fill. */
function compressColumns(x: Float32Array, rows: number, k: number, limit: number): boolean {
  const { ptr, idx, val } = csr;
  ptr.fill(0, 0, rows + 1);
  let total = 0;
  for (let p = 0; p < k; p++) {
    const o = p * rows;
    for (let i = 0; i < rows; i++) {
      if (x[o + i] !== 0) {
        ptr[i + 1]++;
        total++;
      }
    }
    if (total > limit) return false;
  }
  for (let i = 0; i < rows; i++) ptr[i + 1] += ptr[i];
  // Fill advances ptr[i] to the end of row i; shifting down afterwards restores the starts.
  for (let p = 0; p < k; p++) {
    const o = p * rows;
    for (let i = 0; i < rows; i++) {
      const v = x[o + i];
      if (v !== 0) {
        const q = ptr[i]++;
        idx[q] = p;
        val[q] = v;
      }
    }
  }
  for (let i = rows; i > 0; i--) ptr[i] = ptr[i - 1];
  ptr[0] = 0;
  return true;
}

/**
 * out[r, d] = Σ_{(p, v) ∈ csr row r} v · dense[d, p] for r < rows, d < cols, written at
 * c[r·rs + d·ds] (so the caller can ask for the transposed result). Eight dense rows at a
 * time share each (p, v) load.
 */
export function sparseDot(
  dense: Float32Array,
  c: Float32Array,
  rows: number,
  cols: number,
  k: number,
  rs: number,
  ds: number,
  acc: boolean,
): void {
  const { ptr, idx, val } = csr;
  const d8 = cols - (cols % 8);
  for (let r = 0; r < rows; r++) {
    const s = ptr[r];
    const e = ptr[r + 1];
    const co = r * rs;
    for (let d = 0; d < d8; d += 8) {
      const o = d * k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0; // prettier-ignore
      for (let t = s; t < e; t++) {
        const p = o + idx[t];
        const v = val[t];
        s0 = f32(s0 + f32(v * dense[p]));
        s1 = f32(s1 + f32(v * dense[p + k]));
        s2 = f32(s2 + f32(v * dense[p + 2 * k]));
        s3 = f32(s3 + f32(v * dense[p + 3 * k]));
        s4 = f32(s4 + f32(v * dense[p + 4 * k]));
        s5 = f32(s5 + f32(v * dense[p + 5 * k]));
        s6 = f32(s6 + f32(v * dense[p + 6 * k]));
        s7 = f32(s7 + f32(v * dense[p + 7 * k]));
      }
      const w = co + d * ds;
      put4(c, w, ds, s0, s1, s2, s3, acc);
      put4(c, w + 4 * ds, ds, s4, s5, s6, s7, acc);
    }
    for (let d = d8; d < cols; d++) {
      let sum = 0;
      for (let t = s; t < e; t++) sum = f32(sum + f32(val[t] * dense[d * k + idx[t]]));
      put(c, co + d * ds, sum, acc);
    }
  }
}

/**
 * True when x[0..len) holds no NaN and no ±∞, i.e. when a zero multiplied by any of them is
 * exactly 0 and may be skipped. (v − v is 0 for every finite v and NaN otherwise.)
 */
export function allFinite(x: Float32Array, len: number): boolean {
  let bad = 0;
  for (let i = 0; i < len; i++) bad += x[i] - x[i];
  return bad === 0;
}

export function put(c: Float32Array, i: number, v: number, acc: boolean): void {
  c[i] = acc ? c[i] + v : v;
}

/** Four results at c[o], c[o + step], c[o + 2·step], c[o + 3·step]. */
export function put4(
  c: Float32Array,
  o: number,
  step: number,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
  acc: boolean,
): void {
  put(c, o, v0, acc);
  put(c, o + step, v1, acc);
  put(c, o + 2 * step, v2, acc);
  put(c, o + 3 * step, v3, acc);
}
