/**
 * The TensorFlow.js side of the engine benchmark: the same 784-128-10 network, initial
 * weights, batch order, loss and optimizer as the engine run, on the cpu or wasm backend.
 * Nothing is downloaded: the wasm binaries are read from node_modules by file path.
 */
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TF from '@tensorflow/tfjs-core';

// tfjs-core's bundles register no gradients; its `register_all_gradients` exists only as
// unbundled ESM with extensionless imports, which Node cannot resolve. This resolve hook
// retries such imports with '.js' (tfjs's own union package does the same through a
// bundler). The ESM copy shares the CJS copy's engine and registries (both live on
// globalThis), so importing it registers the gradients for the `tf` used below.
const hook = `export async function resolve(spec, ctx, next) {
  try { return await next(spec, ctx); } catch (e) {
    if (spec.startsWith('.') && ctx.parentURL?.includes('/@tensorflow/tfjs-core/dist/')) return next(spec + '.js', ctx);
    throw e;
  }
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
const tf: typeof TF = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
await import('@tensorflow/tfjs-backend-cpu');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');

import type { Matrix } from '../src/engine/index';

export type TfBackend = 'cpu' | 'wasm';

/** Initial weights in the engine's layout: w [out, in], b [1, out] per layer. */
export interface InitialWeights {
  w1: Matrix;
  b1: Matrix;
  w2: Matrix;
  b2: Matrix;
}

export interface RunResult {
  epochMs: number[];
  /** Mean batch loss of each epoch. */
  epochLoss: number[];
}

/** Select a backend; wasm is pointed at the binaries in node_modules (no network). */
export async function useBackend(backend: TfBackend): Promise<string> {
  if (backend === 'wasm') {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(join(dist, '/'));
  }
  if (!(await tf.setBackend(backend)))
    throw new Error(`tfjs: backend '${backend}' failed to start`);
  await tf.ready();
  const threads =
    backend === 'wasm'
      ? ` (simd: ${String(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))})`
      : '';
  return `${tf.getBackend()}${threads}`;
}

/** Engine [out, in] → tfjs variable [in, out], so tfjs runs its natural x·W layout. */
function variableFrom(m: Matrix, transpose: boolean): TF.Variable {
  const t = tf.tensor2d(m.data, [m.rows, m.cols]);
  const v = tf.variable(transpose ? tf.transpose(t) : tf.reshape(t, [m.cols]));
  t.dispose();
  return v;
}

/**
 * Plain-SGD training, one tfjs step per batch; the loss is read back every step (as the
 * engine does) so both do the same synchronous work.
 * @param x [m, 784] @param y one-hot [m, 10] @param orders one row permutation per epoch
 */
export function runTfjs(
  init: InitialWeights,
  x: Matrix,
  y: Matrix,
  orders: number[][],
  opts: { lr: number; batchSize: number },
): RunResult {
  const vars = [
    variableFrom(init.w1, true),
    variableFrom(init.b1, false),
    variableFrom(init.w2, true),
    variableFrom(init.b2, false),
  ];
  const optimizer = tf.train.sgd(opts.lr);
  const result: RunResult = { epochMs: [], epochLoss: [] };
  for (const order of orders) {
    const t0 = performance.now();
    let lossSum = 0;
    for (let start = 0; start < order.length; start += opts.batchSize) {
      const idx = order.slice(start, start + opts.batchSize);
      lossSum += tfStep(vars, optimizer, gather(x, idx), gather(y, idx)) * idx.length;
    }
    result.epochMs.push(performance.now() - t0);
    result.epochLoss.push(lossSum / order.length);
  }
  optimizer.dispose();
  tf.dispose(vars);
  return result;
}

/** Rows `idx` of `m` as a tensor [idx.length, m.cols]. */
function gather(m: Matrix, idx: number[]): TF.Tensor2D {
  const out = new Float32Array(idx.length * m.cols);
  idx.forEach((i, r) => out.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), r * m.cols));
  return tf.tensor2d(out, [idx.length, m.cols]);
}

/** One forward/backward/update on a batch; returns the batch loss. Disposes the batch. */
function tfStep(
  [w1, b1, w2, b2]: TF.Variable[],
  optimizer: TF.Optimizer,
  xb: TF.Tensor2D,
  yb: TF.Tensor2D,
): number {
  const cost = optimizer.minimize(
    () => {
      const h = tf.sigmoid(tf.add(tf.matMul(xb, w1), b1));
      return tf.losses.softmaxCrossEntropy(yb, tf.add(tf.matMul(h, w2), b2));
    },
    true,
    [w1, b1, w2, b2],
  );
  if (!cost) throw new Error('tfjs: minimize returned no cost');
  const loss = cost.dataSync()[0];
  tf.dispose([xb, yb, cost]);
  return loss;
}

/** Median time of C = A·B for A [n, k], B [k, m] on the current backend. */
export function timeTfMatmul(
  a: Float32Array,
  b: Float32Array,
  n: number,
  k: number,
  m: number,
  reps: number,
): number {
  const ta = tf.tensor2d(a, [n, k]);
  const tb = tf.tensor2d(b, [k, m]);
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const c = tf.matMul(ta, tb);
    c.dataSync();
    times.push(performance.now() - t0);
    c.dispose();
  }
  tf.dispose([ta, tb]);
  return median(times);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
