/**
 * State of the logistic regression lab and its pure transitions, applied to the widget's
 * store (../store.ts). Shape: the points (a preset's, plus any the student adds), both models,
 * the loss after each step, whether it is playing, the learning rate, the class a click adds,
 * and the run on the student's own logisticStep (`mine`). Lifecycle: one state per
 * <logistic-lab>, created on mount; every change replaces it.
 */
import { logisticStep } from '../../../src/engine';
import { asSentence, formatDifference, largestDifference } from '../student-output';
import {
  ZERO_MODELS,
  inputs,
  labLoss,
  labStep,
  labels,
  presetPoints,
  softmaxStep,
  type LabModels,
  type LabPoint,
  type PresetName,
} from './lab-logic';

/**
 * Training with the student's logisticStep: whether the exercise is solved and the box ticked;
 * since the weights were last reset, how many steps their code took, the worker's time for
 * them, and the difference from the engine's step on the same weights at the last step and
 * the largest; or why their code is not used (`failure`, at step `failedAt`), which holds
 * until their code changes or the box is ticked again.
 */
export interface MineRun {
  solved: boolean;
  on: boolean;
  steps: number;
  ms: number;
  lastDiff: number;
  maxDiff: number;
  failure: string | null;
  failedAt: number;
}

export interface LabState {
  preset: PresetName;
  seed: number;
  points: LabPoint[];
  models: LabModels;
  /** Mean BCE before the first step and after each step. */
  losses: number[];
  playing: boolean;
  lr: number;
  addClass: 0 | 1;
  mine: MineRun;
}

const NO_RUN = { steps: 0, ms: 0, lastDiff: 0, maxDiff: 0 } as const;

/** Steps after which play pauses by itself. */
export const MAX_STEPS = 3000;

export function initialLab(preset: PresetName, seed: number, lr: number, solved = false): LabState {
  const points = presetPoints(preset, seed);
  return {
    preset,
    seed,
    points,
    models: ZERO_MODELS,
    losses: [labLoss(ZERO_MODELS.w, points)],
    playing: false,
    lr,
    addClass: 1,
    mine: { solved, on: false, ...NO_RUN, failure: null, failedAt: 0 },
  };
}

/** Back to zero weights on the same points. */
export function resetModels(s: LabState): LabState {
  return {
    ...s,
    models: ZERO_MODELS,
    losses: [labLoss(ZERO_MODELS.w, s.points)],
    playing: false,
    mine: { ...s.mine, ...NO_RUN },
  };
}

/** `k` gradient-descent steps; pauses at MAX_STEPS. */
export function advance(s: LabState, k: number): LabState {
  let models = s.models;
  const losses = [...s.losses];
  for (let i = 0; i < k && losses.length <= MAX_STEPS; i++) {
    models = labStep(models, s.points, s.lr);
    losses.push(labLoss(models.w, s.points));
  }
  return { ...s, models, losses, playing: s.playing && losses.length <= MAX_STEPS };
}

/** Add a point; the models keep training from where they are. */
export function addPoint(s: LabState, p: LabPoint): LabState {
  const points = [...s.points, p];
  const losses = [...s.losses];
  losses[losses.length - 1] = labLoss(s.models.w, points);
  return { ...s, points, losses };
}

export function setPreset(s: LabState, preset: PresetName): LabState {
  return resetModels({ ...s, preset, points: presetPoints(preset, s.seed) });
}

export function setLr(s: LabState, lr: number): LabState {
  return Number.isFinite(lr) && lr > 0 && lr <= 20 ? { ...s, lr } : s;
}

/** Whether the next step is the student's: solved, ticked, and not fallen back. */
export const usesMine = (s: LabState) => s.mine.on && s.mine.solved && s.mine.failure === null;

/**
 * One step whose logistic weights `yours` came from the student's logisticStep (in `ms` of
 * worker time); the softmax model beside it steps on the engine. The engine's step from the
 * same weights is computed too, and the difference kept. Pauses at MAX_STEPS.
 */
export function yourStep(s: LabState, yours: number[], ms: number): LabState {
  if (s.losses.length > MAX_STEPS) return { ...s, playing: false };
  const engine = logisticStep(s.models.w, inputs(s.points), labels(s.points), s.lr);
  const diff = largestDifference(yours, engine);
  const losses = [...s.losses, labLoss(yours, s.points)];
  const m = s.mine;
  return {
    ...s,
    models: { w: yours, W: softmaxStep(s.models.W, s.points, s.lr) },
    losses,
    playing: s.playing && losses.length <= MAX_STEPS,
    mine: {
      ...m,
      steps: m.steps + 1,
      ms: m.ms + ms,
      lastDiff: diff,
      maxDiff: Number.isNaN(diff) || Number.isNaN(m.maxDiff) ? NaN : Math.max(m.maxDiff, diff),
    },
  };
}

/**
 * The student's code could not take the next step: the engine takes it, and trains from here
 * (so a press of Step still steps, and play goes on).
 */
export function yourStepFailed(s: LabState, why: string): LabState {
  return advance({ ...s, mine: { ...s.mine, failure: why, failedAt: s.losses.length } }, 1);
}

/** The box ticked or unticked: a fresh run, with no failure held against it. */
export function setMine(s: LabState, on: boolean): LabState {
  return { ...s, mine: { ...s.mine, on, ...NO_RUN, failure: null } };
}

/** The student's progress changed (their code may be new): solved or not, failure cleared. */
export function setSolved(s: LabState, solved: boolean): LabState {
  return { ...s, mine: { ...s.mine, solved, on: solved && s.mine.on, failure: null } };
}

/**
 * Whose code trains the model, in words. `rate`: steps a second while playing (measured by the
 * page), shown when known.
 */
export function mineText(m: MineRun, rate?: number): string {
  const engine = 'The engine’s logisticStep trains the model.';
  if (!m.on) return m.solved ? `${engine} Tick the box to train with yours.` : engine;
  if (m.failure !== null)
    return `${engine} Yours could not take step ${m.failedAt}: ${asSentence(m.failure)} It is tried again when your code changes or you tick the box again.`;
  if (m.steps === 0) return 'Your logisticStep will train the model: press Play or Step.';
  const speed = rate !== undefined ? `, ${Math.round(rate)} a second while playing` : '';
  return `Your logisticStep trains the model, run in the exercise worker: ${m.steps.toLocaleString('en')} step${m.steps === 1 ? '' : 's'}${speed}, ${(m.ms / m.steps).toFixed(1)} ms a round trip to the worker. Difference from the engine’s step on the same weights: ${formatDifference(m.lastDiff)} at the last step, ${formatDifference(m.maxDiff)} at most.`;
}
