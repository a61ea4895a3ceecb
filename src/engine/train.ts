/**
 * The training loop: epochs of shuffled mini-batches, each step a forward pass, a loss, a
 * backward pass and an optimizer update. One generator does the work (`trainSteps`); `train`
 * runs it to the end synchronously and `trainAsync` hands control back to the event loop
 * now and then, so a page or worker stays responsive and can cancel.
 *
 * State of a run: the model's parameters (mutated in place), the optimizer's buffers, a
 * batch buffer and a gradient buffer per batch size, and the running epoch sums.
 */
import { argmaxRows } from './matrix';
import { getLoss, type Loss, type LossName } from './losses';
import { Matrix, shapeOf } from './matrix';
import type { MLP } from './mlp';
import type { Optimizer } from './optimizers';
import { permutation, type Rng } from './rng';

/** Anything with an `aborted` flag: an AbortSignal, or a plain `{ aborted: false }` object. */
export interface CancelFlag {
  readonly aborted: boolean;
}

export interface StepInfo {
  /** 1-based epoch. */
  epoch: number;
  /** 1-based step counted across all epochs. */
  step: number;
  /** This batch's loss (before the update). */
  loss: number;
  /** Fraction of this batch classified correctly (before the update). */
  accuracy: number;
}

export interface EpochInfo {
  epoch: number;
  /** Mean of the epoch's batch losses, weighted by batch size. */
  loss: number;
  /** Training accuracy over the epoch, from the batches as they were seen. */
  accuracy: number;
  /** Loss and accuracy on `opts.validation` after the epoch, when given. */
  validation?: { loss: number; accuracy: number };
}

export interface TrainOptions {
  optimizer: Optimizer;
  loss: LossName;
  epochs: number;
  /** Rows per mini-batch; the last batch of an epoch may be smaller. */
  batchSize: number;
  /** Shuffles the rows at the start of every epoch. */
  rng: Rng;
  /** Default true; false keeps the rows in order (full-batch demos). */
  shuffle?: boolean;
  /** Stops the run before the next step once `aborted` is true. */
  signal?: CancelFlag;
  /** Called after every step; return false to stop. */
  onStep?: (info: StepInfo) => void | boolean;
  /** Called after every epoch; return false to stop. */
  onEpoch?: (info: EpochInfo) => void | boolean;
  /** Held-out data scored after each epoch. */
  validation?: { x: Matrix; y: Matrix };
}

export interface TrainResult {
  history: EpochInfo[];
  steps: number;
  /** True when stopped early by the signal or a callback. */
  cancelled: boolean;
}

/** A training set: x [m, features], y [m, outputs] (one-hot rows for classification). */
export interface TrainData {
  x: Matrix;
  y: Matrix;
}

const gradBuffers = new WeakMap<MLP, Map<number, Matrix>>();

/**
 * One optimisation step on a batch. Throws (before touching the weights) if the loss is not
 * finite.
 * @param x [batch, sizes[0]] @param y [batch, outputs] @returns the batch loss before the update
 */
export function trainStep(
  model: MLP,
  optimizer: Optimizer,
  loss: LossName,
  x: Matrix,
  y: Matrix,
): number {
  return stepOnce(model, optimizer, getLoss(loss), x, y, () => 'trainStep').loss;
}

function stepOnce(
  model: MLP,
  optimizer: Optimizer,
  loss: Loss,
  x: Matrix,
  y: Matrix,
  where: () => string,
): { loss: number; accuracy: number } {
  if (x.rows !== y.rows) {
    throw new Error(`${where()}: x ${shapeOf(x)} and y ${shapeOf(y)} — row counts differ`);
  }
  const out = model.forwardInPlace(x);
  const value = loss.value(out, y);
  if (!Number.isFinite(value)) {
    throw new Error(
      `${where()}: the loss became ${value} — the weights are diverging; try a smaller learning rate`,
    );
  }
  const acc = accuracy(out, y, loss.name);
  model.backward(loss.grad(out, y, gradBuffer(model, out)));
  optimizer.step(model.parameters());
  return { loss: value, accuracy: acc };
}

function gradBuffer(model: MLP, out: Matrix): Matrix {
  let byRows = gradBuffers.get(model);
  if (!byRows) gradBuffers.set(model, (byRows = new Map<number, Matrix>()));
  let g = byRows.get(out.rows);
  if (!g) byRows.set(out.rows, (g = new Matrix(out.rows, out.cols)));
  return g;
}

/**
 * Fraction of rows classified correctly. Several columns: argmax of output vs argmax of
 * target. One column: output ≥ 0 ('bce', a logit) or ≥ 0.5 (a probability) vs target ≥ 0.5.
 * @param output [n, C] @param target [n, C]
 */
export function accuracy(output: Matrix, target: Matrix, loss: LossName): number {
  if (output.rows === 0) return 0;
  let correct = 0;
  if (output.cols === 1) {
    const cut = loss === 'bce' || loss === 'cross-entropy' ? 0 : 0.5;
    for (let i = 0; i < output.rows; i++) {
      if (output.data[i] >= cut === target.data[i] >= 0.5) correct++;
    }
  } else {
    const p = argmaxRows(output);
    const t = argmaxRows(target);
    for (let i = 0; i < p.length; i++) if (p[i] === t[i]) correct++;
  }
  return correct / output.rows;
}

