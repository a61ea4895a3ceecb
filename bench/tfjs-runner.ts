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

/**
 * Select a backend; wasm is pointed at the binaries in node_modules (no network). Returns a
 * label that says what the backend really runs with (SIMD, threads).
 */
export async function useBackend(backend: TfBackend): Promise<string> {
  if (backend === 'wasm') {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(join(dist, '/'));
  }
  if (!(await tf.setBackend(backend)))
    throw new Error(`tfjs: backend '${backend}' failed to start`);
  await tf.ready();
  if (backend === 'cpu') return `tfjs ${tf.version_core} cpu`;
  const on = (b: unknown) => (b ? 'on' : 'off');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `tfjs ${tf.version_core} wasm (SIMD ${on(simd)}, threads ${on(threads)})`;
}

/**
 * Engine [out, in] → tfjs variable [in, out], so tfjs runs its natural x·W layout; a bias
 * [1, out] → [out], built 1-D from the start (the wasm backend keeps the shape a tensor's data
 * was created with, so a reshaped [1, out] bias would fail its rank-1 check).
 */
function variableFrom(m: Matrix, transpose: boolean): TF.Variable {
  if (!transpose) return tf.variable(tf.tensor1d(m.data));
  const t = tf.tensor2d(m.data, [m.rows, m.cols]);
  const v = tf.variable(tf.transpose(t));
  t.dispose();
  return v;
}

/**
 * How tfjs computes one step. 'autograd': what a tfjs user writes — fused matMul + bias,
 * sigmoid, softmax cross-entropy, `optimizer.minimize` (the fused op cannot take the sigmoid
 * under autograd: tfjs has no gradient for a fused sigmoid). 'hand': the forward pass fully
 * fused (matMul + bias + sigmoid in one op) and the backward pass written out by hand, no tape.
 */
export type TfMode = 'autograd' | 'hand';

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
  opts: { lr: number; batchSize: number; mode: TfMode },
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
      const [xb, yb] = [gather(x, idx), gather(y, idx)];
      const loss =
        opts.mode === 'hand'
          ? handStep(vars, opts.lr, xb, yb)
          : autogradStep(vars, optimizer, xb, yb);
      tf.dispose([xb, yb]);
      lossSum += loss * idx.length;
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

/** One forward/backward/update through tfjs's autograd; returns the batch loss. */
function autogradStep(
  [w1, b1, w2, b2]: TF.Variable[],
  optimizer: TF.Optimizer,
  xb: TF.Tensor2D,
  yb: TF.Tensor2D,
): number {
  const cost = optimizer.minimize(
    () => {
      const h = tf.sigmoid(tf.fused.matMul({ a: xb, b: w1, bias: b1 }));
      return tf.losses.softmaxCrossEntropy(yb, tf.fused.matMul({ a: h, b: w2, bias: b2 }));
    },
    true,
    [w1, b1, w2, b2],
  );
  if (!cost) throw new Error('tfjs: minimize returned no cost');
  const loss = cost.dataSync()[0];
  cost.dispose();
  return loss;
}

/**
 * One step with the backward pass by hand (the engine's own chain rule, in tfjs ops):
 * dZ2 = (softmax(Z2) − Y)/n, dW2 = Hᵀ·dZ2, dH = dZ2·W2ᵀ, dZ1 = dH ⊙ H(1 − H), dW1 = Xᵀ·dZ1.
 */
function handStep(
  [w1, b1, w2, b2]: TF.Variable[],
  lr: number,
  xb: TF.Tensor2D,
  yb: TF.Tensor2D,
): number {
  const n = xb.shape[0];
  const loss = tf.tidy(() => {
    const h = tf.fused.matMul({ a: xb, b: w1, bias: b1, activation: 'sigmoid' });
    const z2 = tf.fused.matMul({ a: h, b: w2, bias: b2 });
    const logp = tf.logSoftmax(z2);
    const dz2 = tf.div(tf.sub(tf.exp(logp), yb), n);
    const dz1 = tf.mul(tf.matMul(dz2, w2, false, true), tf.mul(h, tf.sub(1, h)));
    const update = (w: TF.Variable, g: TF.Tensor) => w.assign(tf.sub(w, tf.mul(g, lr)));
    update(w2, tf.matMul(h, dz2, true, false));
    update(b2, tf.sum(dz2, 0));
    update(w1, tf.matMul(xb, dz1, true, false));
    update(b1, tf.sum(dz1, 0));
    return tf.div(tf.neg(tf.sum(tf.mul(yb, logp))), n);
  });
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
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
