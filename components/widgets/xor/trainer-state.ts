/**
 * State of the XOR trainer widget and its transitions.
 *
 * State shape: `TrainerState`. The engine model and optimizer inside `run` are mutated in
 * place by training (copying them every frame would be wasteful), so every transition that
 * trains returns a new state object with `version` bumped; views compare versions, never the
 * model. Lifecycle: created on connect from the element's data attributes; a config change
 * or "reset" replaces `run` with a fresh one from the seed.
 */
import {
  createRun,
  judge,
  trainEpochs,
  type TrainStatus,
  type TrainerConfig,
  type XorRun,
} from './xor-logic';

/** Training pauses by itself here, even if not stuck or solved. */
export const MAX_EPOCHS = 20_000;
/** ...and once solved with a loss this small: there is nothing left to watch. */
export const DONE_LOSS = 0.001;

export interface TrainerState {
  config: TrainerConfig;
  run: XorRun;
  version: number;
  status: TrainStatus;
  playing: boolean;
}

export function initialTrainer(config: TrainerConfig): TrainerState {
  return { config, run: createRun(config), version: 0, status: 'ready', playing: false };
}

/** Whether playing should stop by itself. */
export function isFinished(s: Pick<TrainerState, 'run' | 'status'>): boolean {
  const loss = s.run.losses[s.run.losses.length - 1];
  return (
    s.status === 'stuck' || s.run.epoch >= MAX_EPOCHS || (s.status === 'solved' && loss < DONE_LOSS)
  );
}

/** Train `epochs` more full-batch epochs, judge the run, and stop playing when finished. */
export function advance(s: TrainerState, epochs: number): TrainerState {
  const n = Math.max(0, Math.min(epochs, MAX_EPOCHS - s.run.epoch));
  if (n === 0) return { ...s, playing: false };
  trainEpochs(s.run, n);
  const next = { ...s, version: s.version + 1, status: judge(s.run) };
  return { ...next, playing: s.playing && !isFinished(next) };
}

/** Change hidden units, learning rate or seed: a fresh run from the (new) seed. */
export function configure(s: TrainerState, patch: Partial<TrainerConfig>): TrainerState {
  const config = { ...s.config, ...patch };
  const valid =
    [2, 3, 4, 8].includes(config.hidden) &&
    Number.isFinite(config.lr) &&
    config.lr > 0 &&
    config.lr <= 50 &&
    Number.isInteger(config.seed) &&
    config.seed >= 0;
  if (!valid) return s;
  return { ...initialTrainer(config), version: s.version + 1 };
}

export function reset(s: TrainerState): TrainerState {
  return { ...initialTrainer(s.config), version: s.version + 1 };
}

export function setPlaying(s: TrainerState, playing: boolean): TrainerState {
  return { ...s, playing: playing && !isFinished(s) };
}
