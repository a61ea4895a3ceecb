/**
 * State of the logistic regression lab and its pure transitions, applied to the widget's
 * store (../store.ts). Shape: the points (a preset's, plus any the student adds), both models,
 * the loss after each step, whether it is playing, the learning rate and the class a click adds.
 * Lifecycle: one state per <logistic-lab>, created on mount; every change replaces it.
 */
import {
  ZERO_MODELS,
  labLoss,
  labStep,
  presetPoints,
  type LabModels,
  type LabPoint,
  type PresetName,
} from './lab-logic';

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
}

/** Steps after which play pauses by itself. */
export const MAX_STEPS = 3000;

export function initialLab(preset: PresetName, seed: number, lr: number): LabState {
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
  };
}

/** Back to zero weights on the same points. */
export function resetModels(s: LabState): LabState {
  return { ...s, models: ZERO_MODELS, losses: [labLoss(ZERO_MODELS.w, s.points)], playing: false };
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
