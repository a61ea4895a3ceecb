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
 * since the weights were last reset, how many steps their code took, in how many round trips
 * to the worker and the time those took, and the difference from the engine's step on the same
 * weights at the last step and the largest; or why their code is not used (`failure`, at step
 * `failedAt`), which holds until their code changes or the box is ticked again. Steps that
 * came back from the worker but are not shown yet wait in `queue`; `codeChanges` counts the
 * changes of their code, so steps an older version took are known as stale.
 */
export interface MineRun {
  solved: boolean;
  on: boolean;
  steps: number;
  trips: number;
  ms: number;
  lastDiff: number;
  maxDiff: number;
  failure: string | null;
  failedAt: number;
  queue: YourQueue | null;
  codeChanges: number;
}

/**
 * Steps the student's code took in the worker, checked, that the lab has not shown yet (it
 * shows them at the engine's pace). They hold only for the lab they were taken in: the first
 * starts from the weights `from`, all on `points` at rate `lr`; for any other (a reset, a new
 * point, a new rate) they are stale.
 */
export interface YourQueue {
  from: number[];
  points: LabPoint[];
  lr: number;
  /** Each step's new weights; `ms` on the first step of each round trip: that trip's time. */
  steps: { w: number[]; ms?: number }[];
  /** Why the step after the last of `steps` could not be taken, if it could not. */
  failure: string | null;
}

/** One round trip's steps, as `queueYours` takes them, and `codeChanges` when it was sent. */
export type YourBatch = Omit<YourQueue, 'steps'> & {
  weights: number[][];
  ms: number;
  codeChanges: number;
};

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

const NO_RUN = { steps: 0, trips: 0, ms: 0, lastDiff: 0, maxDiff: 0, queue: null } as const;

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
    mine: { solved, on: false, ...NO_RUN, failure: null, failedAt: 0, codeChanges: 0 },
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
 * One step whose logistic weights `yours` came from the student's logisticStep; the softmax
 * model beside it steps on the engine. The engine's step from the same weights is computed
 * too, and the difference kept. `trip`: when this step is the first of a round trip to the
 * worker, that trip's ms. Pauses at MAX_STEPS.
 */
export function yourStep(s: LabState, yours: number[], trip?: number): LabState {
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
      trips: trip === undefined ? m.trips : m.trips + 1,
      ms: m.ms + (trip ?? 0),
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

/** The queued steps, if they still hold for this lab (see YourQueue). */
function liveQueue(s: LabState): YourQueue | null {
  const q = s.mine.queue;
  const holds = q && q.from === s.models.w && q.points === s.points && q.lr === s.lr;
  return holds && usesMine(s) ? q : null;
}

const withQueue = (s: LabState, queue: YourQueue | null): LabState =>
  s.mine.queue === queue ? s : { ...s, mine: { ...s.mine, queue } };

/**
 * Where the student's next round trip starts: the weights after the last step queued (or
 * shown), how many steps are queued, and how many more fit before MAX_STEPS. Null when no more
 * are wanted: their code is not in use, a failure is queued, or MAX_STEPS is reached.
 */
export function yourNext(s: LabState): { from: number[]; queued: number; room: number } | null {
  if (!usesMine(s)) return null;
  const q = liveQueue(s);
  if (q && q.failure !== null) return null;
  const queued = q ? q.steps.length : 0;
  const from = q && queued > 0 ? q.steps[queued - 1].w : s.models.w;
  const room = MAX_STEPS + 1 - s.losses.length - queued;
  return room > 0 ? { from, queued, room } : null;
}

/**
 * A round trip's steps (`ms` long) join the queue, unless they are stale: taken from other
 * weights than where the queue ends (see yourNext), on other points, at another rate or by
 * other code, or their code is no longer in use. The `same` check of one step a round trip,
 * for many.
 */
export function queueYours(s: LabState, batch: YourBatch): LabState {
  const next = yourNext(s);
  const same =
    next &&
    batch.from === next.from &&
    batch.points === s.points &&
    batch.lr === s.lr &&
    batch.codeChanges === s.mine.codeChanges;
  if (!same) return s;
  const steps = batch.weights.map((w, i) => (i === 0 ? { w, ms: batch.ms } : { w }));
  const q = liveQueue(s);
  return withQueue(s, {
    from: s.models.w,
    points: s.points,
    lr: s.lr,
    steps: q ? [...q.steps, ...steps] : steps,
    failure: batch.failure,
  });
}

/**
 * Show up to `k` queued steps of the student's, one yourStep each. Once the queue is empty, a
 * queued failure takes the next of the `k`: the engine steps instead (yourStepFailed). A stale
 * queue is dropped; with nothing queued the state is returned as it is.
 */
export function playYours(s: LabState, k: number): LabState {
  const q = liveQueue(s);
  if (!q) return withQueue(s, null);
  let t = s;
  let shown = 0;
  while (shown < k && shown < q.steps.length && t.losses.length <= MAX_STEPS) {
    t = yourStep(t, q.steps[shown].w, q.steps[shown].ms);
    shown++;
  }
  const steps = q.steps.slice(shown);
  if (shown < k && steps.length === 0 && q.failure !== null)
    return yourStepFailed(withQueue(t, null), q.failure);
  const rest = steps.length > 0 || q.failure !== null ? { ...q, from: t.models.w, steps } : null;
  return withQueue(t, rest);
}

/** The box ticked or unticked: a fresh run, with no failure held against it. */
export function setMine(s: LabState, on: boolean): LabState {
  return { ...s, mine: { ...s.mine, on, ...NO_RUN, failure: null } };
}

/**
 * The student's code changed (or is no longer solved): solved or not, failure cleared, and
 * steps the old code took, queued or still on their way, dropped.
 */
export function setSolved(s: LabState, solved: boolean): LabState {
  const m = s.mine;
  const on = solved && m.on;
  return {
    ...s,
    mine: { ...m, solved, on, failure: null, queue: null, codeChanges: m.codeChanges + 1 },
  };
}

/**
 * Whose code trains the model, in words. `rate`: steps a second while playing (measured by the
 * page), shown when known. A round trip's time, and its steps when it takes more than one.
 */
export function mineText(m: MineRun, rate?: number): string {
  const engine = 'The engine’s logisticStep trains the model.';
  if (!m.on) return m.solved ? `${engine} Tick the box to train with yours.` : engine;
  if (m.failure !== null)
    return `${engine} Yours could not take step ${m.failedAt}: ${asSentence(m.failure)} It is tried again when your code changes or you tick the box again.`;
  if (m.steps === 0) return 'Your logisticStep will train the model: press Play or Step.';
  const speed = rate !== undefined ? `, ${Math.round(rate)} a second while playing` : '';
  const trips = Math.max(1, m.trips);
  const perTrip = Math.round(m.steps / trips);
  const trip = `${(m.ms / trips).toFixed(1)} ms a round trip to the worker${perTrip > 1 ? `, ${perTrip} steps a trip` : ''}`;
  return `Your logisticStep trains the model, run in the exercise worker: ${m.steps.toLocaleString('en')} step${m.steps === 1 ? '' : 's'}${speed}, ${trip}. Difference from the engine’s step on the same weights: ${formatDifference(m.lastDiff)} at the last step, ${formatDifference(m.maxDiff)} at most.`;
}
