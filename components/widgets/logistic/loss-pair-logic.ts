/**
 * Pure logic of chapter 9's "BCE or squared error" figure: logistic regression
 * ŷ = σ(w · [1, x]) trained twice on the same points from the same start and at the same rate,
 * once by gradient descent on the mean binary cross-entropy and once on the mean squared error
 * (ŷ − y)², so the loss is the only difference. Both steps are the engine's generic training
 * step on a one-layer network 2 → 1: its output read as a logit by the BCE loss in one run, put
 * through a sigmoid and scored by 'mse' in the other.
 *
 * State: the settings, the points they give, each run's weights and points right after every
 * step (index 0 is the start; the counts are kept as the steps are taken, so a redraw does not
 * recount every step's points) and whether it is playing. Everything else is read from those.
 */
import { Matrix, createRng, mlp, sgd, trainStep, type ActivationName } from '../../../src/engine';
import type { LossName } from '../../../src/engine';
import { correctCount, inputs, labels, presetPoints, type LabPoint } from './lab-logic';

export const PAIR_LOSSES = ['bce', 'squared-error'] as const;
export type PairLoss = (typeof PAIR_LOSSES)[number];

/** How each run turns the logit into a loss: the engine's activation and loss names. */
export const PAIR_RUNS: Readonly<
  Record<PairLoss, { label: string; activation: ActivationName; loss: LossName }>
> = {
  bce: { label: 'binary cross-entropy', activation: 'identity', loss: 'bce' },
  'squared-error': { label: 'squared error', activation: 'sigmoid', loss: 'mse' },
};

export const PAIR_PRESETS = ['blobs', 'overlap'] as const;
export type PairPreset = (typeof PAIR_PRESETS)[number];

/**
 * The two starts: weights that put nearly every point confidently on the wrong side (the
 * positive points lie towards +x₁, +x₂ in both presets), and all zeros.
 */
export const PAIR_STARTS = {
  wrong: { label: 'Confidently wrong, w = (0, −4, −4)', w: [0, -4, -4] },
  zero: { label: 'All zeros', w: [0, 0, 0] },
} as const satisfies Record<string, { label: string; w: readonly number[] }>;
export type PairStart = keyof typeof PAIR_STARTS;

export const PAIR_LR = [0.5, 1, 2, 4] as const;
/** Playing stops here; at the slowest rate squared error needs about half of it. */
export const PAIR_MAX_STEPS = 1000;
/** The share of points right that the comparison counts steps to. */
export const PAIR_TARGET = 0.95;

export interface PairSettings {
  preset: PairPreset;
  start: PairStart;
  lr: number;
  seed: number;
}

export const PAIR_DEFAULTS: PairSettings = { preset: 'blobs', start: 'wrong', lr: 1, seed: 1 };

export interface PairState {
  settings: PairSettings;
  points: LabPoint[];
  /** Each run's weights [w0, w1, w2] after every step; [0] is the start. */
  weights: Record<PairLoss, number[][]>;
  /** Each run's points right after every step, alongside `weights`. */
  right: Record<PairLoss, number[]>;
  playing: boolean;
}

export function initialPair(settings: PairSettings = PAIR_DEFAULTS): PairState {
  const start = [...PAIR_STARTS[settings.start].w];
  const points = presetPoints(settings.preset, settings.seed);
  const right = correctCount(start, points);
  return {
    settings,
    points,
    weights: { bce: [start], 'squared-error': [start] },
    right: { bce: [right], 'squared-error': [right] },
    playing: false,
  };
}

/** New settings start both runs over; values the figure does not offer are ignored. */
export function configurePair(s: PairState, change: Partial<PairSettings>): PairState {
  const settings = { ...s.settings, ...change };
  const valid =
    (PAIR_PRESETS as readonly string[]).includes(settings.preset) &&
    Object.hasOwn(PAIR_STARTS, settings.start) &&
    Number.isFinite(settings.lr) &&
    settings.lr > 0 &&
    Number.isInteger(settings.seed);
  return valid ? initialPair(settings) : s;
}

