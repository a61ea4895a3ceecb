import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRng,
  gates,
  gemm,
  kernelBackend,
  Matrix,
  mlp,
  sgd,
  toMatrices,
  trainStep,
  useKernels,
  wasmMemoryBytes,
  type KernelBackend,
} from '../../src/engine/index';
import { sandboxModules } from '../../src/notebook/node/sandbox';
import { compileKernels, moduleText, WASM_MODULE } from '../../scripts/build-wasm';

afterEach(() => void useKernels({ backend: 'auto', skipZeros: true }));

/** Runs `f` on the given backend and puts the default back. */
function on<T>(backend: KernelBackend, f: () => T): T {
  expect(useKernels({ backend })).toBe(backend);
  try {
    return f();
  } finally {
    useKernels({ backend: 'auto' });
  }
}

/** Random entries in [−1, 1], a fraction of them 0, and optionally NaN, ±∞ sprinkled in. */
function operand(len: number, seed: number, zeros: number, specials: number): Float32Array {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: len }, () => (rng.next() < zeros ? 0 : rng.uniform(-1, 1)));
  const bad = [NaN, Infinity, -Infinity];
  for (let s = 0; s < specials; s++) x[rng.int(len)] = bad[s % 3];
  return x;
}

/**
 * wasm sums in float32, TypeScript in float64: entries agree within k·2⁻²³·Σ_p |a·b| (the
 * float32 error bound of a k-term sum) and are NaN, +∞ or −∞ in exactly the same places.
 */
function expectAgree(wasm: Float32Array, ts: Float32Array, bound: Float64Array): void {
  for (let i = 0; i < ts.length; i++) {
    if (!Number.isFinite(ts[i]) || !Number.isFinite(wasm[i])) {
      if (!Object.is(wasm[i], ts[i])) expect.fail(`entry ${i}: wasm ${wasm[i]}, ts ${ts[i]}`);
    } else if (Math.abs(wasm[i] - ts[i]) > bound[i] + 1e-30) {
      expect.fail(`entry ${i}: wasm ${wasm[i]}, ts ${ts[i]}, bound ${bound[i]}`);
    }
  }
}

/** Σ_p |op(A)[i, p]·op(B)[p, j]| · k · 2⁻²³ per entry, plus |C| when accumulating. */
function errorBound(
  a: Float32Array,
  b: Float32Array,
  c0: Float32Array,
  dims: number[],
  tA: boolean,
  tB: boolean,
  acc: boolean,
) {
  const [n, k, m] = dims;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = acc ? Math.abs(c0[i * m + j]) : 0;
      for (let p = 0; p < k; p++)
        s += Math.abs((tA ? a[p * n + i] : a[i * k + p]) * (tB ? b[j * k + p] : b[p * m + j]));
      out[i * m + j] = (k + 2) * 2 ** -23 * s;
    }
  return out;
}

describe('wasm SIMD kernels', () => {
  it('the checked-in module is what assembly/kernels.ts compiles to (npm run build:wasm)', async () => {
    expect(readFileSync(WASM_MODULE, 'utf8')).toBe(moduleText(await compileKernels()));
  });

  it('stay under 4 KB, the largest module Chrome compiles synchronously on a page’s main thread', async () => {
    expect((await compileKernels()).length).toBeLessThan(4096);
  });

  it('load in Node and are the default there', () => {
    expect(kernelBackend()).toBe('wasm');
  });

  // Odd sizes hit every remainder: rows not a multiple of 4, columns not a multiple of 8.
  const shapes = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 8, 8],
    [5, 9, 17],
    [17, 33, 9],
    [64, 100, 13],
    [66, 31, 130],
  ];
  const cases = [
    [false, false],
    [false, true],
    [true, false],
    [true, true],
  ] as const;
  for (const dims of shapes) {
    for (const [tA, tB] of cases) {
      for (const [zeros, specials] of [
        [0, 0],
        [0.8, 0],
        [0.5, 3],
      ]) {
        // prettier-ignore
        it(`gemm [${dims.join('×')}] transA=${tA} transB=${tB} zeros ${zeros} NaN/±∞ ${specials}: wasm = TypeScript`, () => {
          const [n, k, m] = dims;
          const a = operand(n * k, n * 31 + k, zeros, specials);
          const b = operand(k * m, k * 17 + m, zeros, specials > 0 ? 1 : 0);
          const c0 = operand(n * m, m, 0, 0);
          for (const acc of [false, true]) {
            const run = () => {
              const c = c0.slice();
              gemm(a, b, c, n, k, m, tA, tB, acc);
              return c;
            };
            expectAgree(on('wasm', run), on('ts', run), errorBound(a, b, c0, dims, tA, tB, acc));
          }
        });
      }
    }
  }

  it('a training step agrees on both backends (XOR, 3 steps)', () => {
    const data = toMatrices(gates.XOR);
    const steps = (backend: KernelBackend) =>
      on(backend, () => {
        const net = mlp({ sizes: [2, 8, 1], activations: ['tanh', 'sigmoid'], rng: createRng(5) });
        return [1, 2, 3].map(() => trainStep(net, sgd({ lr: 1 }), 'bce', data.x, data.y));
      });
    const [w, t] = [steps('wasm'), steps('ts')];
    w.forEach((loss, i) => expect(loss).toBeCloseTo(t[i], 6));
  });

  it('keep their memory at the largest product: no growth across repeated epochs', () => {
    const net = mlp({
      sizes: [784, 128, 10],
      activations: ['sigmoid', 'identity'],
      rng: createRng(1),
    });
    const x = new Matrix(64, 784, operand(64 * 784, 1, 0.8, 0));
    const y = new Matrix(
      64,
      10,
      operand(64 * 10, 2, 0, 0).map((v) => (v > 0 ? 1 : 0)),
    );
    const sizes: number[] = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      for (let s = 0; s < 5; s++) trainStep(net, sgd({ lr: 0.1 }), 'cross-entropy', x, y);
      sizes.push(wasmMemoryBytes());
    }
    expect(sizes[0]).toBeGreaterThan(0);
    expect(new Set(sizes).size).toBe(1);
  });

  it('fall back to TypeScript, silently, where wasm code generation is disabled (the grader sandbox)', () => {
    const modules = sandboxModules();
    const ctx = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    const cache = new Map<string, unknown>();
    const load = (id: string): unknown => {
      if (cache.has(id)) return cache.get(id);
      const module = { exports: {} as Record<string, unknown> };
      cache.set(id, module.exports);
      const factory = vm.runInContext(
        `(function (require, module, exports) {${modules[id]}\n})`,
        ctx,
      ) as (r: (s: string) => unknown, m: typeof module, e: unknown) => void;
      factory((spec) => load(posix.join(posix.dirname(id), spec)), module, module.exports);
      cache.set(id, module.exports);
      return module.exports;
    };
    const engine = load('src/engine/index') as typeof import('../../src/engine/index');
    expect(engine.kernelBackend()).toBe('ts');
    const c = new Float32Array(4);
    engine.gemm(
      new Float32Array([0, 1, 1, 0]),
      new Float32Array([NaN, 2, 3, Infinity]),
      c,
      2,
      2,
      2,
      false,
      false,
      false,
    );
    expect(Array.from(c)).toEqual([NaN, Infinity, NaN, NaN]);
  });
});