/** Loss and accuracy of the model on a whole set, without training. */
export function evaluate(
  model: MLP,
  data: TrainData,
  loss: LossName,
): { loss: number; accuracy: number } {
  const out = model.forwardInPlace(data.x);
  return { loss: getLoss(loss).value(out, data.y), accuracy: accuracy(out, data.y, loss) };
}

/**
 * The loop as a generator: yields after every step with that step's info, returns the result.
 * `train` and `trainAsync` drive it; widgets may drive it themselves, one step per frame.
 */
export function* trainSteps(
  model: MLP,
  data: TrainData,
  opts: TrainOptions,
): Generator<StepInfo, TrainResult> {
  checkTrainArgs(data, opts);
  const run: TrainResult = { history: [], steps: 0, cancelled: false };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const e = yield* epochSteps(model, data, opts, epoch, run);
    if (!e) return { ...run, cancelled: true };
    run.history.push(e);
    if (opts.onEpoch?.(e) === false) return { ...run, cancelled: true };
  }
  return run;
}

/** One epoch of shuffled mini-batches; returns its summary, or null when cancelled. */
function* epochSteps(
  model: MLP,
  { x, y }: TrainData,
  opts: TrainOptions,
  epoch: number,
  run: TrainResult,
): Generator<StepInfo, EpochInfo | null> {
  const loss = getLoss(opts.loss);
  const order = opts.shuffle === false ? identity(x.rows) : permutation(x.rows, opts.rng);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < x.rows; start += opts.batchSize) {
    if (opts.signal?.aborted) return null;
    const idx = order.slice(start, start + opts.batchSize);
    const bx = gatherRows(x, idx, batchCache(x, idx.length));
    const by = gatherRows(y, idx, batchCache(y, idx.length));
    const step = ++run.steps;
    const r = stepOnce(
      model,
      opts.optimizer,
      loss,
      bx,
      by,
      () => `train: epoch ${epoch}, step ${step}`,
    );
    lossSum += r.loss * idx.length;
    correct += r.accuracy * idx.length;
    const info: StepInfo = { epoch, step, ...r };
    if (opts.onStep?.(info) === false) return null;
    yield info;
  }
  const e: EpochInfo = { epoch, loss: lossSum / x.rows, accuracy: correct / x.rows };
  if (opts.validation) e.validation = evaluate(model, opts.validation, opts.loss);
  return e;
}

function checkTrainArgs({ x, y }: TrainData, opts: TrainOptions): void {
  if (x.rows !== y.rows || x.rows === 0) {
    throw new Error(
      `train: x ${shapeOf(x)} and y ${shapeOf(y)} — need the same, non-zero row count`,
    );
  }
  if (!(Number.isInteger(opts.batchSize) && opts.batchSize > 0)) {
    throw new Error(`train: batchSize must be a positive integer, got ${opts.batchSize}`);
  }
  getLoss(opts.loss);
}

/** Train synchronously to the end (tests, scripts, workers). See `TrainOptions`. */
export function train(model: MLP, data: TrainData, opts: TrainOptions): TrainResult {
  const it = trainSteps(model, data, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * Train, yielding to the event loop about every `sliceMs` milliseconds (default 16) so the
 * page can repaint and a signal set by a click or a worker message can take effect.
 */
export async function trainAsync(
  model: MLP,
  data: TrainData,
  opts: TrainOptions & { sliceMs?: number },
): Promise<TrainResult> {
  const it = trainSteps(model, data, opts);
  const slice = opts.sliceMs ?? 16;
  let t0 = Date.now();
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (Date.now() - t0 >= slice) {
      await nextTask();
      t0 = Date.now();
    }
  }
}

// A macrotask (not a microtask), so pending events run. setTimeout exists in Node, pages and
// workers but is not in the engine's ES-only lib, hence the structural lookup.
function nextTask(): Promise<void> {
  const g = globalThis as { setTimeout?: (f: () => void, ms: number) => unknown };
  return new Promise((resolve) => (g.setTimeout ? g.setTimeout(resolve, 0) : resolve()));
}

const batchBuffers = new WeakMap<Matrix, Matrix>();

function batchCache(src: Matrix, rows: number): Matrix {
  let b = batchBuffers.get(src);
  if (!b || b.rows !== rows) batchBuffers.set(src, (b = new Matrix(rows, src.cols)));
  return b;
}

/** Copy rows `idx` of `src` into `out` [idx.length, src.cols]. */
export function gatherRows(src: Matrix, idx: readonly number[], out?: Matrix): Matrix {
  const m = out ?? new Matrix(idx.length, src.cols);
  for (let r = 0; r < idx.length; r++) {
    m.data.set(src.data.subarray(idx[r] * src.cols, (idx[r] + 1) * src.cols), r * src.cols);
  }
  return m;
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
