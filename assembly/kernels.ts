// AssemblyScript source of the engine's WebAssembly SIMD kernels (compiled by
// `npm run build:wasm` into src/engine/kernels-wasm-bytes.ts; see src/engine/kernels-wasm.ts).
//
// No allocator, no runtime: the caller (kernels-wasm.ts) owns the linear memory's layout and
// passes byte addresses. All values are float32, row-major.
//
// The product C = op(A)·op(B) is computed as C[i, j..j+7] += A[i, p] · B[p, j..j+7] for
// p = 0, 1, …, k−1: each entry of C is one running float32 sum over p in order, rounded after
// every multiply and add — the TypeScript kernels do the same (Math.fround), so both give the
// same bits. IEEE arithmetic throughout, so 0·NaN = 0·∞ = NaN exactly as in the reference;
// nothing is skipped.

/**
 * Pack op(B) [k, m] into panels of 8 columns, `bp` = [⌈m/8⌉][k][8], zero-padding the last
 * panel (its extra columns are computed and thrown away). Stored as [k, m], or as [m, k]
 * when `trans`.
 */
export function packB(b: usize, bp: usize, k: i32, m: i32, trans: bool): void {
  const panels = (m + 7) >> 3;
  const k4 = k & ~3;
  for (let q = 0; q < panels; q++) {
    const j0 = q << 3;
    const out = bp + ((<usize>(q * k)) << 5);
    const w = min(8, m - j0);
    let from = 0;
    if (w == 8 && !trans) {
      for (let p = 0; p < k; p++) {
        const src = b + ((<usize>(p * m + j0)) << 2);
        const dst = out + ((<usize>p) << 5);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      }
      continue;
    }
    if (w == 8) {
      // Stored [m, k]: 4×4 tiles of rows j0…j0+7 turned into columns, 4 values of p at a time.
      const row = (<usize>k) << 2;
      const r0 = b + ((<usize>(j0 * k)) << 2);
      for (let p = 0; p < k4; p += 4) {
        const src = r0 + ((<usize>p) << 2);
        const dst = out + ((<usize>p) << 5);
        transpose4(src, row, dst, 32);
        transpose4(src + 4 * row, row, dst + 16, 32);
      }
      from = k4;
    }
    for (let p = from; p < k; p++) {
      const dst = out + ((<usize>p) << 5);
      for (let t = 0; t < 8; t++) {
        let v: f32 = 0;
        if (t < w) {
          const at = trans ? (j0 + t) * k + p : p * m + j0 + t;
          v = load<f32>(b + ((<usize>at) << 2));
        }
        store<f32>(dst + ((<usize>t) << 2), v);
      }
    }
  }
}

/**
 * Read 4 rows of 4 floats (at src, src + row, …) and write them as 4 columns (at dst,
 * dst + out, …): dst gets the rows' first entries, dst + out their second ones, and so on.
 */
