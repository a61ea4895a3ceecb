/**
 * Pure logic of the chapter 7 and 8 figures: what the softmax explorer shows for a set of
 * logits and a temperature, the two losses of one output with target 1 (the "why not squared
 * error" figure), and the gradient that reaches a wrong class's logit under each output and
 * loss (chapter 8). Values come from the engine; the only formula written here besides the
 * engine's is the naive softmax, which the explorer shows failing.
 */
import {
  activations,
  crossEntropy,
  crossEntropyGradFromLogits,
  sigmoid,
  softmax,
  sumSquaredError,
} from '../../../src/engine';
import { formatNumber } from '../../../src/lib/format-number';
import { formatDifference, largestDifference } from '../student-output';

/** The explorer's range of classes and the logit a "huge" button sets. */
export const MIN_CLASSES = 4;
export const MAX_CLASSES = 10;
export const HUGE_LOGIT = 1000;

/** The textbook form e^{z_c} / Σ e^{z_k} without the shift: NaN once any e^{z} overflows. */
export function naiveSoftmax(z: readonly number[]): number[] {
  const e = z.map((v) => Math.exp(v));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export interface ExplorerView {
  /** The logits divided by the temperature: what the softmax actually sees. */
  scaled: number[];
  /** σ(z_c) of each logit (independent, so their sum is anything in (0, C)). */
  sigmoid: number[];
  sigmoidSum: number;
  /** softmax(z / T), from the engine (shifted by the largest logit). */
  softmax: number[];
  softmaxSum: number;
  /** The same formula without the shift. */
  naive: number[];
  naiveFinite: boolean;
  /** Index of the largest logit and of the largest probability (first one on ties). */
  topLogit: number;
  topProbability: number;
  /** Sorting the classes by logit also sorts their probabilities (ties allowed). */
  orderKept: boolean;
}

const argmax = (v: readonly number[]) => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);

/** Everything the explorer draws for these logits at temperature T > 0. */
export function explorerView(logits: readonly number[], temperature: number): ExplorerView {
  const scaled = logits.map((z) => z / temperature);
  const s = logits.map((z) => sigmoid(z));
  const p = softmax(scaled);
  const naive = naiveSoftmax(scaled);
  return {
    scaled,
    sigmoid: s,
    sigmoidSum: s.reduce((a, b) => a + b, 0),
    naive,
    naiveFinite: naive.every(Number.isFinite),
    topLogit: argmax(logits),
    ...probabilityFacts(logits, p),
  };
}

/** The bars' own facts: their sum, the most likely class, whether they keep the logits' order. */
function probabilityFacts(logits: readonly number[], p: number[]) {
  const byLogit = logits.map((_, i) => i).sort((a, b) => logits[a] - logits[b]);
  return {
    softmax: p,
    softmaxSum: p.reduce((a, b) => a + b, 0),
    topProbability: argmax(p),
    orderKept: byLogit.every((c, k) => k === 0 || p[byLogit[k - 1]] <= p[c]),
  };
}

/** The view with the softmax bars from the student's softmax(z / T), and how it compares. */
export interface YourView extends ExplorerView {
  /** The engine's softmax(z / T), which `softmax` replaced. */
  engine: number[];
  /** Largest difference from the engine's values; NaN when the student's has a NaN. */
  maxDiff: number;
  /** Classes (from 0) whose value is not a finite number. */
  nonFinite: number[];
}

/** `view` with the student's probabilities `yours` (one per class) in place of the engine's. */
export function withYourSoftmax(
  view: ExplorerView,
  logits: readonly number[],
  yours: number[],
): YourView {
  return {
    ...view,
    ...probabilityFacts(logits, yours),
    engine: view.softmax,
    maxDiff: largestDifference(yours, view.softmax),
    nonFinite: yours.flatMap((v, i) => (Number.isFinite(v) ? [] : [i])),
  };
}

