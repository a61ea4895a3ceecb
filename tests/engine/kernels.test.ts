import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Matrix,
  addRowVector,
  createRng,
  gates,
  gemm,
  matmul,
  mlp,
  sgd,
  sumColumns,
  toMatrices,
  trainStep,
  useKernels,
  type Linear,
} from '../../src/engine/index';

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

describe.each(['wasm', 'ts'] as const)('gemm on %s against a float64 reference', (backend) => {
  beforeEach(() => void useKernels({ backend }));
  afterEach(() => void useKernels({ backend: 'auto' }));
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

/**
 * Runs `f` on the TypeScript kernels (the ones with a zero-skipping path) with skipping
 * allowed, then forbidden; returns both results.
 */
function bothPaths<T>(f: () => T): [T, T] {
  try {
    useKernels({ backend: 'ts', skipZeros: true });
    const sparse = f();
    useKernels({ skipZeros: false });
    return [sparse, f()];
  } finally {
    useKernels({ backend: 'auto', skipZeros: true });
  }
}

/** Same value bit for bit as far as JS can tell (NaN equals NaN, +0 differs from −0). */
function expectIdentical(got: ArrayLike<number>, want: ArrayLike<number>): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    if (!Object.is(got[i], want[i])) expect.fail(`entry ${i}: ${got[i]} vs ${want[i]}`);
  }
}

describe('gemm: skipping zeros never changes a result', () => {
  it('matmul([[0,1],[1,0]], [[NaN,2],[3,∞]]) is [[NaN,∞],[NaN,NaN]] (0·NaN = 0·∞ = NaN)', () => {
    const a = Matrix.fromRows([
      [0, 1],
      [1, 0],
    ]);
    const b = Matrix.fromRows([
      [NaN, 2],
      [3, Infinity],
    ]);
    const [sparse, dense] = bothPaths(() => matmul(a, b).toRows());
    expect(dense).toEqual([
      [NaN, Infinity],
      [NaN, NaN],
    ]);
    expect(sparse).toEqual(dense);
  });

  // Mostly-zero operands (so the sparse path is eligible) with NaN, ±∞ sprinkled into either
  // operand, every transpose case and both write modes: identical bits on both paths.
  const specials = [NaN, Infinity, -Infinity];
  for (const [n, k, m] of [
    [5, 7, 3],
    [17, 33, 9],
    [64, 100, 13],
  ]) {
    for (const [tA, tB] of [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ]) {
      for (const where of ['none', 'A', 'B', 'both'] as const) {
        it(`[${n}×${k}]·[${k}×${m}] transA=${tA} transB=${tB} non-finite in ${where}`, () => {
          const a = random(n * k, n * k, 0.8);
          const b = random(k * m, k * m + 1, 0.8);
          const rng = createRng(n + m);
          if (where === 'A' || where === 'both') a[rng.int(a.length)] = specials[rng.int(3)];
          if (where === 'B' || where === 'both') b[rng.int(b.length)] = specials[rng.int(3)];
          const run = (acc: boolean) => {
            const c = new Float32Array(n * m).fill(0.5);
            gemm(a, b, c, n, k, m, tA, tB, acc);
            return c;
          };
          for (const acc of [false, true]) {
            const [sparse, dense] = bothPaths(() => run(acc));
            expectIdentical(sparse, dense);
            // …and the dense path is IEEE arithmetic: non-finite exactly where the reference is.
            const want = ref(a, b, n, k, m, tA, tB);
            dense.forEach((v, i) => {
              const w = want[i] + (acc ? 0.5 : 0);
              if (Number.isFinite(w)) expect(v).toBeCloseTo(w, 4);
              else expect(v).toBe(w);
            });
          }
        });
      }
    }
  }

  it('a training step on XOR (half its inputs are 0) is identical on both paths', () => {
    const data = toMatrices(gates.XOR);
    const [sparse, dense] = bothPaths(() => {
      const net = mlp({ sizes: [2, 3, 1], activations: ['sigmoid', 'sigmoid'], rng: createRng(4) });
      const losses = [1, 2, 3].map(() => trainStep(net, sgd({ lr: 1 }), 'sse', data.x, data.y));
      return { losses, params: net.parameters().flatMap((p) => Array.from(p.value.data)) };
    });
    expectIdentical(sparse.losses, dense.losses);
    expectIdentical(sparse.params, dense.params);
  });

  for (const bad of [NaN, Infinity]) {
    it(`a ${bad} weight on input x1 makes the XOR rows with x1 = 0 predict NaN, and the step refuse`, () => {
      const data = toMatrices(gates.XOR);
      const [sparse, dense] = bothPaths(() => {
        const net = mlp({
          sizes: [2, 3, 1],
          activations: ['sigmoid', 'sigmoid'],
          rng: createRng(4),
        });
        (net.layers[0] as Linear).weight.value.set(0, 0, bad);
        const out = Array.from(net.forward(data.x).data);
        let error = '';
        try {
          trainStep(net, sgd({ lr: 1 }), 'sse', data.x, data.y);
        } catch (e) {
          error = String(e);
        }
        return { out, error };
      });
      // Those rows meet the bad weight as 0·NaN or 0·∞, which is NaN, not 0.
      gates.XOR.inputs.forEach(([x1], i) => {
        if (x1 === 0 || Number.isNaN(bad)) expect(sparse.out[i]).toBeNaN();
      });
      expectIdentical(sparse.out, dense.out);
      expect(sparse.error).toMatch(/loss became NaN/);
      expect(dense.error).toBe(sparse.error);
    });
  }
});
