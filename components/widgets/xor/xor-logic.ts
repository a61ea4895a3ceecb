/**
 * Pure logic of the XOR lab: the hand-wired 2-2-1 step network (hidden units drawn as lines in
 * the input plane, inputs mapped into hidden space) and a small sigmoid MLP trained on XOR
 * with the engine, including the check that tells "solved" from "stuck on a plateau".
 * No DOM; tests/widgets runs it in Node.
 */
import {
  Matrix,
  evaluate,
  gates,
  mlp,
  stepNetworkForward,
  createRng,
  sgd,
  trainStep,
  type MLP,
  type Optimizer,
} from '../../../src/engine';
import type { Point, Weights } from '../perceptron/perceptron-logic';

/** A 2-2-1 network of step units: two hidden perceptrons feeding one output perceptron. */
export interface StepNet {
  hidden: readonly [Weights, Weights];
  output: Weights;
}

/** XOR as AND(OR, NAND): h1 = OR(x1, x2), h2 = NAND(x1, x2), y = AND(h1, h2). */
export const XOR_STEP_NET: StepNet = {
  hidden: [
    [-0.5, 1, 1],
    [1.5, -1, -1],
  ],
  output: [-1.5, 1, 1],
};

export interface StepNetRow {
  x: Point;
  /** Hidden activations (h1, h2): where x lands in hidden space. */
  h: Point;
  y: number;
  target: number;
  correct: boolean;
}

/** Forward pass of the step network: the engine's, with h as a point of hidden space. */
export function stepNetForward(net: StepNet, x: Point): { h: Point; y: number } {
  const { h, y } = stepNetworkForward(net.hidden, net.output, x);
  return { h: [h[0], h[1]], y };
}

/** The step network on the four XOR inputs. */
export function stepNetTable(net: StepNet): StepNetRow[] {
  const { inputs, targets } = gates.XOR;
  return inputs.map((input, i) => {
    const x: Point = [input[0], input[1]];
    const { h, y } = stepNetForward(net, x);
    return { x, h, y, target: targets[i], correct: y === targets[i] };
  });
}

/** Replace one weight of the step network: unit 0, 1 = hidden units, 2 = output unit. */
export function setNetWeight(net: StepNet, unit: 0 | 1 | 2, i: 0 | 1 | 2, v: number): StepNet {
  const src = unit === 2 ? net.output : net.hidden[unit];
  const w = [...src] as [number, number, number];
  w[i] = v;
  if (unit === 2) return { ...net, output: w };
  const hidden: [Weights, Weights] = unit === 0 ? [w, net.hidden[1]] : [net.hidden[0], w];
  return { ...net, hidden };
}

/* ---------------------------------------------------------------- the trained MLP */

export interface TrainerConfig {
  /** Hidden units: 2 (the minimal net, which can get stuck) or 4. */
  hidden: number;
  /** Learning rate of full-batch gradient descent. */
  lr: number;
  /** Seed of the initial weights. */
  seed: number;
}

export const DEFAULT_TRAINER: TrainerConfig = { hidden: 2, lr: 2, seed: 1 };

/** Judgement of a run so far. */
export type TrainStatus = 'ready' | 'training' | 'solved' | 'stuck';

/**
 * A training run: the engine model and optimizer (mutated in place by each epoch) and the
 * loss after each epoch. One run per (hidden, lr, seed); "reset" builds a new one.
 */
export interface XorRun {
  config: TrainerConfig;
  model: MLP;
  optimizer: Optimizer;
  x: Matrix;
  y: Matrix;
  /** losses[e] is the full-batch MSE before epoch e + 1's update; losses[0] at the start. */
  losses: number[];
  epoch: number;
  accuracy: number;
  /** First epoch after which all four inputs were right, or null. */
  solvedAt: number | null;
}

/** A fresh run: sigmoid hidden and output units, MSE loss, plain gradient descent. */
export function createRun(config: TrainerConfig): XorRun {
  const model = mlp({
    sizes: [2, config.hidden, 1],
    activations: ['sigmoid', 'sigmoid'],
    rng: createRng(config.seed),
  });
  const x = Matrix.fromRows(gates.XOR.inputs);
  const y = Matrix.fromRows(gates.XOR.targets.map((t) => [t]));
  const start = evaluate(model, { x, y }, 'mse');
  return {
    config,
    model,
    optimizer: sgd({ lr: config.lr }),
    x,
    y,
    losses: [start.loss],
    epoch: 0,
    accuracy: start.accuracy,
    solvedAt: null,
  };
}

/** Run `n` full-batch epochs (each one engine `trainStep` on all four inputs), in place. */
export function trainEpochs(run: XorRun, n: number): XorRun {
  for (let i = 0; i < n; i++) {
    trainStep(run.model, run.optimizer, 'mse', run.x, run.y);
    run.epoch++;
    const e = evaluate(run.model, { x: run.x, y: run.y }, 'mse');
    run.losses.push(e.loss);
    run.accuracy = e.accuracy;
    if (run.accuracy === 1 && run.solvedAt === null) run.solvedAt = run.epoch;
  }
  return run;
}

export interface PlateauOptions {
  /** Do not judge before this many epochs. */
  minEpochs: number;
  /** Compare the loss now with the loss this many epochs ago. */
  window: number;
  /** "Not decreasing" means it fell by less than this fraction over the window. */
  minRelativeDrop: number;
}

export const DEFAULT_PLATEAU: PlateauOptions = {
  minEpochs: 3000,
  window: 1000,
  minRelativeDrop: 0.01,
};

/**
 * 'solved' once all four outputs are on the right side of 0.5; 'stuck' when, after
 * `minEpochs`, accuracy is still below 4/4 and the loss has stopped falling over `window`.
 */
export function judge(run: XorRun, opts: PlateauOptions = DEFAULT_PLATEAU): TrainStatus {
  if (run.epoch === 0) return 'ready';
  if (run.accuracy === 1) return 'solved';
  if (run.epoch < opts.minEpochs || run.losses.length <= opts.window) return 'training';
  const now = run.losses[run.losses.length - 1];
  const before = run.losses[run.losses.length - 1 - opts.window];
  return before - now < opts.minRelativeDrop * before ? 'stuck' : 'training';
}

/** The network's output on an n×n grid over [lo, hi]², row by row from the top (x2 = hi). */
export function outputGrid(model: MLP, lo: number, hi: number, n: number): Float64Array {
  const pts: number[][] = [];
  for (let r = 0; r < n; r++) {
    const x2 = hi - ((r + 0.5) / n) * (hi - lo);
    for (let c = 0; c < n; c++) pts.push([lo + ((c + 0.5) / n) * (hi - lo), x2]);
  }
  const out = model.forward(Matrix.fromRows(pts));
  return Float64Array.from(out.data);
}

/** The network's output for each XOR input, in the engine's order. */
export function outputsOnXor(run: XorRun): number[] {
  return Array.from(run.model.forward(run.x).data);
}

/** At most `max` evenly spaced points of the loss curve (always keeping the last). */
export function lossCurve(losses: readonly number[], max = 400): { epoch: number; loss: number }[] {
  const stride = Math.max(1, Math.ceil(losses.length / max));
  const out: { epoch: number; loss: number }[] = [];
  for (let e = 0; e < losses.length; e += stride) out.push({ epoch: e, loss: losses[e] });
  const last = losses.length - 1;
  if (last >= 0 && out[out.length - 1].epoch !== last)
    out.push({ epoch: last, loss: losses[last] });
  return out;
}
