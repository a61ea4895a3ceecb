/**
 * Pure logic of the perceptron playground: geometry of the decision boundary in the input
 * plane, the truth table, weights from two points on the line, and Rosenblatt's learning rule
 * stepped one sample at a time. No DOM here: the custom element and the Plot view call these,
 * and tests/widgets checks them in Node. Every output and target comes from the engine.
 */
import {
  gates,
  perceptronOutput,
  perceptronSum,
  perceptronUpdate,
  type GateName,
} from '../../../src/engine';
import { formatFixed } from '../../../src/lib/format-number';

/** [w0, w1, w2]: bias, weight of x1, weight of x2. */
export type Weights = readonly [number, number, number];
export type Point = readonly [number, number];
export const GATE_NAMES = Object.keys(gates) as readonly GateName[];

/** The square [lo, hi]² of the input plane that the figure shows. */
export interface View {
  lo: number;
  hi: number;
}
export const DEFAULT_VIEW: View = { lo: -0.5, hi: 1.5 };

export function isGateName(name: string): name is GateName {
  return (GATE_NAMES as readonly string[]).includes(name);
}

/** The weighted sum z = w0 + w1·x1 + w2·x2 (what the threshold looks at). */
export function weightedSum(w: Weights, x: Point): number {
  return w[0] + w[1] * x[0] + w[2] * x[1];
}

/** Round to the sliders' resolution (0.01) so the numbers shown are the numbers used. */
export function roundWeight(v: number): number {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

export interface TruthRow {
  x: Point;
  /** The weighted sum at this input (engine `perceptronSum`). */
  z: number;
  /** The perceptron's output (engine `perceptronOutput`). */
  y: number;
  target: number;
  correct: boolean;
}

/** One row per gate input, in the engine's order [0,0], [0,1], [1,0], [1,1]. */
export function truthTable(w: Weights, gate: GateName): TruthRow[] {
  const { inputs, targets } = gates[gate];
  return inputs.map((input, i) => {
    const x: Point = [input[0], input[1]];
    const y = perceptronOutput([...w], [...x]);
    return { x, z: perceptronSum(w, x), y, target: targets[i], correct: y === targets[i] };
  });
}

/** How many of the four inputs the weights classify correctly. */
export function score(w: Weights, gate: GateName): number {
  return truthTable(w, gate).filter((r) => r.correct).length;
}

function corners(view: View): Point[] {
  const { lo, hi } = view;
  return [
    [lo, lo],
    [hi, lo],
    [hi, hi],
    [lo, hi],
  ];
}

function lerp(a: Point, b: Point, t: number): Point {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * The part of the view where the output is `side` (1: z ≥ 0, 0: z < 0), as a convex polygon
 * (one-edge Sutherland–Hodgman clip of the view square). Empty when that side is not visible.
 */
export function halfPlane(w: Weights, side: 0 | 1, view: View = DEFAULT_VIEW): Point[] {
  const sign = side === 1 ? 1 : -1;
  const c = corners(view);
  const out: Point[] = [];
  for (let i = 0; i < c.length; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const fa = sign * weightedSum(w, a);
    const fb = sign * weightedSum(w, b);
    if (fa >= 0) out.push(a);
    if (fa >= 0 !== fb >= 0) out.push(lerp(a, b, fa / (fa - fb)));
  }
  return out;
}

/**
 * The visible piece of the boundary line w0 + w1·x1 + w2·x2 = 0, or null when there is no
 * line (w1 = w2 = 0) or it misses the view.
 */
export function boundarySegment(w: Weights, view: View = DEFAULT_VIEW): [Point, Point] | null {
  if (w[1] === 0 && w[2] === 0) return null;
  const c = corners(view);
  const pts: Point[] = [];
  for (let i = 0; i < c.length; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const fa = weightedSum(w, a);
    const fb = weightedSum(w, b);
    if (fa === 0) pts.push(a);
    else if (fa * fb < 0) pts.push(lerp(a, b, fa / (fa - fb)));
  }
  let best: [Point, Point] | null = null;
  let bestD = 1e-9;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const d = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
      if (d > bestD) [best, bestD] = [[pts[i], pts[j]], d];
    }
  }
  return best;
}

