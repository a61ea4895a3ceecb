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

/** The same bits (as far as JS can tell: NaN equals NaN, +0 differs from −0). */
function expectIdentical(wasm: Float32Array, ts: Float32Array): void {
  for (let i = 0; i < ts.length; i++) {
    if (!Object.is(wasm[i], ts[i])) expect.fail(`entry ${i}: wasm ${wasm[i]}, ts ${ts[i]}`);
  }
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
        it(`gemm [${dims.join('×')}] transA=${tA} transB=${tB} zeros ${zeros} NaN/±∞ ${specials}: wasm and TypeScript bit for bit`, () => {
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
            expectIdentical(on('wasm', run), on('ts', run));
          }
        });
      }
    }
  }

  it('float32 overflow and underflow land the same way on both', () => {
    const a = new Float32Array([3e38, 3e38, -3e38, 1e-30, 1e-30, 2e-45]);
    const b = new Float32Array([10, -10, 1e-20, 1e-20, 3e38, 1]);
    const run = () => {
      const c = new Float32Array(2);
      gemm(a, b, c, 2, 3, 1, false, false, false);
      return c;
    };
    expectIdentical(on('wasm', run), on('ts', run));
  });

  it('a training run is bit-identical on both backends (XOR, 20 steps)', () => {
    const data = toMatrices(gates.XOR);
    const steps = (backend: KernelBackend) =>
      on(backend, () => {
        const net = mlp({ sizes: [2, 8, 1], activations: ['tanh', 'sigmoid'], rng: createRng(5) });
        const losses = Array.from({ length: 20 }, () =>
          trainStep(net, sgd({ lr: 1 }), 'bce', data.x, data.y),
        );
        return { losses, weights: net.parameters().flatMap((p) => Array.from(p.value.data)) };
      });
    const [w, t] = [steps('wasm'), steps('ts')];
    expect(w.losses).toEqual(t.losses);
    expectIdentical(Float32Array.from(w.weights), Float32Array.from(t.weights));
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
