/**
 * State of chapter 8's loss switch: chapter 6's MNIST trainer run twice from one seed, once
 * with sigmoid outputs and the squared error and once with softmax and cross-entropy, and the
 * comparison the page draws from the two runs (steps to a held-out accuracy target).
 *
 * Shape: the settings (shared, except each run's own learning rate), and one MnistTrainerState
 * per output, each fed by its own worker's messages through chapter 6's `receive`. The target accuracy only changes how the
 * curves are read, so changing it keeps the runs; any other setting starts over.
 */
import type { FromWorker } from './trainer-protocol';
import { BATCH_SIZE, OUTPUTS, type OutputName, type TrainerConfig } from './trainer-run';
import {
  initialTrainer,
  receive,
  type AccuracyPoint,
  type MnistTrainerState,
  type TrainerStatus,
} from './trainer-state';

/** Left to right on the page, and the order of every list below. */
export const SWITCH_OUTPUTS = ['squared-error', 'cross-entropy'] as const satisfies OutputName[];

/**
 * Each run's learning rate is its own setting, so a student can give each loss its best step
 * size and answer "isn't cross-entropy just a bigger step?" by trying it.
 */
export const LR_SETTING = {
  'squared-error': 'lrSquaredError',
  'cross-entropy': 'lrCrossEntropy',
} as const satisfies Record<OutputName, string>;

/** Each loss in a few words, for field labels and the status line. */
export const LOSS_NAME = {
  'squared-error': 'squared error',
  'cross-entropy': 'cross-entropy',
} as const satisfies Record<OutputName, string>;

export interface SwitchSettings {
  hidden: number;
  lrSquaredError: number;
  lrCrossEntropy: number;
  seed: number;
  epochs: number;
  /** Held-out accuracy (0…1) whose first crossing is compared. */
  target: number;
}

export const SWITCH_DEFAULTS: SwitchSettings = {
  hidden: 32,
  lrSquaredError: 1,
  lrCrossEntropy: 1,
  seed: 1,
  epochs: 5,
  target: 0.9,
};
export const SWITCH_HIDDEN = [16, 32, 64] as const;
/** Up to 5, where squared error's sigmoid outputs saturate and its run stalls. */
export const SWITCH_LR = [0.3, 1, 2, 3, 5] as const;
export const SWITCH_EPOCHS = [2, 5, 10] as const;
export const SWITCH_TARGETS = [0.8, 0.85, 0.9] as const;
/**
 * The held-out digits are scored every ten mini-batches, so "steps to the target" is read to
 * within ten steps (chapter 6 scores every 2,000 digits, too coarse for this comparison).
 */
export const SWITCH_EVAL_EVERY = 10 * BATCH_SIZE;

export interface LossSwitchState {
  settings: SwitchSettings;
  runs: Record<OutputName, MnistTrainerState>;
}

/** The trainer config of one side of the switch. */
export function runConfig(settings: SwitchSettings, output: OutputName): TrainerConfig {
  const { hidden, seed, epochs } = settings;
  const lr = settings[LR_SETTING[output]];
  return { hidden, lr, seed, epochs, output, evalEvery: SWITCH_EVAL_EVERY };
}

export function initialSwitch(settings: SwitchSettings = SWITCH_DEFAULTS): LossSwitchState {
  return {
    settings,
    runs: {
      'squared-error': initialTrainer(runConfig(settings, 'squared-error')),
      'cross-entropy': initialTrainer(runConfig(settings, 'cross-entropy')),
    },
  };
}

/** A new target keeps the runs; any other new setting drops them. Bad values are ignored. */
export function configureSwitch(
  s: LossSwitchState,
  change: Partial<SwitchSettings>,
): LossSwitchState {
  const settings = { ...s.settings, ...change };
  const { hidden, lrSquaredError, lrCrossEntropy, seed, epochs, target } = settings;
  const valid =
    [hidden, lrSquaredError, lrCrossEntropy, epochs].every((v) => Number.isFinite(v) && v > 0) &&
    Number.isInteger(seed) &&
    seed >= 0 &&
    target > 0 &&
    target <= 1;
  if (!valid) return s;
  const onlyTarget = (Object.keys(change) as (keyof SwitchSettings)[]).every(
    (k) => k === 'target' || change[k] === s.settings[k],
  );
  return onlyTarget ? { ...s, settings } : initialSwitch(settings);
}

/** Both runs marked as loading (the page is fetching the digits and starting the workers). */
export function loading(s: LossSwitchState): LossSwitchState {
  const fresh = initialSwitch(s.settings);
  for (const o of SWITCH_OUTPUTS) fresh.runs[o] = { ...fresh.runs[o], status: 'loading' };
  return fresh;
}

