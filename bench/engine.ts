/**
 * Engine benchmark: epochs of a 784-128-10 MLP (sigmoid hidden, softmax + cross-entropy,
 * plain SGD, batch 64) on 8,000 MNIST digits, for this engine and for TensorFlow.js 4.22 on
 * its cpu and wasm backends — same initial weights, same batch order. Also times one
 * 64×784 · 784×128 matrix product.
 *
 * Prints a table; exits 1 if the epoch-1 losses differ by more than 1e-3 (then the runs did
 * not compute the same thing and the times mean nothing).
 * Usage: npm run bench [-- --epochs 5] [-- --json]   (--json: the last line is a JSON object)
 */
import {
  createRng,
  gemm,
  kernelConfig,
  mlp,
  mnistMatrices,
  permutation,
  sgd,
  standardMnistSplit,
  train,
  type Linear,
  type Matrix,
} from '../src/engine/index';
import { loadMnistNode } from '../scripts/mnist-node';
import {
  type InitialWeights,
  median,
  runTfjs,
  timeTfMatmul,
  useBackend,
  type RunResult,
  type TfBackend,
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
const epochs = Math.max(3, Number(args[args.indexOf('--epochs') + 1]) || 3);
const log = (s: string) => console.log(s);

/** Dense FLOPs of one epoch: forward x·W1, h·W2; backward dW2, dH, dW1 (no dX). 2 per MAC. */
function epochFlops(): number {
  const [i, h, o] = SIZES;
  return 2 * DIGITS * (i * h + h * o + h * o + o * h + i * h);
}

function loadData(): { x: Matrix; y: Matrix } {
  const data = loadMnistNode();
  const { x, y } = mnistMatrices(data, standardMnistSplit(data).train.slice(0, DIGITS));
  return { x, y };
}

function runEngine(x: Matrix, y: Matrix, sparse: boolean): RunResult {
  kernelConfig.sparseDensity = sparse ? 0.5 : 0;
  const net = mlp({
    sizes: SIZES,
    activations: ['sigmoid', 'identity'],
    rng: createRng(INIT_SEED),
  });
  const result: RunResult = { epochMs: [], epochLoss: [] };
  let t0 = performance.now();
  train(
    net,
    { x, y },
    {
      optimizer: sgd({ lr: LR }),
      loss: 'cross-entropy',
      epochs,
      batchSize: BATCH,
      rng: createRng(ORDER_SEED),
      onEpoch: (e) => {
        result.epochMs.push(performance.now() - t0);
        result.epochLoss.push(e.loss);
        t0 = performance.now();
      },
    },
  );
  kernelConfig.sparseDensity = 0.5;
  return result;
}

/** Median ms of the engine's C = A·B for A [n, k], B [k, m]. */
function timeEngineMatmul(
  a: Float32Array,
  b: Float32Array,
  n: number,
  k: number,
  m: number,
  reps: number,
): number {
  const c = new Float32Array(n * m);
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    gemm(a, b, c, n, k, m, false, false, false);
    times.push(performance.now() - t0);
  }
  return median(times);
}

interface Row {
  name: string;
  ms: number;
  gflops: number;
  loss: number;
  matmulMs: number;
}

function row(name: string, r: RunResult, matmulMs: number): Row {
  const ms = median(r.epochMs);
  return { name, ms, gflops: epochFlops() / ms / 1e6, loss: r.epochLoss[0], matmulMs };
}

function printTable(rows: Row[], sparseMatmulMs: number): void {
  const mmFlops = 2 * BATCH * 784 * 128;
  log(
    `\n${epochs} epochs of 784-128-10 (sigmoid, softmax CE, SGD lr ${LR}, batch ${BATCH}) on ${DIGITS} digits`,
  );
  log(
    'implementation           | median ms/epoch | GFLOP/s* | epoch-1 loss | vs tfjs cpu | matmul ms | matmul GFLOP/s',
  );
  log(
    '-------------------------|-----------------|----------|--------------|-------------|-----------|---------------',
  );
  for (const r of rows) {
    const cells = [
      r.name.padEnd(24),
      r.ms.toFixed(0).padStart(15),
      r.gflops.toFixed(2).padStart(8),
      r.loss.toFixed(6).padStart(12),
      `${(rows[1].ms / r.ms).toFixed(2)}×`.padStart(11),
      r.matmulMs.toFixed(3).padStart(9),
      (mmFlops / r.matmulMs / 1e6).toFixed(2).padStart(14),
    ];
    log(cells.join(' | '));
  }
  log(
    `* dense-equivalent: ${(epochFlops() / 1e9).toFixed(2)} GFLOP per epoch counted for every implementation.`,
  );
  log(
    `  matmul: 64×784 · 784×128 on dense random data; the engine on a real MNIST batch: ${sparseMatmulMs.toFixed(3)} ms`,
  );
  log('  "engine" skips the zero entries of a mostly-zero operand (81 % of MNIST pixels are 0);');
  log(
    '  "engine, dense only" turns that off (kernelConfig.sparseDensity = 0) and multiplies everything.',
  );
}