/**
 * Whose bars these are, in words: the student's, with the worker's time and the largest
 * difference from the engine, or what their softmax gave instead of numbers (at a huge logit,
 * a naive softmax's NaN is the chapter's point, so it is named, not hidden).
 */
export function yourSoftmaxText(v: YourView, ms: number): string {
  const head = `Bars from your softmax, run in the exercise worker (${Math.round(ms)} ms).`;
  if (v.nonFinite.length === 0)
    return `${head} Largest difference from the engine’s softmax: ${formatDifference(v.maxDiff)}.`;
  const classes = v.nonFinite.map((i) => i + 1).join(', ');
  const values = [...new Set(v.nonFinite.map((i) => formatNumber(v.softmax[i])))].join(' or ');
  const top = formatNumber(Math.max(...v.scaled));
  const why = v.naiveFinite
    ? ''
    : ` (the largest z / T is ${top}): e^z overflows unless the largest logit is subtracted first`;
  return `${head} It gives ${values} for class${v.nonFinite.length > 1 ? 'es' : ''} ${classes} here${why}. Those bars are drawn at 0.`;
}

/** Default logits for `count` classes: a fixed, varied set, so every bar differs. */
export function defaultLogits(count: number): number[] {
  const base = [2, 1, 0.5, -1, 0.3, -0.5, 1.5, -2, 0, 0.8];
  return base.slice(0, count);
}

/** Set logit `index` to `value`; returns a new array. */
export function setLogit(logits: readonly number[], index: number, value: number): number[] {
  return logits.map((z, i) => (i === index ? value : z));
}

/** Resize to `count` classes, keeping the logits already set and filling from the defaults. */
export function resize(logits: readonly number[], count: number): number[] {
  return defaultLogits(count).map((d, i) => (i < logits.length ? logits[i] : d));
}

/**
 * One output whose target is 1, predicted p̂ ∈ (0, 1): the squared error (p̂ − 1)² and the
 * cross-entropy −ln p̂ (values from the engine), and each one's derivative with respect to p̂,
 * 2(p̂ − 1) and −1/p̂ (checked against the engine by central differences in the tests).
 */
export function lossesAt(p: number) {
  return {
    p,
    squared: sumSquaredError([p], [1]),
    squaredGrad: 2 * (p - 1),
    crossEntropy: crossEntropy([1 - p, p], 1),
    crossEntropyGrad: -1 / p,
  };
}

/** Curves of `lossesAt` on (0, 1), denser near 0 where −ln p̂ and 1/p̂ shoot up. */
export function lossCurves(points = 120) {
  return Array.from({ length: points }, (_, k) => {
    const t = (k + 1) / (points + 1);
    return lossesAt(t * t * 0.999 + 0.001 * t);
  });
}

/** The lecture's bounds for sigmoid outputs with squared error, per output. */
export const SQUARED_ERROR_BOUNDS = { loss: 1, gradient: 2 } as const;

/**
 * The gradient reaching a wrong class's logit `zWrong` (class 2 of 3; the true class is 0 and
 * the other logits are 0), under sigmoid outputs with squared error,
 * ∂/∂z (σ(z) − 0)² = 2σ(z)·σ′(z), and under softmax with cross-entropy, p̂_2 − 0.
 */
export function wrongLogitGradients(zWrong: number) {
  const z = [0, 0, zWrong];
  const s = sigmoid(zWrong);
  return {
    z: zWrong,
    squared: 2 * s * activations.sigmoid.der(zWrong),
    crossEntropy: crossEntropyGradFromLogits(z, 0)[2],
    probability: softmax(z)[2],
    sigmoid: s,
  };
}

export const WRONG_LOGIT_RANGE = { lo: -4, hi: 12 } as const;

/** `wrongLogitGradients` over the figure's range of the wrong logit. */
export function gradientCurves(points = 161) {
  const { lo, hi } = WRONG_LOGIT_RANGE;
  return Array.from({ length: points }, (_, k) =>
    wrongLogitGradients(lo + ((hi - lo) * k) / (points - 1)),
  );
}
