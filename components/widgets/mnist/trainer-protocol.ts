/** Messages between <mnist-trainer> (the page) and its training worker. */
import type { Evaluation, LossPoint, Progress, TrainerConfig } from './trainer-run';

export type ToWorker =
  /**
   * Start a new run from `config`. The first start brings the digits file's bytes, which the
   * page has already fetched for its other widgets (one download, shared).
   */
  | { type: 'start'; bytes?: ArrayBuffer; config: TrainerConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Drop the run. */
  | { type: 'reset' };

export type FromWorker =
  /** The run exists; its first evaluation (untrained weights) comes with it. */
  | { type: 'started'; run: number; evaluation: Evaluation; progress: Progress }
  | {
      type: 'slice';
      run: number;
      losses: LossPoint[];
      evaluations: Evaluation[];
      progress: Progress;
      /** Milliseconds spent training in this run so far (not counting pauses). */
      trainMs: number;
    }
  | { type: 'paused'; run: number }
  | { type: 'error'; message: string };

/**
 * The trainer's main-thread work (handling a worker message, redrawing the figures) is marked
 * with this User Timing name, so a long task can be told apart from other work on the page
 * (the browser tests do this).
 */
export const WORK_MEASURE = 'mnist-trainer:main-thread';