/** The engine's initial network, and its weights for tfjs to copy. */
function initialWeights(): InitialWeights {
  const init = mlp({
    sizes: SIZES,
    activations: ['sigmoid', 'identity'],
    rng: createRng(INIT_SEED),
  });
  const [l1, , l2] = init.layers as Linear[];
  return { w1: l1.weight.value, b1: l1.bias.value, w2: l2.weight.value, b2: l2.bias.value };
}

async function runAll(x: Matrix, y: Matrix): Promise<{ rows: Row[]; sparseMatmulMs: number }> {
  // train() draws one permutation(rows, rng) per epoch from its rng and nothing else, so the
  // same calls on a generator with the same seed give tfjs the engine's batch order.
  const orderRng = createRng(ORDER_SEED);
  const orders = Array.from({ length: epochs }, () => permutation(DIGITS, orderRng));
  const rng = createRng(3);
  const a = Float32Array.from({ length: BATCH * 784 }, () => rng.uniform(-1, 1));
  const b = Float32Array.from({ length: 784 * 128 }, () => rng.uniform(-1, 1));
  const reps = 30;
  const denseMatmulMs = timeEngineMatmul(a, b, BATCH, 784, 128, reps);
  const mnistBatch = x.data.subarray(0, BATCH * 784);
  const sparseMatmulMs = timeEngineMatmul(mnistBatch, b, BATCH, 784, 128, reps);
  const rows = [row('engine', runEngine(x, y, true), denseMatmulMs)];
  for (const backend of ['cpu', 'wasm'] as TfBackend[]) {
    const name = `tfjs ${await useBackend(backend)}`;
    const r = runTfjs(initialWeights(), x, y, orders, { lr: LR, batchSize: BATCH });
    rows.push(row(name, r, timeTfMatmul(a, b, BATCH, 784, 128, reps)));
  }
  rows.push(row('engine, dense only', runEngine(x, y, false), denseMatmulMs));
  return { rows, sparseMatmulMs };
}

function printJson([e, cpu, wasm, dense]: Row[], sparseMatmulMs: number): void {
  log(
    JSON.stringify({
      engine_ms: e.ms,
      tfjs_cpu_ms: cpu.ms,
      tfjs_wasm_ms: wasm.ms,
      engine_dense_only_ms: dense.ms,
      engine_gflops: e.gflops,
      tfjs_cpu_gflops: cpu.gflops,
      tfjs_wasm_gflops: wasm.gflops,
      engine_dense_only_gflops: dense.gflops,
      loss_engine: e.loss,
      loss_tfjs_cpu: cpu.loss,
      loss_tfjs_wasm: wasm.loss,
      loss_engine_dense_only: dense.loss,
      speedup_vs_tfjs_cpu: cpu.ms / e.ms,
      matmul_ms_engine: e.matmulMs,
      matmul_ms_tfjs_cpu: cpu.matmulMs,
      matmul_ms_tfjs_wasm: wasm.matmulMs,
      matmul_ms_engine_mnist_batch: sparseMatmulMs,
      epochs,
    }),
  );
}

async function main(): Promise<void> {
  const { x, y } = loadData();
  const { rows, sparseMatmulMs } = await runAll(x, y);
  printTable(rows, sparseMatmulMs);
  const worst = Math.max(...rows.map((r) => Math.abs(r.loss - rows[0].loss)));
  const ok = worst <= LOSS_TOLERANCE;
  const verdict = ok ? 'ok' : 'FAIL';
  log(
    `epoch-1 losses agree within ${worst.toExponential(2)} (tolerance ${LOSS_TOLERANCE}): ${verdict}`,
  );
  if (json) printJson(rows, sparseMatmulMs);
  if (!ok) process.exit(1);
}

await main();
