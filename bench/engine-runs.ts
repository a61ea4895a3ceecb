/**
 * The engine's side of the benchmark: the MNIST training data and one training run with a
 * chosen kernel setting (the settings change speed, never the numbers trained).
 */
import {
  createRng,
  mlp,
  mnistMatrices,
  sgd,
  train,
  useKernels,
  wasmMemoryBytes,
  type KernelBackend,
  type Matrix,
} from '../src/engine/index';
import { loadMnistNode } from '../scripts/mnist-node';
import type { RunResult } from './tfjs-runner';

/** The kernel setting a run uses (see `useKernels`). */
export interface EngineKernels {
  backend: KernelBackend;
  skipZeros: boolean;
}

export interface TrainConfig {
  sizes: number[];
  lr: number;
  batch: number;
  initSeed: number;
  orderSeed: number;
}

/** The first `digits` training digits of the standard split, and the fraction of zero pixels. */
export function loadBenchData(digits: number): { x: Matrix; y: Matrix; zeroFraction: number } {
  const { train } = loadMnistNode();
  const first = Array.from({ length: Math.min(digits, train.count) }, (_, i) => i);
  const { x, y } = mnistMatrices(train, first);
  let zeros = 0;
  for (const v of x.data) if (v === 0) zeros++;
  return { x, y, zeroFraction: zeros / x.data.length };
}

/** `epochs` epochs of SGD from the seeded initial weights; per-epoch ms and mean loss. */
export function runEngine(
  kernels: EngineKernels,
  x: Matrix,
  y: Matrix,
  epochs: number,
  cfg: TrainConfig,
): RunResult & { memoryBytes: number[] } {
  if (useKernels(kernels) !== kernels.backend)
    throw new Error(`no ${kernels.backend} kernels here`);
  const net = mlp({
    sizes: cfg.sizes,
    activations: ['sigmoid', 'identity'],
    rng: createRng(cfg.initSeed),
  });
  // memoryBytes: the wasm kernels' linear memory after each epoch (it must not grow).
  const result = {
    epochMs: [] as number[],
    epochLoss: [] as number[],
    memoryBytes: [] as number[],
  };
  let t0 = performance.now();
  try {
    train(
      net,
      { x, y },
      {
        optimizer: sgd({ lr: cfg.lr }),
        loss: 'cross-entropy',
        epochs,
        batchSize: cfg.batch,
        rng: createRng(cfg.orderSeed),
        onEpoch: (e) => {
          result.epochMs.push(performance.now() - t0);
          result.epochLoss.push(e.loss);
          result.memoryBytes.push(wasmMemoryBytes());
          t0 = performance.now();
        },
      },
    );
  } finally {
    useKernels({ backend: 'auto', skipZeros: true });
  }
  return result;
}
