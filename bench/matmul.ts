/**
 * Single matrix products C = A·B on dense random data, engine against tfjs cpu and wasm, and
 * the engine on a real MNIST batch (where it skips the zero pixels).
 */
import { createRng, gemm, useKernels, type Matrix } from '../src/engine/index';
import { median, timeTfMatmul, useBackend } from './tfjs-runner';

/** [n, k, m]: the first layer's forward product for a batch of 64, and a square one. */
export const MATMUL_SHAPES = [
  [64, 784, 128],
  [512, 512, 512],
] as const;

export interface MatmulRow {
  key: string;
  name: string;
  /** Per shape in MATMUL_SHAPES (dense-equivalent FLOPs for the zero-skipping row). */
  ms: number[];
  gflops: number[];
}

const reps = (n: number, k: number, m: number) => Math.max(11, Math.min(41, 2e8 / (n * k * m)));

function random(len: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: len }, () => rng.uniform(-1, 1));
}

/** Median ms of the engine's C = A·B for A [n, k], B [k, m]. */
function timeEngine(a: Float32Array, b: Float32Array, n: number, k: number, m: number): number {
  const c = new Float32Array(n * m);
  const times: number[] = [];
  for (let r = 0; r < reps(n, k, m); r++) {
    const t0 = performance.now();
    gemm(a, b, c, n, k, m, false, false, false);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Times every implementation on every shape, prints the table and returns its rows. */
export async function matmulTable(x: Matrix, log: (s: string) => void): Promise<MatmulRow[]> {
  const operands = MATMUL_SHAPES.map(([n, k, m], s) => ({
    n,
    k,
    m,
    a: random(n * k, 10 + s),
    b: random(k * m, 20 + s), // prettier-ignore
  }));
  const row = (key: string, name: string, time: (o: (typeof operands)[0]) => number) => {
    const ms = operands.map((o) => time(o));
    const gflops = operands.map((o, s) => (2 * o.n * o.k * o.m) / ms[s] / 1e6);
    return { key, name, ms, gflops };
  };
  const rows: MatmulRow[] = [];
  const engine = (
    key: string,
    name: string,
    kernels: Parameters<typeof useKernels>[0],
    pixels?: Float32Array,
  ) => {
    useKernels(kernels);
    // The first shape only, with A = a real MNIST batch, when `pixels` is given.
    rows.push(
      row(key, name, (o) =>
        pixels
          ? o.k === 784
            ? timeEngine(pixels, o.b, o.n, o.k, o.m)
            : NaN
          : timeEngine(o.a, o.b, o.n, o.k, o.m),
      ),
    );
    useKernels({ backend: 'auto', skipZeros: true });
  };
  engine('engine', 'engine (wasm SIMD)', { backend: 'wasm' });
  engine('engine_ts', 'engine (TypeScript)', { backend: 'ts', skipZeros: false });
  const batch = x.data.subarray(0, 64 * 784);
  engine(
    'engine_sparse',
    'engine (TypeScript), MNIST batch as A, zeros skipped',
    { backend: 'ts', skipZeros: true },
    batch,
  );
  for (const backend of ['cpu', 'wasm'] as const) {
    const name = await useBackend(backend);
    rows.push(
      row(`tfjs_${backend}`, name, (o) =>
        timeTfMatmul(o.a, o.b, o.n, o.k, o.m, reps(o.n, o.k, o.m)),
      ),
    );
  }
  printTable(rows, log);
  return rows;
}

function printTable(rows: MatmulRow[], log: (s: string) => void): void {
  const heads = MATMUL_SHAPES.map(
    ([n, k, m]) => `${`${n}×${k}·${k}×${m} ms`.padStart(18)} | GFLOP/s`,
  );
  log(`\nmatrix product C = A·B, one call, median (dense random data)`);
  const width = Math.max(...rows.map((r) => r.name.length));
  log(`${'implementation'.padEnd(width)} | ${heads.join(' | ')}`);
  log(`${'-'.repeat(width)}-|-${heads.map((h) => h.replace(/[^|]/g, '-')).join('-|-')}`);
  for (const r of rows) {
    const cells = r.ms.map((ms, s) =>
      Number.isNaN(ms)
        ? '—'.padStart(heads[s].length)
        : `${ms.toFixed(3).padStart(heads[s].length - 10)} | ${r.gflops[s].toFixed(2).padStart(7)}`,
    );
    log(`${r.name.padEnd(width)} | ${cells.join(' | ')}`);
  }
  log('GFLOP/s for the MNIST batch is dense-equivalent (2·n·k·m, zeros counted as work).');
}
