/**
 * Engine benchmark: epochs of a 784-128-10 MLP (sigmoid hidden, softmax + cross-entropy,
 * plain SGD, batch 64) on 8,000 MNIST digits, for this engine and for TensorFlow.js 4.22 on
 * its cpu and wasm backends — same initial weights, same batch order. Then a table of single
 * matrix products.
 *
 * Fairness: every implementation trains from scratch in every repeat; its first epoch is a
 * warm-up (JIT, wasm compile, buffer allocation) and is left out of the medians; the order of
 * the implementations is rotated between repeats so none always runs first or last.
 *
 * Prints tables; exits 1 if any epoch-1 loss differs from the engine's by more than 1e-3
 * (then the runs did not compute the same thing and the times mean nothing).
 * Usage: npm run bench [-- --epochs 3 --repeats 2] [-- --json]   (--json: last line is JSON)
 */
import { createRng, mlp, permutation, type Linear, type Matrix } from '../src/engine/index';
import { type EngineKernels, loadBenchData, runEngine } from './engine-runs';
import { matmulTable, type MatmulRow } from './matmul';
import {
  type InitialWeights,
  median,
  runTfjs,
  useBackend,
  type RunResult,
  type TfBackend,
  type TfMode,
} from './tfjs-runner';

const SIZES = [784, 128, 10];
const BATCH = 64;
const LR = 0.1;
const DIGITS = 8000;
const INIT_SEED = 1;
const ORDER_SEED = 2;
const LOSS_TOLERANCE = 1e-3;

const args = process.argv.slice(2);
const json = args.includes('--json');
const num = (name: string, min: number, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return Math.max(min, (i >= 0 && Number(args[i + 1])) || fallback);
};
const epochs = num('epochs', 2, 3);
const repeats = num('repeats', 1, 2);
const log = (s: string) => console.log(s);

/** One benchmarked implementation: `key` names it in --json, `flops` is its work per epoch. */
interface Impl {
  key: string;
  name: string;
  flops: number;
  run(orders: number[][]): Promise<RunResult & { memoryBytes?: number[] }>;
}

interface Row {
  impl: Impl;
  ms: number;
  loss: number;
}

/** FLOPs of one epoch: forward x·W1, h·W2; backward dW2, dH, dW1 (no dX); 2 per MAC. */
function epochFlops(inputDensity = 1): number {
  const [i, h, o] = SIZES;
  return 2 * DIGITS * (inputDensity * i * h * 2 + h * o * 3);
}

/** The engine's initial network, and its weights for tfjs to copy. */
function initialWeights(): InitialWeights {
  const net = mlp({
    sizes: SIZES,
    activations: ['sigmoid', 'identity'],
    rng: createRng(INIT_SEED),
  });
  const [l1, , l2] = net.layers as Linear[];
  return { w1: l1.weight.value, b1: l1.bias.value, w2: l2.weight.value, b2: l2.bias.value };
}

const TRAIN = { sizes: SIZES, lr: LR, batch: BATCH, initSeed: INIT_SEED, orderSeed: ORDER_SEED };

function implementations(x: Matrix, y: Matrix, zeroFraction: number): Impl[] {
  const engine = (key: string, name: string, kernels: EngineKernels): Impl => ({
    key,
    name,
    flops: epochFlops(kernels.skipZeros ? 1 - zeroFraction : 1),
    run: (orders) => Promise.resolve(runEngine(kernels, x, y, orders.length, TRAIN)),
  });
  const tfjs = (key: string, backend: TfBackend, mode: TfMode, how: string): Impl => {
    const impl: Impl = {
      key,
      name: `tfjs ${backend}, ${how}`,
      flops: epochFlops(),
      run: async (orders) => {
        impl.name = `${await useBackend(backend)}, ${how}`;
        return runTfjs(initialWeights(), x, y, orders, { lr: LR, batchSize: BATCH, mode });
      },
    };
    return impl;
  };
  const zeros = `${(100 * zeroFraction).toFixed(0)} %`;
  return [
    engine('engine', 'engine (wasm SIMD)', { backend: 'wasm', skipZeros: false }),
    engine('engine_ts', 'engine (TypeScript)', { backend: 'ts', skipZeros: false }),
    engine('engine_sparse', `engine (TypeScript), raw MNIST pixels (${zeros} zeros skipped)`, {
      backend: 'ts',
      skipZeros: true,
    }),
    tfjs('tfjs_cpu', 'cpu', 'autograd', 'fused matMul+bias, autograd'),
    tfjs('tfjs_wasm', 'wasm', 'autograd', 'fused matMul+bias, autograd'),
    tfjs('tfjs_wasm_hand', 'wasm', 'hand', 'hand backward (fused matMul+bias+sigmoid, no tape)'),
  ];
}

/** Every implementation trains `repeats` times, in an order rotated by one each repeat. */
/** The wasm kernels' memory after every epoch of every "engine (wasm SIMD)" run. */
const memory: number[] = [];

