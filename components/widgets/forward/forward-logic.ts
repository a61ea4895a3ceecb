/**
 * Pure logic of the chapter 4 figures: the 2-2-1 sigmoid network walked through one unit at a
 * time (every z from the engine's `preActivation`), and the sigmoid explorer's curves.
 * No DOM; tests/widgets runs it in Node.
 */
import { createRng, preActivation, sigmoid, step } from '../../../src/engine';
import { formatFixed } from '../../../src/lib/format-number';
import { checkNumbers } from '../student-output';

/** Weight matrices in the lecture's layout: Ws[j] maps layer j+1 to j+2, column 0 the bias. */
export type Net = readonly (readonly (readonly number[])[])[];

/**
 * A 2-2-1 network whose hidden units are ≈ OR and NAND and output ≈ AND, so the output is
 * close to XOR: the step network of chapter 3 times 10, where the sigmoid is steep.
 */
export const XOR_LIKE_NET: Net = [
  [
    [-5, 10, 10],
    [15, -10, -10],
  ],
  [[-15, 10, 10]],
];

/**
 * Seeded weights for a network with these layer sizes (input first), one decimal in [−3, 3],
 * so the sums are easy to follow by hand.
 */
export function randomNet(sizes: readonly number[], seed: number): number[][][] {
  const rng = createRng(seed);
  return sizes
    .slice(1)
    .map((n, j) =>
      Array.from({ length: n }, () =>
        Array.from({ length: sizes[j] + 1 }, () => Math.round(rng.uniform(-3, 3) * 10) / 10),
      ),
    );
}

/** A copy of `net` with one weight replaced (net[j][i][k] = v). */
export function setWeight(net: Net, j: number, i: number, k: number, v: number): number[][][] {
  return net.map((W, jj) =>
    W.map((row, ii) => row.map((w, kk) => (jj === j && ii === i && kk === k ? v : w))),
  );
}

/** Layer sizes of a net, input first. */
export const sizesOf = (net: Net): number[] => [net[0][0].length - 1, ...net.map((W) => W.length)];

/** One product W_ik · a_k in a unit's sum. */
export interface Term {
  /** Links the weight's edge, matrix entry and equation term: "W1-1-0" is W^(1)_10. */
  key: string;
  /** The weight's name in the lecture's notation, e.g. "W^(1)_10". */
  weight: string;
  w: number;
  /** The input's name, e.g. "x_1", "a_2^(2)", or "1" for the bias unit. */
  input: string;
  value: number;
}

/** One step of the walk: compute a unit's z, or apply g to it. */
export interface Step {
  kind: 'z' | 'a';
  /** The layer the unit belongs to (2 = hidden, 3 = output, as in the lecture). */
  layer: number;
  /** The unit's index within its layer, from 1. */
  unit: number;
  /** Node id in the diagram, e.g. "2-1". */
  node: string;
  terms: Term[];
  value: number;
  /** For 'a' steps, the z it came from. */
  z?: number;
}

/** The name of unit k (0 = bias unit) of layer `layer` for the equations. */
export function unitName(layer: number, k: number): string {
  if (k === 0) return '1';
  return layer === 1 ? `x_${k}` : `a_${k}^(${layer})`;
}

/**
 * z then a = g(z) for every unit, layer by layer, with every term of every sum. The z's are
 * the engine's `preActivation`; each layer's activations are g(z), or `acts[j]` when given
 * (a layer computed by the student's own code), which then feed the next layer.
 */
export function forwardSteps(net: Net, x: readonly number[], acts?: readonly number[][]): Step[] {
  const steps: Step[] = [];
  let prev: readonly number[] = x;
  net.forEach((W, j) => {
    const layer = j + 2;
    const inputs = [1, ...prev];
    const z = preActivation(W, prev);
    const a = acts?.[j] ?? z.map(sigmoid);
    W.forEach((row, i) => {
      const node = `${layer}-${i + 1}`;
      const terms = row.map((w, k) => ({
        key: `W${j + 1}-${i + 1}-${k}`,
        weight: `W^(${j + 1})_${i + 1}${k}`,
        w,
        input: unitName(layer - 1, k),
        value: inputs[k],
      }));
      steps.push({ kind: 'z', layer, unit: i + 1, node, terms, value: z[i] });
      steps.push({ kind: 'a', layer, unit: i + 1, node, terms, value: a[i], z: z[i] });
    });
    prev = a;
  });
  return steps;
}