/** The point of the boundary line nearest to p. Assumes a line exists (w1, w2 not both 0). */
export function projectOntoLine(w: Weights, p: Point): Point {
  const n2 = w[1] * w[1] + w[2] * w[2];
  const f = weightedSum(w, p) / n2;
  return [p[0] - f * w[1], p[1] - f * w[2]];
}

function inside(p: Point, view: View): boolean {
  return p[0] >= view.lo && p[0] <= view.hi && p[1] >= view.lo && p[1] <= view.hi;
}

/**
 * Where to draw the two drag handles on the line. Previous handles are projected onto the
 * new line, so they glide as a slider moves; when that leaves the view or bunches them up,
 * they are re-seated at a quarter and three quarters of the visible segment.
 */
export function handlePoints(
  w: Weights,
  view: View = DEFAULT_VIEW,
  previous?: readonly [Point, Point] | null,
): [Point, Point] | null {
  const seg = boundarySegment(w, view);
  if (!seg) return null;
  if (previous) {
    const a = projectOntoLine(w, previous[0]);
    const b = projectOntoLine(w, previous[1]);
    const minGap = 0.15 * (view.hi - view.lo);
    if (inside(a, view) && inside(b, view) && Math.hypot(a[0] - b[0], a[1] - b[1]) >= minGap) {
      return [a, b];
    }
  }
  return [lerp(seg[0], seg[1], 0.25), lerp(seg[0], seg[1], 0.75)];
}

/**
 * Weights whose boundary passes through p and q. The output-1 side stays on the same side as
 * before (the normal (w1, w2) keeps its direction as closely as possible) and |(w1, w2)| keeps
 * its length, so dragging turns and shifts the line without flipping or rescaling it.
 * Returns `previous` unchanged when p and q (nearly) coincide.
 */
export function weightsFromPoints(p: Point, q: Point, previous: Weights): Weights {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return previous;
  let nx = -dy / len;
  let ny = dx / len;
  if (nx * previous[1] + ny * previous[2] < 0) [nx, ny] = [-nx, -ny];
  const scale = Math.hypot(previous[1], previous[2]) || 1;
  const w1 = roundWeight(scale * nx);
  const w2 = roundWeight(scale * ny);
  // w0 from the midpoint, so rounding error is shared by both handles.
  const w0 = roundWeight(-(w1 * (p[0] + q[0]) + w2 * (p[1] + q[1])) / 2);
  return [w0, w1, w2];
}

/** The boundary in words, for the figure's caption and screen readers. */
export function describeBoundary(w: Weights): string {
  const [w0, w1, w2] = w;
  if (w1 === 0 && w2 === 0) {
    return w0 >= 0
      ? 'No boundary: w1 and w2 are 0, so z = w0 ≥ 0 and every point gets output 1.'
      : 'No boundary: w1 and w2 are 0, so z = w0 < 0 and every point gets output 0.';
  }
  if (w2 === 0) {
    const side = w1 > 0 ? 'right of' : 'left of';
    return `Boundary x1 = ${formatFixed(-w0 / w1)}; output 1 ${side} the line.`;
  }
  const slope = -w1 / w2;
  const icept = -w0 / w2;
  const side = w2 > 0 ? 'on and above' : 'on and below';
  const slopeTerm =
    slope === 0 ? '' : ` ${slope < 0 ? '−' : '+'} ${formatFixed(Math.abs(slope))}·x1`;
  return `Boundary x2 = ${formatFixed(icept)}${slopeTerm}; output 1 ${side} the line.`;
}

