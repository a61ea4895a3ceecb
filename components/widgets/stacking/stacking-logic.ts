/**
 * Pure logic of the stacking figure: a seeded two-class set (the engine's `circle`, not
 * linearly separable), a 2-H-…-1 network trained on it with the engine, with the hidden
 * activation switchable between none (identity) and the sigmoid, and a measurement of how
 * straight the decision boundary is. No DOM; tests/widgets runs it in Node.
 */
import {
  Matrix,
  adam,
  createRng,
  evaluate,
  mlp,
  sigmoid,
  toySets,
  trainStep,
  type Dataset,
  type MLP,
  type Optimizer,
} from '../../../src/engine';

export type HiddenActivation = 'none' | 'sigmoid';

export interface StackConfig {
  hidden: number;
  layers: number;
  activation: HiddenActivation;
  seed: number;
}

/** The plane the figure shows. */
export const VIEW = { lo: -1.4, hi: 1.4 };

/** 160 points: class 1 inside radius 0.5, class 0 on a ring around it. */
export function stackData(seed: number): Dataset {
  return toySets.circle({ n: 160, noise: 0.05, rng: createRng(seed) });
}

/**
 * A training run: the model and optimizer (mutated by each epoch), the data as matrices and
 * the loss after each epoch. One run per configuration; changing anything starts a new one.
 */
export interface StackRun {
  config: StackConfig;
  data: Dataset;
  model: MLP;
  optimizer: Optimizer;
  x: Matrix;
  y: Matrix;
  epoch: number;
  loss: number;
  accuracy: number;
}

export function createStackRun(config: StackConfig): StackRun {
  const data = stackData(config.seed);
  const act = config.activation === 'none' ? 'identity' : 'sigmoid';
  const model = mlp({
    sizes: [2, ...Array.from({ length: config.layers }, () => config.hidden), 1],
    // The output is a logit (identity) trained with binary cross-entropy; only the hidden
    // layers' activation changes between the two settings.
    activations: [...Array.from({ length: config.layers }, () => act), 'identity'],
    rng: createRng(config.seed + 1000),
  });
  const x = Matrix.fromRows(data.inputs);
  const y = Matrix.fromRows(data.targets.map((t) => [t]));
  const start = evaluate(model, { x, y }, 'bce');
  return {
    config,
    data,
    model,
    optimizer: adam({ lr: 0.03 }),
    x,
    y,
    epoch: 0,
    loss: start.loss,
    accuracy: start.accuracy,
  };
}

/** `n` full-batch epochs, in place. */
export function trainStack(run: StackRun, n: number): StackRun {
  for (let i = 0; i < n; i++) {
    trainStep(run.model, run.optimizer, 'bce', run.x, run.y);
    run.epoch++;
  }
  const e = evaluate(run.model, { x: run.x, y: run.y }, 'bce');
  run.loss = e.loss;
  run.accuracy = e.accuracy;
  return run;
}

/** The network's logit on an n×n grid over VIEW, row by row from the top (y = hi) down. */
export function logitGrid(run: StackRun, n: number): Float64Array {
  const pts: number[][] = [];
  for (let r = 0; r < n; r++) {
    const y = VIEW.hi - ((r + 0.5) * (VIEW.hi - VIEW.lo)) / n;
    for (let c = 0; c < n; c++) pts.push([VIEW.lo + ((c + 0.5) * (VIEW.hi - VIEW.lo)) / n, y]);
  }
  const out = run.model.forward(Matrix.fromRows(pts));
  return Float64Array.from(out.data);
}

/** Probabilities σ(logit) for the raster. */
export const probabilities = (logits: Float64Array): Float64Array => logits.map(sigmoid);

/**
 * Points where the boundary (logit 0) crosses the grid's rows and columns, by linear
 * interpolation between neighbouring cells, in plane coordinates.
 */
export function boundaryPoints(logits: Float64Array, n: number): [number, number][] {
  const step = (VIEW.hi - VIEW.lo) / n;
  const at = (r: number, c: number) => logits[r * n + c];
  const px = (c: number) => VIEW.lo + (c + 0.5) * step;
  const py = (r: number) => VIEW.hi - (r + 0.5) * step;
  const pts: [number, number][] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const v = at(r, c);
      if (c + 1 < n && v < 0 !== at(r, c + 1) < 0) {
        const t = v / (v - at(r, c + 1));
        pts.push([px(c) + t * step, py(r)]);
      }
      if (r + 1 < n && v < 0 !== at(r + 1, c) < 0) {
        const t = v / (v - at(r + 1, c));
        pts.push([px(c), py(r) - t * step]);
      }
    }
  }
  return pts;
}

/**
 * How far the boundary points stray from the best straight line through them (total least
 * squares), in plane units; 0 for a perfect line. NaN when there are fewer than 3 points.
 */
export function straightness(pts: readonly [number, number][]): number {
  if (pts.length < 3) return NaN;
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  // The line's direction is the principal axis; distances are measured along its normal.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const nx = -Math.sin(angle);
  const ny = Math.cos(angle);
  return Math.max(...pts.map(([x, y]) => Math.abs((x - mx) * nx + (y - my) * ny)));
}