/** The number of steps done once the layer of step `done` is finished ("run layer"). */
export function endOfLayer(steps: readonly Step[], done: number): number {
  if (done >= steps.length) return steps.length;
  const layer = steps[done].layer;
  let end = done;
  while (end < steps.length && steps[end].layer === layer) end++;
  return end;
}

/**
 * A layer's output from the student's function, if it is usable: an array of `units` finite
 * numbers. Otherwise a sentence saying what was wrong with it.
 */
export function checkLayerOutput(value: unknown, units: number): number[] | string {
  return checkNumbers(value, units, `a layer of ${units} units`);
}

/** What is known once `done` steps are done: activations and z's by node id ("2-1"). */
export function knownValues(steps: readonly Step[], done: number, x: readonly number[]) {
  const a = new Map<string, number>();
  const z = new Map<string, number>();
  x.forEach((v, k) => a.set(`1-${k + 1}`, v));
  for (const s of steps.slice(0, done)) (s.kind === 'a' ? a : z).set(s.node, s.value);
  return { a, z };
}

/* ------------------------------------------------------------ sigmoid explorer */

export interface CurvePoint {
  x: number;
  g: number;
  f: 'sigmoid' | 'step';
}

export const X_RANGE: readonly [number, number] = [-8, 8];

/** The x grid the curves are drawn on: 161 points from −8 to 8. */
export const xGrid = (): number[] => Array.from({ length: 161 }, (_, i) => -8 + i * 0.1);

/** One sigmoid unit with one input: g(w·x + b), and the step of the same sum. */
export function curves(w: number, b: number): CurvePoint[] {
  return xGrid().flatMap((x): CurvePoint[] => [
    { x, g: sigmoid(w * x + b), f: 'sigmoid' },
    { x, g: step(w * x + b), f: 'step' },
  ]);
}

/** The slope of g(w·x + b) in x: w·g·(1 − g), at most |w|/4 (where w·x + b = 0). */
export function slopeAt(w: number, b: number, x: number): number {
  const g = sigmoid(w * x + b);
  return w * g * (1 - g);
}

/** The explorer's readout line (the same text on the server and in the page). */
export function readout(w: number, b: number, x: number): string {
  const z = w * x + b;
  const sw = switchPoint(w, b);
  const where =
    sw === null ? 'with w = 0 the unit never switches' : `it switches at x = ${formatFixed(sw, 2)}`;
  return `At x = ${formatFixed(x, 1)}: w·x + b = ${formatFixed(z, 2)}, g = ${formatFixed(sigmoid(z), 4)}, slope ${formatFixed(slopeAt(w, b, x), 4)}, step = ${step(z)}; ${where}.`;
}

/** Where the unit switches, w·x + b = 0, or null when w = 0 (then it never does). */
export const switchPoint = (w: number, b: number): number | null => (w === 0 ? null : -b / w);

/**
 * How a student's sigmoid compares with the engine's on the grid: the largest difference and
 * where, or the first x where it gave something that is not a finite number.
 */
export function compareWithEngine(
  values: readonly unknown[],
  w: number,
  b: number,
): { maxDiff: number; at: number; bad?: number } {
  const xs = xGrid();
  let maxDiff = 0;
  let at = xs[0];
  for (let i = 0; i < xs.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { maxDiff: NaN, at: xs[i], bad: xs[i] };
    const d = Math.abs(v - sigmoid(w * xs[i] + b));
    if (d > maxDiff) {
      maxDiff = d;
      at = xs[i];
    }
  }
  return { maxDiff, at };
}
