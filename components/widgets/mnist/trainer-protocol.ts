/** Messages between <mnist-trainer> (the page) and its training worker. */
import type { Evaluation, LossPoint, Progress, TrainerConfig } from './trainer-run';

/** The two files of the standard split as fetched (data/mnist-train.bin, data/mnist-test.bin). */
export interface DigitFiles {
  train: ArrayBuffer;
  test: ArrayBuffer;
}

export type ToWorker =
  /**
   * Start a new run from `config`. The first start brings the bytes of both digits files
   * (fetched once per page; the held-out one is shared with the page's other widgets).
   */
  | { type: 'start'; digits?: DigitFiles; config: TrainerConfig }
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