async function runAll(impls: Impl[]): Promise<Row[]> {
  const orderRng = createRng(ORDER_SEED);
  // train() draws one permutation(rows, rng) per epoch from its rng and nothing else, so the
  // same calls on a generator with the same seed give tfjs the engine's batch order.
  const orders = Array.from({ length: epochs }, () => permutation(DIGITS, orderRng));
  const times = new Map<string, number[]>(impls.map((i) => [i.key, []]));
  const losses = new Map<string, number>();
  for (let r = 0; r < repeats; r++) {
    for (let s = 0; s < impls.length; s++) {
      const impl = impls[(s + r) % impls.length];
      const result = await impl.run(orders);
      if (impl.key === 'engine') memory.push(...(result.memoryBytes ?? []));
      times.get(impl.key)?.push(...result.epochMs.slice(1)); // epoch 1 is the warm-up
      losses.set(impl.key, result.epochLoss[0]);
    }
  }
  return impls.map((impl) => ({
    impl,
    ms: median(times.get(impl.key) ?? []),
    loss: losses.get(impl.key) ?? NaN,
  }));
}

function printEpochTable(rows: Row[]): void {
  log(
    `\n784-128-10 (sigmoid, softmax CE, SGD lr ${LR}, batch ${BATCH}) on ${DIGITS} digits: ` +
      `${repeats} repeats × ${epochs} epochs, median of the ${repeats * (epochs - 1)} epochs after each warm-up`,
  );
  const width = Math.max(...rows.map((r) => r.impl.name.length));
  log(`${'implementation'.padEnd(width)} | ms/epoch | GFLOP/s | epoch-1 loss | vs tfjs hand`);
  log(`${'-'.repeat(width)}-|----------|---------|--------------|----------------`);
  const base = rows.find((r) => r.impl.key === 'tfjs_wasm_hand');
  for (const r of rows) {
    log(
      [
        r.impl.name.padEnd(width),
        r.ms.toFixed(0).padStart(8),
        (r.impl.flops / r.ms / 1e6).toFixed(2).padStart(7),
        r.loss.toFixed(6).padStart(12),
        base ? `${(base.ms / r.ms).toFixed(2)}×`.padStart(15) : '',
      ].join(' | '),
    );
  }
  log(
    `GFLOP/s counts the work done: ${(epochFlops() / 1e9).toFixed(2)} GFLOP per dense epoch; ` +
      'the zero-skipping row counts only the products with nonzero pixels.',
  );
  const kb = memory.map((b) => `${b / 1024}`);
  log(`wasm kernel memory after each engine (wasm SIMD) epoch, KiB: ${kb.join(', ')}`);
}

function printJson(rows: Row[], mm: MatmulRow[]): void {
  const ms = (key: string) => rows.find((r) => r.impl.key === key)?.ms;
  const loss = (key: string) => rows.find((r) => r.impl.key === key)?.loss;
  const gf = (impl: string) => mm.find((m) => m.key === impl)?.gflops[0];
  log(
    JSON.stringify({
      engine_ms: ms('engine'),
      engine_ts_ms: ms('engine_ts'),
      engine_sparse_ms: ms('engine_sparse'),
      tfjs_cpu_ms: ms('tfjs_cpu'),
      tfjs_wasm_ms: ms('tfjs_wasm'),
      tfjs_wasm_hand_ms: ms('tfjs_wasm_hand'),
      loss_engine: loss('engine'),
      loss_engine_ts: loss('engine_ts'),
      loss_engine_sparse: loss('engine_sparse'),
      loss_tfjs_cpu: loss('tfjs_cpu'),
      loss_tfjs_wasm: loss('tfjs_wasm'),
      loss_tfjs_wasm_hand: loss('tfjs_wasm_hand'),
      matmul_gflops_engine: gf('engine'),
      matmul_gflops_tfjs_wasm: gf('tfjs_wasm'),
      matmul_gflops_engine_ts: gf('engine_ts'),
      matmul_gflops_tfjs_cpu: gf('tfjs_cpu'),
      matmul_gflops_512_engine: mm.find((m) => m.key === 'engine')?.gflops[1],
      matmul_gflops_512_tfjs_wasm: mm.find((m) => m.key === 'tfjs_wasm')?.gflops[1],
      wasm_memory_bytes: memory,
      epochs,
      repeats,
    }),
  );
}

async function main(): Promise<void> {
  const { x, y, zeroFraction } = loadBenchData(DIGITS);
  const rows = await runAll(implementations(x, y, zeroFraction));
  printEpochTable(rows);
  const mm = await matmulTable(x, log);
  const worst = Math.max(...rows.map((r) => Math.abs(r.loss - rows[0].loss)));
  const ok = worst <= LOSS_TOLERANCE;
  log(
    `\nepoch-1 losses agree within ${worst.toExponential(2)} (tolerance ${LOSS_TOLERANCE}): ${ok ? 'ok' : 'FAIL'}`,
  );
  if (json) printJson(rows, mm);
  if (!ok) process.exit(1);
}

await main();