/** One full-batch gradient-descent step of one run, by the engine's generic training step. */
export function pairStep(
  w: readonly number[],
  points: readonly LabPoint[],
  lr: number,
  loss: PairLoss,
): number[] {
  const run = PAIR_RUNS[loss];
  // The network's own initial weights are overwritten at once, so its seed does not matter.
  const net = mlp({ sizes: [2, 1], activations: [run.activation], rng: createRng(0) });
  const [layer] = net.linears;
  layer.bias.value.data[0] = w[0];
  layer.weight.value.data[0] = w[1];
  layer.weight.value.data[1] = w[2];
  const X = Matrix.fromRows(inputs(points));
  const Y = Matrix.fromRows(labels(points).map((c) => [c]));
  trainStep(net, sgd({ lr }), run.loss, X, Y);
  return [layer.bias.value.data[0], layer.weight.value.data[0], layer.weight.value.data[1]];
}

/** `k` more steps of both runs (fewer at PAIR_MAX_STEPS, where playing stops). */
export function advancePair(s: PairState, k: number): PairState {
  const weights = { bce: [...s.weights.bce], 'squared-error': [...s.weights['squared-error']] };
  const right = { bce: [...s.right.bce], 'squared-error': [...s.right['squared-error']] };
  for (const loss of PAIR_LOSSES) {
    const ws = weights[loss];
    for (let i = 0; i < k && ws.length <= PAIR_MAX_STEPS; i++) {
      const w = pairStep(ws[ws.length - 1], s.points, s.settings.lr, loss);
      ws.push(w);
      right[loss].push(correctCount(w, s.points));
    }
  }
  const steps = weights.bce.length - 1;
  return { ...s, weights, right, playing: s.playing && steps < PAIR_MAX_STEPS };
}

export const stepsTaken = (s: PairState) => s.weights.bce.length - 1;

/** Points needed for the target share (38 of 40 at 95 %). */
export const targetCount = (points: readonly LabPoint[]) =>
  Math.ceil(PAIR_TARGET * points.length - 1e-9);

export interface PairSide {
  loss: PairLoss;
  label: string;
  w: number[];
  /** Points right after every step. */
  right: number[];
  /** The first step with at least targetCount points right, or null. */
  reached: number | null;
  /** Size of the last step's gradient, ‖Δw‖ / lr (0 before the first step). */
  gradient: number;
}

export function pairSides(s: PairState): PairSide[] {
  const goal = targetCount(s.points);
  return PAIR_LOSSES.map((loss) => {
    const ws = s.weights[loss];
    const right = s.right[loss];
    const reached = right.findIndex((r) => r >= goal);
    const last = ws[ws.length - 1];
    const before = ws[ws.length - 2] ?? last;
    const gradient = Math.hypot(...last.map((v, i) => v - before[i])) / s.settings.lr;
    return {
      loss,
      label: PAIR_RUNS[loss].label,
      w: last,
      right,
      reached: reached < 0 ? null : reached,
      gradient,
    };
  });
}

const stepsText = (n: number) => `${n.toLocaleString('en')} step${n === 1 ? '' : 's'}`;
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * The comparison in one sentence, e.g. "Binary cross-entropy had 38 of the 40 points right
 * after 9 steps; squared error after 240 steps, 26.7 times as many."
 */
export function pairVerdict(s: PairState): string {
  const steps = stepsTaken(s);
  if (steps === 0) return '';
  const goal = `${targetCount(s.points)} of the ${s.points.length} points right`;
  const sides = pairSides(s);
  const reached = sides.filter((d) => d.reached !== null).sort((a, b) => a.reached! - b.reached!);
  if (reached.length === 0) return `Neither run has ${goal} yet, after ${stepsText(steps)}.`;
  const [first, second] = reached;
  const lead = `${capital(first.label)} had ${goal} after ${stepsText(first.reached!)}`;
  if (!second) {
    const other = sides.find((d) => d !== first)!;
    const now = other.right[other.right.length - 1];
    const end = steps >= PAIR_MAX_STEPS ? 'after' : 'so far, after';
    return `${lead}; ${other.label} has ${now} right ${end} ${stepsText(steps)}.`;
  }
  const a = first.reached!;
  const b = second.reached!;
  if (a === b) return `${lead}; ${second.label} at the same step.`;
  if (a === 0) return `${lead}; ${second.label} after ${stepsText(b)}.`;
  return `${lead}; ${second.label} after ${stepsText(b)}, ${(b / a).toFixed(1)} times as many.`;
}
