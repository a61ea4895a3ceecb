/**
 * State of the MNIST trainer on the page, and its pure transitions from the worker's
 * messages. Shape: the chosen config, the run's status, the loss and held-out accuracy
 * curves, the latest evaluation (confusion counts, wrong digits), progress and training time.
 * Created when the widget mounts; a config change or Reset returns it to 'idle'.
 */
import type { FromWorker } from './trainer-protocol';
import type { Evaluation, LossPoint, Progress, TrainerConfig } from './trainer-run';

/** Held-out accuracy after `step` mini-batches (`epoch` epochs) of training. */
export interface AccuracyPoint {
  epoch: number;
  step: number;
  accuracy: number;
}

const accuracyPoint = (e: Evaluation): AccuracyPoint => ({
  epoch: e.epoch,
  step: e.step,
  accuracy: e.accuracy,
});

export type TrainerStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'error';

export interface MnistTrainerState {
  status: TrainerStatus;
  config: TrainerConfig;
  /** The worker's number for the current run (messages from older runs are ignored). */
  run: number;
  losses: readonly LossPoint[];
  accuracy: readonly AccuracyPoint[];
  latest: Evaluation | null;
  progress: Progress | null;
  trainMs: number;
  error: string;
}

export const DEFAULT_CONFIG: TrainerConfig = { hidden: 32, lr: 1, seed: 1, epochs: 10 };
export const HIDDEN_CHOICES = [16, 32, 64, 128] as const;
export const LR_CHOICES = [0.1, 0.3, 1, 3] as const;
export const EPOCH_CHOICES = [5, 10, 20] as const;

export const initialTrainer = (config: TrainerConfig = DEFAULT_CONFIG): MnistTrainerState => ({
  status: 'idle',
  config,
  run: 0,
  losses: [],
  accuracy: [],
  latest: null,
  progress: null,
  trainMs: 0,
  error: '',
});

/** A new config drops the current run (the curves belong to the old one). */
export function configure(s: MnistTrainerState, change: Partial<TrainerConfig>): MnistTrainerState {
  const config = { ...s.config, ...change };
  const numbers = [config.hidden, config.lr, config.seed, config.epochs];
  const valid = numbers.every((v) => Number.isFinite(v) && v >= 0);
  return valid ? initialTrainer(config) : s;
}

export const reset = (s: MnistTrainerState): MnistTrainerState => initialTrainer(s.config);

/** Apply one message from the worker. */
export function receive(s: MnistTrainerState, m: FromWorker): MnistTrainerState {
  switch (m.type) {
    case 'error':
      return { ...s, status: 'error', error: m.message };
    case 'started':
      return {
        ...initialTrainer(s.config),
        status: 'training',
        run: m.run,
        latest: m.evaluation,
        accuracy: [accuracyPoint(m.evaluation)],
        progress: m.progress,
      };
    case 'paused':
      return m.run === s.run && s.status === 'training' ? { ...s, status: 'paused' } : s;
    case 'slice': {
      if (m.run !== s.run || s.status === 'idle') return s;
      const latest = m.evaluations[m.evaluations.length - 1] ?? s.latest;
      return {
        ...s,
        status: m.progress.done ? 'done' : s.status,
        losses: m.losses.length ? [...s.losses, ...m.losses] : s.losses,
        accuracy: m.evaluations.length
          ? [...s.accuracy, ...m.evaluations.map(accuracyPoint)]
          : s.accuracy,
        latest,
        progress: m.progress,
        trainMs: m.trainMs,
      };
    }
  }
}

/** Training speed so far: digits per second and milliseconds per epoch (null before any). */
export function speed(
  s: MnistTrainerState,
): { digitsPerSecond: number; msPerEpoch: number } | null {
  const p = s.progress;
  if (!p || p.seen === 0 || s.trainMs <= 0) return null;
  const digitsPerSecond = (1000 * p.seen) / s.trainMs;
  return { digitsPerSecond, msPerEpoch: (1000 * (p.total / s.config.epochs)) / digitsPerSecond };
}

/** Seconds of training left at the speed so far (null before any). */
export function secondsLeft(s: MnistTrainerState): number | null {
  const v = speed(s);
  const p = s.progress;
  return v && p ? (p.total - p.seen) / v.digitsPerSecond : null;
}