/**
 * Progress of the perceptron learning rule, visiting the four inputs in order.
 * `epoch` counts passes started (0 before the first step); `next` is the input visited next;
 * `errors` counts the mistakes met so far in the current pass; `last` is the input the
 * previous step looked at and whether it changed the weights.
 */
export interface LearnState {
  epoch: number;
  next: number;
  steps: number;
  errors: number;
  last: { index: number; changed: boolean } | null;
  status: 'ready' | 'learning' | 'converged' | 'gave-up';
}

export const INITIAL_LEARN: LearnState = {
  epoch: 0,
  next: 0,
  steps: 0,
  errors: 0,
  last: null,
  status: 'ready',
};

/**
 * Weights after the rule's update, cleaned of float dust: rounded to 1e-9, which leaves every
 * multiple of 1/512 unchanged (1e9 = 2⁹·5⁹). With the lesson's η and starting weights (powers of
 * two and multiples of 1/8) every number is such a multiple and exact in binary, so this is the
 * identity and the widget matches the engine's `trainPerceptron` bit for bit. It only bites
 * for decimal choices such as η = 0.1 (0.1 + 0.2 ≠ 0.3 in binary), where it keeps a weighted
 * sum shown as 0.00 from giving output 0 against the z ≥ 0 convention.
 */
export function cleanWeight(v: number): number {
  return Math.round(v * 1e9) / 1e9 + 0;
}

/**
 * One step of w ← w + η (t − y) [1, x] (engine `perceptronUpdate`) on the next input. As in
 * the engine's `trainPerceptron`, the rule stops ('converged') at the end of a whole pass
 * without a mistake, and gives up ('gave-up') after `maxEpochs` passes that all had one (XOR:
 * no line exists).
 */
export function learnStep(
  w: Weights,
  gate: GateName,
  learn: LearnState,
  lr: number,
  maxEpochs = 50,
): { w: Weights; learn: LearnState } {
  if (learn.status === 'converged' || learn.status === 'gave-up') return { w, learn };
  const { inputs, targets } = gates[gate];
  const index = learn.next;
  const mistake = perceptronOutput([...w], inputs[index]) !== targets[index];
  const updated = perceptronUpdate([...w], inputs[index], targets[index], lr).map(cleanWeight);
  const next: Weights = [updated[0], updated[1], updated[2]];
  const changed = next.some((v, i) => v !== w[i]);
  const epoch = index === 0 ? learn.epoch + 1 : learn.epoch;
  const errors = (index === 0 ? 0 : learn.errors) + (mistake ? 1 : 0);
  const nextIndex = (index + 1) % inputs.length;
  let status: LearnState['status'] = 'learning';
  if (nextIndex === 0 && errors === 0) status = 'converged';
  else if (nextIndex === 0 && epoch >= maxEpochs) status = 'gave-up';
  return {
    w: next,
    learn: {
      epoch,
      next: nextIndex,
      steps: learn.steps + 1,
      errors,
      last: { index, changed },
      status,
    },
  };
}

/** Best score found so far by the random search, and how many weight settings it tried. */
export interface SearchState {
  tried: number;
  best: number;
  bestW: Weights | null;
}

export const INITIAL_SEARCH: SearchState = { tried: 0, best: 0, bestW: null };

/**
 * Try `n` more random weight settings, each weight uniform in [−range, range], and keep the
 * best score. The page runs this in chunks per frame; on XOR it never passes 3/4.
 */
export function searchChunk(
  state: SearchState,
  gate: GateName,
  rng: { uniform(lo: number, hi: number): number },
  n: number,
  range = 3,
): SearchState {
  let { best, bestW } = state;
  for (let i = 0; i < n; i++) {
    const w: Weights = [
      rng.uniform(-range, range),
      rng.uniform(-range, range),
      rng.uniform(-range, range),
    ];
    const s = score(w, gate);
    if (s > best) [best, bestW] = [s, w];
  }
  return { tried: state.tried + n, best, bestW };
}
