/**
 * The playground's state and the pure transitions the custom element applies to its store.
 *
 * State shape: `PlaygroundState` below, one per <perceptron-playground>. Lifecycle: built from
 * the element's data attributes on connect; replaced by each transition; gone with the element.
 */
import type { GateName } from '../../../src/engine';
import {
  DEFAULT_VIEW,
  INITIAL_LEARN,
  INITIAL_SEARCH,
  handlePoints,
  learnStep,
  roundWeight,
  weightsFromPoints,
  type LearnState,
  type Point,
  type SearchState,
  type View,
  type Weights,
} from './perceptron-logic';

/** Slider range for every weight; typed-in values are clamped to it. */
export const WEIGHT_MIN = -4;
export const WEIGHT_MAX = 4;

export interface PlaygroundState {
  w: Weights;
  /** Where "reset" returns to (the component's props). */
  initialW: Weights;
  gate: GateName;
  view: View;
  handles: [Point, Point] | null;
  /** Learning rate η of the perceptron rule. */
  lr: number;
  learn: LearnState;
  playing: boolean;
  search: SearchState;
}

export function initialState(w: Weights, gate: GateName, lr = 0.25): PlaygroundState {
  return {
    w,
    initialW: w,
    gate,
    view: DEFAULT_VIEW,
    handles: handlePoints(w, DEFAULT_VIEW),
    lr,
    learn: INITIAL_LEARN,
    playing: false,
    search: INITIAL_SEARCH,
  };
}

function withWeights(s: PlaygroundState, w: Weights): PlaygroundState {
  return { ...s, w, handles: handlePoints(w, s.view, s.handles) };
}

/** Set one weight (from a slider or its number box), clamped and rounded to 0.01. */
export function setWeight(s: PlaygroundState, i: 0 | 1 | 2, value: number): PlaygroundState {
  if (!Number.isFinite(value)) return s;
  const v = roundWeight(Math.min(WEIGHT_MAX, Math.max(WEIGHT_MIN, value)));
  if (v === s.w[i]) return s;
  const w = [...s.w] as [number, number, number];
  w[i] = v;
  return { ...withWeights(s, w), learn: INITIAL_LEARN, playing: false };
}

/** Replace all three weights (e.g. "use the best weights found"). */
export function setAllWeights(s: PlaygroundState, w: Weights): PlaygroundState {
  return { ...withWeights(s, w.map(roundWeight) as unknown as Weights), learn: INITIAL_LEARN };
}

/** Move handle `which` to p (data coordinates); the other handle stays put. */
export function dragHandle(s: PlaygroundState, which: 0 | 1, p: Point): PlaygroundState {
  if (!s.handles) return s;
  const { lo, hi } = s.view;
  const c: Point = [Math.min(hi, Math.max(lo, p[0])), Math.min(hi, Math.max(lo, p[1]))];
  const other = s.handles[1 - which];
  const w = which === 0 ? weightsFromPoints(c, other, s.w) : weightsFromPoints(other, c, s.w);
  if (w === s.w) return s;
  const handles: [Point, Point] = which === 0 ? [c, other] : [other, c];
  return { ...s, w, handles, learn: INITIAL_LEARN, playing: false };
}

export function setGate(s: PlaygroundState, gate: GateName): PlaygroundState {
  return gate === s.gate ? s : { ...s, gate, learn: INITIAL_LEARN, playing: false };
}

export function setRate(s: PlaygroundState, lr: number): PlaygroundState {
  return Number.isFinite(lr) && lr > 0 ? { ...s, lr } : s;
}

/** One step of the learning rule; stops playing once it has converged or given up. */
export function step(s: PlaygroundState): PlaygroundState {
  const r = learnStep(s.w, s.gate, s.learn, s.lr);
  const done = r.learn.status === 'converged' || r.learn.status === 'gave-up';
  return { ...withWeights(s, r.w), learn: r.learn, playing: s.playing && !done };
}

export function setPlaying(s: PlaygroundState, playing: boolean): PlaygroundState {
  const done = s.learn.status === 'converged' || s.learn.status === 'gave-up';
  return { ...s, playing: playing && !done };
}

/** Back to the initial weights, with the learning counter cleared. */
export function reset(s: PlaygroundState): PlaygroundState {
  return { ...withWeights(s, s.initialW), learn: INITIAL_LEARN, playing: false };
}

export function setSearch(s: PlaygroundState, search: SearchState): PlaygroundState {
  return { ...s, search };
}
