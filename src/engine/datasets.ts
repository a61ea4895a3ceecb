/**
 * Small datasets: the logic gates of the perceptron chapters and seeded 2-D toy sets in the
 * spirit of TensorFlow Playground. Plain arrays, so widgets can hand them straight to Plot.
 */
import { Matrix } from './matrix';
import type { Rng } from './rng';

/** Labelled examples: inputs [m][features], targets [m] (a class index or 0/1). */
export interface Dataset {
  inputs: number[][];
  targets: number[];
}

export type GateName = 'AND' | 'OR' | 'NAND' | 'XOR';

const GATE_INPUTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

function gate(f: (a: number, b: number) => boolean): Dataset {
  return {
    inputs: GATE_INPUTS.map((r) => [...r]),
    targets: GATE_INPUTS.map(([a, b]) => (f(a, b) ? 1 : 0)),
  };
}

/** Truth tables, inputs in the order [0,0], [0,1], [1,0], [1,1]. */
export const gates: Readonly<Record<GateName, Dataset>> = {
  AND: gate((a, b) => a === 1 && b === 1),
  OR: gate((a, b) => a === 1 || b === 1),
  NAND: gate((a, b) => !(a === 1 && b === 1)),
  XOR: gate((a, b) => a !== b),
};

export type ToyName = 'blobs' | 'circle' | 'xor' | 'spiral';

/** Options for a 2-D toy set. Points lie roughly in [−1, 1]². */
export interface ToyOptions {
  /** Number of points (split evenly over the classes). */
  n: number;
  /** Standard deviation of the gaussian noise added to each coordinate (e.g. 0 … 0.5). */
  noise: number;
  rng: Rng;
}

/** Two gaussian blobs centred at (−0.5, −0.5) → class 0 and (0.5, 0.5) → class 1. */
export function blobs({ n, noise, rng }: ToyOptions): Dataset {
  return generate(n, (i) => {
    const c = i % 2;
    const s = c === 0 ? -0.5 : 0.5;
    const sd = 0.2 + noise;
    return [[s + sd * rng.normal(), s + sd * rng.normal()], c];
  });
}

/** Class 1 inside radius 0.5, class 0 on a ring 0.7 … 1.0 around it. */
export function circle({ n, noise, rng }: ToyOptions): Dataset {
  return generate(n, (i) => {
    const c = i % 2 === 0 ? 1 : 0;
    const r = c === 1 ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
    const angle = rng.uniform(0, 2 * Math.PI);
    return [jitter([r * Math.cos(angle), r * Math.sin(angle)], noise, rng), c];
  });
}

/** Uniform points in [−1, 1]²; class 1 where the signs of x and y differ (XOR of the signs). */
export function xorQuadrants({ n, noise, rng }: ToyOptions): Dataset {
  return generate(n, () => {
    const p = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    // Keep a small margin off the axes so the noiseless set is cleanly separable.
    const q = p.map((v) => v + (v >= 0 ? 0.05 : -0.05));
    const c = q[0] * q[1] < 0 ? 1 : 0;
    return [jitter(q, noise, rng), c];
  });
}

/** Interleaved spiral arms, one per class (default 2 classes). */
export function spiral({ n, noise, rng, classes = 2 }: ToyOptions & { classes?: number }): Dataset {
  const perClass = Math.ceil(n / classes);
  return generate(n, (i) => {
    const c = i % classes;
    const t = Math.floor(i / classes) / perClass;
    const r = 0.05 + 0.95 * t;
    const angle = 1.75 * 2 * Math.PI * t + (2 * Math.PI * c) / classes;
    return [jitter([r * Math.cos(angle), r * Math.sin(angle)], noise, rng), c];
  });
}

/** The toy sets by name, for widgets and configs. */
export const toySets: Readonly<Record<ToyName, (o: ToyOptions) => Dataset>> = {
  blobs,
  circle,
  xor: xorQuadrants,
  spiral,
};

/**
 * One-hot rows: label 3 of 10 → [0,0,0,1,0,0,0,0,0,0].
 * @param labels [m] integers in [0, classes) @returns [m, classes]
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Matrix {
  const out = new Matrix(labels.length, classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(Number.isInteger(c) && c >= 0 && c < classes)) {
      throw new Error(`oneHot: label ${c} at row ${i} is not in 0…${classes - 1}`);
    }
    out.data[i * classes + c] = 1;
  }
  return out;
}

/**
 * A dataset as matrices: x [m, features]; y [m, 1] of targets, or one-hot [m, classes] when
 * `classes` is given.
 */
export function toMatrices(data: Dataset, classes?: number): { x: Matrix; y: Matrix } {
  const x = Matrix.fromRows(data.inputs);
  const y = classes ? oneHot(data.targets, classes) : Matrix.fromRows(data.targets.map((t) => [t]));
  return { x, y };
}

function generate(n: number, point: (i: number) => [number[], number]): Dataset {
  if (!(Number.isInteger(n) && n > 0))
    throw new Error(`toy data: n must be a positive integer, got ${n}`);
  const inputs: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    const [p, c] = point(i);
    inputs.push(p);
    targets.push(c);
  }
  return { inputs, targets };
}

function jitter(p: number[], noise: number, rng: Rng): number[] {
  return noise > 0 ? p.map((v) => v + noise * rng.normal()) : p;
}
