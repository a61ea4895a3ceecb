import { describe, expect, it } from 'vitest';
import { addRowVector, createRng, gemm, sumColumns } from '../../src/engine/index';

/** Float64 reference: C = op(A)·op(B) with the same storage conventions as gemm. */
function ref(
  a: Float32Array,
  b: Float32Array,
  n: number,
  k: number,
  m: number,
  tA: boolean,
  tB: boolean,
) {
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      for (let p = 0; p < k; p++)
        c[i * m + j] += (tA ? a[p * n + i] : a[i * k + p]) * (tB ? b[j * k + p] : b[p * m + j]);
  return c;
}

function random(len: number, seed: number, zeroFraction = 0): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: len }, () =>
    rng.next() < zeroFraction ? 0 : rng.uniform(-1, 1),
  );
}

describe('gemm', () => {
  // Odd sizes exercise the remainder loops of any blocking; zeros exercise the sparse paths.
  const shapes = [
    [1, 1, 1],
    [3, 5, 7],
    [17, 33, 9],
    [64, 100, 13],
  ];
  for (const [n, k, m] of shapes) {
    for (const [tA, tB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      // Dense, sparse A (like MNIST pixels ·W), sparse B (like ∂L/∂Z ᵀ· pixels).
      for (const [zerosA, zerosB] of [
        [0, 0],
        [0.8, 0],
        [0, 0.8],
      ]) {
        it(`[${n}×${k}]·[${k}×${m}] transA=${tA} transB=${tB} zeros A ${zerosA} B ${zerosB}`, () => {
          const a = random(n * k, n + k, zerosA);
          const b = random(k * m, k + m, zerosB);
          const want = ref(a, b, n, k, m, tA, tB);
          const c = new Float32Array(n * m).fill(1);
          gemm(a, b, c, n, k, m, tA, tB, false);
          c.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
          gemm(a, b, c, n, k, m, tA, tB, true);
          c.forEach((v, i) => expect(v).toBeCloseTo(2 * want[i], 4));
        });
      }
    }
  }

  it('bias rows and column sums', () => {
    const c = new Float32Array([1, 2, 3, 4, 5, 6]);
    addRowVector(c, new Float32Array([10, 20, 30]), 2, 3);
    expect(Array.from(c)).toEqual([11, 22, 33, 14, 25, 36]);
    const s = new Float32Array(3).fill(7);
    sumColumns(c, s, 2, 3);
    expect(Array.from(s)).toEqual([25, 47, 69]);
  });
});