/** Apply one message from the worker training `output`. */
export function receiveSwitch(
  s: LossSwitchState,
  output: OutputName,
  message: FromWorker,
): LossSwitchState {
  const run = receive(s.runs[output], message);
  return run === s.runs[output] ? s : { ...s, runs: { ...s.runs, [output]: run } };
}

/**
 * One status for the pair, for the Start/Pause button: an error or a load in either wins;
 * training while either trains; done when both are.
 */
export function switchStatus(s: LossSwitchState): TrainerStatus {
  const all = SWITCH_OUTPUTS.map((o) => s.runs[o].status);
  for (const status of ['error', 'loading', 'training'] as const) {
    if (all.includes(status)) return status;
  }
  if (all.every((v) => v === 'done')) return 'done';
  if (all.includes('paused')) return 'paused';
  return 'idle';
}

/** The first evaluation at or above `target`, or null if the run has not reached it. */
export function firstReaching(
  points: readonly AccuracyPoint[],
  target: number,
): AccuracyPoint | null {
  return points.find((p) => p.accuracy >= target) ?? null;
}

export interface SideResult {
  output: OutputName;
  /** The output and loss, with the run's learning rate when the two runs' rates differ. */
  label: string;
  lr: number;
  /** Where the run first reached the target, if it has. */
  reached: AccuracyPoint | null;
  /** Best held-out accuracy so far (null before the first evaluation). */
  best: number | null;
  /** Latest held-out accuracy (null before the first evaluation). */
  latest: number | null;
  done: boolean;
}

/** Whether the two runs train at different learning rates (then every mention names its rate). */
export function ratesDiffer(settings: SwitchSettings): boolean {
  return settings.lrSquaredError !== settings.lrCrossEntropy;
}

export function sideResults(s: LossSwitchState): SideResult[] {
  const named = ratesDiffer(s.settings);
  return SWITCH_OUTPUTS.map((output) => {
    const run = s.runs[output];
    const acc = run.accuracy;
    const lr = s.settings[LR_SETTING[output]];
    return {
      output,
      label: named ? `${OUTPUTS[output].label} (learning rate ${lr})` : OUTPUTS[output].label,
      lr,
      reached: firstReaching(acc, s.settings.target),
      best: acc.length ? Math.max(...acc.map((p) => p.accuracy)) : null,
      latest: acc.length ? acc[acc.length - 1].accuracy : null,
      done: run.status === 'done',
    };
  });
}

const percent = (v: number) => `${(100 * v).toFixed(v >= 0.995 ? 1 : 0)} %`;
const steps = (n: number) => `${n.toLocaleString('en')} step${n === 1 ? '' : 's'}`;
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** One side's part of the verdict, e.g. "has not reached it yet (best so far 87.3 %)". */
function sideText(r: SideResult, epochs: number): string {
  if (r.reached) return `reached it after ${steps(r.reached.step)}`;
  const best =
    r.best === null ? '' : ` (best ${r.done ? '' : 'so far '}${(100 * r.best).toFixed(1)} %)`;
  return r.done
    ? `never reached it in ${epochs} epoch${epochs === 1 ? '' : 's'}${best}`
    : `has not reached it yet${best}`;
}

/**
 * The comparison in one sentence, e.g. "Softmax + cross-entropy reached 90 % after 250 steps;
 * sigmoid + squared error after 470 steps, 1.9 times as many."
 */
export function verdict(s: LossSwitchState): string {
  const { target, epochs } = s.settings;
  const results = sideResults(s);
  if (results.every((r) => r.latest === null)) return '';
  const goal = `a held-out accuracy of ${percent(target)}`;
  const reached = results
    .filter((r) => r.reached)
    .sort((a, b) => a.reached!.step - b.reached!.step);
  if (reached.length === 0) {
    const done = results.every((r) => r.done);
    const bests = results
      .map((r) => `${r.label} ${r.best === null ? '–' : `${(100 * r.best).toFixed(1)} %`}`)
      .join(', ');
    return done
      ? `Neither run reached ${goal} in ${epochs} epoch${epochs === 1 ? '' : 's'} (best: ${bests}).`
      : `Neither run has reached ${goal} yet (best so far: ${bests}).`;
  }
  const [first, second] = reached;
  const other = results.find((r) => r !== first)!;
  const lead = `${capital(first.label)} reached ${goal} after ${steps(first.reached!.step)}`;
  if (!second) return `${lead}; ${other.label} ${sideText(other, epochs)}.`;
  const a = first.reached!.step;
  const b = second.reached!.step;
  if (a === b) return `${lead}; ${second.label} reached it at the same step.`;
  if (a === 0) return `${lead}; ${second.label} after ${steps(b)}.`;
  const ratio = b / a;
  return `${lead}; ${second.label} after ${steps(b)}, ${ratio.toFixed(1)} times as many.`;
}
