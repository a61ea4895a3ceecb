import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../scripts/mnist-node';
import {
  EVAL_EVERY,
  LOSS_EVERY,
  MnistRun,
  type TrainerConfig,
} from '../../components/widgets/mnist/trainer-run';
import {
  configure,
  initialTrainer,
  receive,
  secondsLeft,
  speed,
} from '../../components/widgets/mnist/trainer-state';

const data = loadMnistNode();
const CONFIG: TrainerConfig = { hidden: 16, lr: 1, seed: 7, epochs: 1 };

/** Train until `digits` have been seen, in slices of `stepsPerSlice` steps. */
function runFor(config: TrainerConfig, digits: number, stepsPerSlice: number) {
  const run = new MnistRun(data, config);
  const losses = [];
  const evaluations = [];
  while (run.progress.seen < digits && !run.progress.done) {
    let k = 0;
    const out = run.advance(() => ++k >= stepsPerSlice || run.progress.seen >= digits);
    losses.push(...out.losses);
    evaluations.push(...out.evaluations);
  }
  return { run, losses, evaluations };
}

describe('an MNIST training run', () => {
  it('gives the same curves for the same seed, however the time slices fall', () => {
    const a = runFor(CONFIG, 4000, 3);
    const b = runFor(CONFIG, 4000, 40);
    expect(a.losses).toHaveLength(4000 / LOSS_EVERY);
    expect(a.losses).toEqual(b.losses);
    expect(a.evaluations.map((e) => e.accuracy)).toEqual(b.evaluations.map((e) => e.accuracy));
    const c = runFor({ ...CONFIG, seed: 8 }, 4000, 40);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('lowers the squared error and scores the held-out digits with a full confusion matrix', () => {
    const { run, losses, evaluations } = runFor(CONFIG, 8000, 50);
    expect(run.progress.done).toBe(true);
    expect(losses[losses.length - 1].loss).toBeLessThan(losses[0].loss / 2);
    // After the batch that reaches each multiple of EVAL_EVERY digits (batches are 32 digits).
    expect(evaluations).toHaveLength(8000 / EVAL_EVERY);
    evaluations.forEach((e, k) => {
      const at = ((k + 1) * EVAL_EVERY) / 8000;
      expect(e.epoch).toBeGreaterThanOrEqual(at);
      expect(e.epoch).toBeLessThan(at + 32 / 8000);
    });
    const last = evaluations[evaluations.length - 1];
    expect(last.accuracy).toBeGreaterThan(0.8);
    const total = last.confusion.flat().reduce((s, n) => s + n, 0);
    const diagonal = last.confusion.reduce((s, row, i) => s + row[i], 0);
    expect(total).toBe(2000);
    expect(diagonal / total).toBeCloseTo(last.accuracy, 12);
    expect(last.wrong.length).toBeGreaterThan(0);
    // The gallery numbers each digit by its place among the held-out digits, as the digit
    // browser does.
    for (const w of last.wrong) {
      expect(w.predicted).not.toBe(w.label);
      expect(data.test.labels[w.index]).toBe(w.label);
      expect(Array.from(w.pixels)).toEqual(
        Array.from(data.test.pixels.subarray(w.index * 784, (w.index + 1) * 784)),
      );
    }
  });
});

describe('the trainer state', () => {
  const evaluation = { epoch: 0, step: 0, accuracy: 0.1, loss: 1, confusion: [], wrong: [] };
  const progress = { seen: 0, total: 80000, epoch: 0, done: false };

  it('follows the worker: started, slices, pause; ignores an old run', () => {
    let s = receive(initialTrainer(), { type: 'started', run: 2, evaluation, progress });
    expect(s.status).toBe('training');
    expect(s.accuracy).toEqual([{ epoch: 0, step: 0, accuracy: 0.1 }]);
    s = receive(s, {
      type: 'slice',
      run: 2,
      losses: [{ epoch: 0.1, step: 25, loss: 0.9 }],
      evaluations: [],
      progress: { ...progress, seen: 8000, epoch: 1 },
      trainMs: 500,
    });
    expect(s.losses).toHaveLength(1);
    expect(speed(s)).toEqual({ digitsPerSecond: 16000, msPerEpoch: 500 });
    expect(secondsLeft(s)).toBeCloseTo(72000 / 16000, 12);
    const old = receive(s, {
      type: 'slice',
      run: 1,
      losses: [],
      evaluations: [],
      progress,
      trainMs: 1,
    });
    expect(old).toBe(s);
    expect(receive(s, { type: 'paused', run: 2 }).status).toBe('paused');
  });

  it('a new config starts over; a bad one is ignored', () => {
    const s = configure(initialTrainer(), { hidden: 64 });
    expect(s.config.hidden).toBe(64);
    expect(s.status).toBe('idle');
    expect(configure(s, { seed: NaN })).toBe(s);
  });
});