function transpose4(src: usize, row: usize, dst: usize, out: usize): void {
  const r0 = v128.load(src);
  const r1 = v128.load(src + row);
  const r2 = v128.load(src + 2 * row);
  const r3 = v128.load(src + 3 * row);
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(dst + out, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * out, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * out, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}

/**
 * Pack op(A) [n, k] into blocks of 4 rows, `ap` = [⌈n/4⌉][k][4] (the 4 entries of column p of
 * one block side by side), zero-padding the last block. Stored as [n, k], or [k, n] when
 * `trans`. Packing makes every operand stream contiguous, whatever the strides (rows 2 KB
 * apart, as in a 512-wide A, would otherwise collide in the L1 cache).
 */
export function packA(a: usize, ap: usize, n: i32, k: i32, trans: bool): void {
  const blocks = (n + 3) >> 2;
  const k4 = k & ~3;
  for (let q = 0; q < blocks; q++) {
    const i0 = q << 2;
    const out = ap + ((<usize>(q * k)) << 4);
    let from = 0;
    if (i0 + 4 <= n) {
      if (trans) {
        // Stored [k, n]: the block's 4 entries of column p are side by side already.
        for (let p = 0; p < k; p++) {
          v128.store(out + ((<usize>p) << 4), v128.load(a + ((<usize>(p * n + i0)) << 2)));
        }
        continue;
      }
      const row = (<usize>k) << 2;
      for (let p = 0; p < k4; p += 4) {
        transpose4(a + ((<usize>(i0 * k + p)) << 2), row, out + ((<usize>p) << 4), 16);
      }
      from = k4;
    }
    for (let p = from; p < k; p++) {
      for (let r = 0; r < 4; r++) {
        const i = i0 + r;
        let v: f32 = 0;
        if (i < n) v = load<f32>(a + ((<usize>(trans ? p * n + i : i * k + p)) << 2));
        store<f32>(out + ((<usize>((p << 2) + r)) << 2), v);
      }
    }
  }
}

/**
 * C[n, m] (+)= op(A)·op(B) from op(A) packed by `packA` and op(B) packed by `packB`.
 */
export function gemmPacked(
  ap: usize,
  bp: usize,
  c: usize,
  n: i32,
  k: i32,
  m: i32,
  acc: bool,
): void {
  const panels = (m + 7) >> 3;
  const blocks = (n + 3) >> 2;
  // ROWS blocks of A (ROWS·4·k floats, kept in L2) meet every panel of B (k·8 floats, kept
  // in L1) before moving on, so neither is streamed from memory more than once per round.
  for (let q0 = 0; q0 < blocks; q0 += ROWS) {
    const q1 = min(blocks, q0 + ROWS);
    for (let j = 0; j < panels; j++) {
      const panel = bp + ((<usize>(j * k)) << 5);
      for (let q = q0; q < q1; q++) {
        block4(ap + ((<usize>(q * k)) << 4), panel, c, q << 2, j << 3, n, k, m, acc);
      }
    }
  }
}

const ROWS = 16;

/** Rows i..i+3, columns j0..j0+7 of C: 8 vector sums; per p, 2 panel loads and 4 splats. */
function block4(
  block: usize,
  panel: usize,
  c: usize,
  i: i32,
  j0: i32,
  n: i32,
  k: i32,
  m: i32,
  acc: bool,
): void {
  let s00 = f32x4.splat(0),
    s01 = f32x4.splat(0),
    s10 = f32x4.splat(0),
    s11 = f32x4.splat(0);
  let s20 = f32x4.splat(0),
    s21 = f32x4.splat(0),
    s30 = f32x4.splat(0),
    s31 = f32x4.splat(0);
  let pa = block;
  let pb = panel;
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let x = v128.load32_splat(pa);
    s00 = f32x4.add(s00, f32x4.mul(x, b0));
    s01 = f32x4.add(s01, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 4);
    s10 = f32x4.add(s10, f32x4.mul(x, b0));
    s11 = f32x4.add(s11, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 8);
    s20 = f32x4.add(s20, f32x4.mul(x, b0));
    s21 = f32x4.add(s21, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 12);
    s30 = f32x4.add(s30, f32x4.mul(x, b0));
    s31 = f32x4.add(s31, f32x4.mul(x, b1));
    pa += 16;
    pb += 32;
  }
  put8(c, i, j0, m, s00, s01, acc);
  if (i + 1 < n) put8(c, i + 1, j0, m, s10, s11, acc);
  if (i + 2 < n) put8(c, i + 2, j0, m, s20, s21, acc);
  if (i + 3 < n) put8(c, i + 3, j0, m, s30, s31, acc);
}

/** Write (or add) 8 sums to C[i, j0..j0+7], dropping the columns past m. */
function put8(c: usize, i: i32, j0: i32, m: i32, s0: v128, s1: v128, acc: bool): void {
  const at = c + ((<usize>(i * m + j0)) << 2);
  if (j0 + 8 <= m) {
    if (acc) {
      s0 = f32x4.add(v128.load(at), s0);
      s1 = f32x4.add(v128.load(at, 16), s1);
    }
    v128.store(at, s0);
    v128.store(at, s1, 16);
    return;
  }
  const w = m - j0;
  for (let t = 0; t < w; t++) {
    const v = t < 4 ? laneOf(s0, t) : laneOf(s1, t - 4);
    const ptr = at + ((<usize>t) << 2);
    store<f32>(ptr, acc ? load<f32>(ptr) + v : v);
  }
}

function laneOf(v: v128, t: i32): f32 {
  if (t == 0) return f32x4.extract_lane(v, 0);
  if (t == 1) return f32x4.extract_lane(v, 1);
  if (t == 2) return f32x4.extract_lane(v, 2);
  return f32x4.extract_lane(v, 3);
}
