/**
 * The logistic regression lab's logic against the engine, the lesson 9 numbers and cells, and
 * the claim the lesson makes about the two-logit softmax (same boundary at half the rate).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  blobs,
  createRng,
  logisticLoss,
  logisticProbability,
  logisticStep,
  sigmoid,
  softmax,
} from '../../src/engine';
import {
  ZERO_MODELS,
  correctCount,
  labLoss,
  labStep,
  pointLosses,
  presetPoints,
  rowDifference,
  softmaxPositive,
} from '../../components/widgets/logistic/lab-logic';
import {
  MAX_STEPS,
  addPoint,
  advance,
  initialLab,
  mineText,
  playYours,
  queueYours,
  resetModels,
  setLr,
  setMine,
  setPreset,
  setSolved,
  usesMine,
  yourNext,
  yourStep,
  yourStepFailed,
  type LabState,
} from '../../components/widgets/logistic/lab-state';
import { allResults, checkNumbers } from '../../components/widgets/student-output';
import type { CallResult } from '../../src/notebook/browser/student-function';
import { runCells } from './run-cells';

describe('logistic regression lab', () => {
  it('presets are seeded, two-class and balanced', () => {
    for (const name of ['blobs', 'overlap', 'circle'] as const) {
      const a = presetPoints(name, 1);
      expect(presetPoints(name, 1)).toEqual(a);
      expect(a.filter((p) => p.c === 1).length).toBe(a.length / 2);
    }
  });

  it('a step is the engine’s logisticStep; the softmax rows’ difference equals it at every step', () => {
    const pts = presetPoints('overlap', 3);
    let m = ZERO_MODELS;
    for (let t = 0; t < 200; t++) {
      const next = labStep(m, pts, 1.5);
      expect(next.w).toEqual(
        logisticStep(
          m.w,
          pts.map((p) => [p.x1, p.x2]),
          pts.map((p) => p.c),
          1.5,
        ),
      );
      m = next;
      rowDifference(m.W).forEach((d, i) => expect(d).toBeCloseTo(m.w[i], 10));
    }
    const x = [0.3, -0.2];
    expect(softmaxPositive(m.W, x)).toBeCloseTo(logisticProbability(m.w, x), 10);
    // Six parameters, but the sum of the rows never moves from 0 (it carries no information).
    m.W[0].forEach((v, i) => expect(v + m.W[1][i]).toBeCloseTo(0, 12));
  });

  it('each point’s size is its own BCE, and training lowers the mean', () => {
    const s0 = initialLab('blobs', 1, 1);
    expect(s0.losses[0]).toBeCloseTo(Math.LN2, 14);
    const s = advance({ ...s0, playing: true }, 100);
    const w = s.models.w;
    pointLosses(w, s.points).forEach((l, i) => {
      const p = s.points[i];
      expect(l).toBeCloseTo(binaryCrossEntropy(logisticProbability(w, [p.x1, p.x2]), p.c), 10);
    });
    expect(s.losses[100]).toBeLessThan(s.losses[0] / 5);
    expect(correctCount(w, s.points)).toBe(s.points.length);
    expect(s.losses[100]).toBe(labLoss(w, s.points));
  });

  it('adding a point and switching presets', () => {
    const s = addPoint(initialLab('blobs', 1, 1), { x1: 1, x2: 1, c: 0 });
    expect(s.points.length).toBe(41);
    expect(s.losses).toEqual([labLoss([0, 0, 0], s.points)]);
    const ring = advance(setPreset(s, 'circle'), 300);
    expect(correctCount(ring.models.w, ring.points)).toBeLessThan(ring.points.length);
  });
});

describe('train with my logisticStep', () => {
  const X = (s: ReturnType<typeof initialLab>) => s.points.map((p) => [p.x1, p.x2]);
  const y = (s: ReturnType<typeof initialLab>) => s.points.map((p) => p.c);

  it('is offered once solved and ticked, and a failure holds until the code changes', () => {
    const s0 = initialLab('blobs', 1, 1);
    expect(usesMine(setMine(s0, true))).toBe(false);
    const on = setMine(initialLab('blobs', 1, 1, true), true);
    expect(usesMine(on)).toBe(true);
    const failed = yourStepFailed(on, 'it threw Error: no');
    expect(usesMine(failed)).toBe(false);
    expect(failed.mine.failedAt).toBe(1);
    // The engine took the step the student's code could not.
    expect(failed.models).toEqual(labStep(on.models, on.points, on.lr));
    expect(failed.losses).toHaveLength(2);
    // New code (a progress change) or ticking again clears it; unsolving turns the box off.
    expect(usesMine(setSolved(failed, true))).toBe(true);
    expect(usesMine(setMine(failed, true))).toBe(true);
    expect(setSolved(on, false).mine.on).toBe(false);
  });

  it('a student’s step moves logistic regression; the softmax model steps on the engine', () => {
    const s0 = setMine(initialLab('overlap', 3, 1.5, true), true);
    const engine = logisticStep(s0.models.w, X(s0), y(s0), s0.lr);
    const yours = engine.map((v) => v + 1e-13);
    const s1 = yourStep(s0, yours, 4);
    expect(s1.models.w).toEqual(yours);
    expect(s1.models.W).toEqual(labStep(s0.models, s0.points, s0.lr).W);
    expect(s1.losses).toEqual([s0.losses[0], labLoss(yours, s0.points)]);
    expect(s1.mine).toMatchObject({ steps: 1, ms: 4 });
    expect(s1.mine.lastDiff).toBeCloseTo(1e-13, 15);
    // The next step is compared with the engine's from the student's weights, not the engine's.
    const exact = logisticStep(yours, X(s1), y(s1), s1.lr);
    const s2 = yourStep(s1, exact, 6);
    expect(s2.mine.lastDiff).toBe(0);
    expect(s2.mine.maxDiff).toBe(s1.mine.lastDiff);
    expect(s2.mine.ms).toBe(10);
    expect(resetModels(s2).mine).toMatchObject({ steps: 0, ms: 0, maxDiff: 0, on: true });
  });

  it('says whose code trains, how fast, how far from the engine, or why not', () => {
    const s0 = initialLab('blobs', 1, 1);
    expect(mineText(s0.mine)).toBe('The engine’s logisticStep trains the model.');
    const solved = initialLab('blobs', 1, 1, true);
    expect(mineText(solved.mine)).toBe(
      'The engine’s logisticStep trains the model. Tick the box to train with yours.',
    );
    const on = setMine(solved, true);
    expect(mineText(on.mine)).toBe('Your logisticStep will train the model: press Play or Step.');
    const w = logisticStep(on.models.w, X(on), y(on), on.lr);
    const stepped = yourStep(yourStep(on, w, 5), logisticStep(w, X(on), y(on), on.lr), 7);
    expect(mineText(stepped.mine, 83.4)).toBe(
      'Your logisticStep trains the model, run in the exercise worker: 2 steps, 83 a second while playing, 6.0 ms a round trip to the worker. Difference from the engine’s step on the same weights: 0 at the last step, 0 at most.',
    );
    expect(
      mineText(yourStepFailed(stepped, 'it returned 2 numbers for 3 weights (bias first)').mine),
    ).toBe(
      'The engine’s logisticStep trains the model. Yours could not take step 3: it returned 2 numbers for 3 weights (bias first). It is tried again when your code changes or you tick the box again.',
    );
  });
});

describe('train with my logisticStep, many steps a round trip', () => {
  const on = () => setMine(initialLab('overlap', 3, 1.5, true), true);
  /** `n` steps of a student's step (the engine's plus 1e-13) from `w`, as one round trip. */
  const trip = (s: LabState, from: number[], n: number, ms = 12, failure: string | null = null) => {
    const weights: number[][] = [];
    let w = from;
    for (let i = 0; i < n; i++) {
      w = logisticStep(w, inputs(s), labels(s), s.lr).map((v) => v + 1e-13);
      weights.push(w);
    }
    return { from, points: s.points, lr: s.lr, weights, failure, ms, codeChanges: 0 };
  };
  const inputs = (s: LabState) => s.points.map((p) => [p.x1, p.x2]);
  const labels = (s: LabState) => s.points.map((p) => p.c);

  it('queues a round trip’s steps and shows them k at a time, each checked against the engine', () => {
    const s0 = on();
    expect(yourNext(s0)).toEqual({ from: s0.models.w, queued: 0, room: MAX_STEPS });
    const batch = trip(s0, s0.models.w, 12);
    const s1 = queueYours(s0, batch);
    expect(s1.models).toBe(s0.models);
    expect(yourNext(s1)).toEqual({ from: batch.weights[11], queued: 12, room: MAX_STEPS - 12 });
    const s2 = playYours(s1, 5);
    expect(s2.losses).toHaveLength(6);
    expect(s2.models.w).toBe(batch.weights[4]);
    expect(s2.mine).toMatchObject({ steps: 5, trips: 1, ms: 12 });
    expect(s2.mine.lastDiff).toBeCloseTo(1e-13, 15);
    // Step by step, the same as five yourSteps.
    let one = s0;
    for (let i = 0; i < 5; i++) one = yourStep(one, batch.weights[i], i === 0 ? 12 : undefined);
    expect(s2.losses).toEqual(one.losses);
    expect(s2.models).toEqual(one.models);
    const s3 = playYours(playYours(s2, 5), 5);
    expect(s3.mine).toMatchObject({ steps: 12, trips: 1, queue: null });
    expect(playYours(s3, 5)).toBe(s3);
    expect(mineText(s3.mine)).toMatch(
      /: 12 steps, 12\.0 ms a round trip to the worker, 12 steps a trip\. Difference from the engine’s step on the same weights: 1\.0e-13 at the last step, 1\.0e-13 at most\.$/,
    );
  });

  it('appends the next round trip where the queue ends, and drops one from anywhere else', () => {
    const s0 = on();
    const first = trip(s0, s0.models.w, 6);
    const s1 = playYours(queueYours(s0, first), 2);
    const second = trip(s1, first.weights[5], 6, 20);
    const s2 = queueYours(s1, second);
    expect(s2.mine.queue?.steps.map((x) => x.w)).toEqual([
      ...first.weights.slice(2),
      ...second.weights,
    ]);
    // A trip from weights already shown (or another trip's start) is stale.
    expect(queueYours(s2, trip(s2, s1.models.w, 6))).toBe(s2);
    const s3 = playYours(s2, 100);
    expect(s3.mine).toMatchObject({ steps: 12, trips: 2, ms: 32, queue: null });
    expect(s3.models.w).toBe(second.weights[5]);
  });

  it('shows the steps before a failure, then the engine takes the failed step and trains on', () => {
    const s0 = on();
    const batch = trip(s0, s0.models.w, 6, 12, 'it threw Error: not a seventh time');
    const s1 = queueYours(s0, batch);
    // Nothing more is asked for once a failure is queued.
    expect(yourNext(s1)).toBeNull();
    const s2 = playYours(s1, 5);
    expect(s2.mine.steps).toBe(5);
    expect(usesMine(s2)).toBe(true);
    const s3 = playYours(s2, 5);
    expect(usesMine(s3)).toBe(false);
    expect(s3.mine).toMatchObject({
      steps: 6,
      failure: 'it threw Error: not a seventh time',
      failedAt: 7,
      queue: null,
    });
    expect(s3.losses).toHaveLength(8);
    expect(s3.models.w).toEqual(logisticStep(batch.weights[5], inputs(s0), labels(s0), s0.lr));
    expect(mineText(s3.mine)).toBe(
      'The engine’s logisticStep trains the model. Yours could not take step 7: it threw Error: not a seventh time. It is tried again when your code changes or you tick the box again.',
    );
    // A round trip that failed outright (a timeout) falls back at the next step.
    const slow = queueYours(s0, trip(s0, s0.models.w, 0, 0, 'your code ran for more than 2 s'));
    expect(playYours(slow, 5).mine).toMatchObject({ steps: 0, failedAt: 1 });
  });

  it('discards steps for a lab that is gone: Reset, new points, a new rate, unticked, new code', () => {
    const fresh = on();
    // One step in: a reset's zero weights are not where the batch starts.
    const s0 = playYours(queueYours(fresh, trip(fresh, fresh.models.w, 1)), 1);
    expect(s0.mine.steps).toBe(1);
    const batch = trip(s0, s0.models.w, 8);
    const queued = queueYours(s0, batch);
    const changes: [string, (s: LabState) => LabState][] = [
      ['reset', resetModels],
      ['new point', (s) => addPoint(s, { x1: 0.5, x2: 0.5, c: 1 })],
      ['new rate', (s) => setLr(s, 0.5)],
      ['unticked', (s) => setMine(s, false)],
      ['new code', (s) => setSolved(s, true)],
    ];
    for (const [what, change] of changes) {
      // Answered after the change: not queued.
      const later = change(s0);
      expect(queueYours(later, batch).mine.queue, what).toBeNull();
      // Queued before it: dropped, and nothing shown.
      const dropped = playYours(change(queued), 5);
      expect(dropped.mine.queue, what).toBeNull();
      expect(dropped.losses, what).toEqual(change(queued).losses);
    }
  });

  it('reads a round trip: every step’s weights up to the first refused, and why', () => {
    const weights = (v: unknown) => checkNumbers(v, 3, '3 weights (bias first)');
    const ok = (value: unknown) => ({ ok: true as const, value });
    const calls = (...results: CallResult[]) => ({ ok: true as const, results, ms: 9 });
    expect(allResults(calls(ok([1, 2, 3]), ok([4, 5, 6])), weights)).toEqual({
      values: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      failure: null,
      ms: 9,
    });
    const threw = { ok: false as const, message: 'Error: seventh', threw: true };
    expect(allResults(calls(ok([1, 2, 3]), threw), weights)).toEqual({
      values: [[1, 2, 3]],
      failure: 'it threw Error: seventh',
      ms: 9,
    });
    expect(allResults(calls(ok([1, 2, 3]), ok([1, NaN, 3]), ok([1, 2, 3])), weights)).toEqual({
      values: [[1, 2, 3]],
      failure: 'entry 1 of its output is NaN, not a finite number',
      ms: 9,
    });
    expect(allResults(calls(), weights).failure).toBe('it was not called');
    const slow = { ok: false as const, message: 'your code ran for more than 2 s', timedOut: true };
    expect(allResults(slow, weights)).toEqual({ values: [], failure: slow.message, ms: 0 });
  });

  it('asks for no steps past MAX_STEPS', () => {
    const s0 = on();
    const near = { ...s0, losses: new Array<number>(MAX_STEPS - 3).fill(0.5) };
    expect(yourNext(near)?.room).toBe(4);
    const full = playYours(queueYours(near, trip(near, near.models.w, 4)), 5);
    expect(full.losses).toHaveLength(MAX_STEPS + 1);
    expect(yourNext(full)).toBeNull();
  });
});

describe('lesson 9 cells', () => {
  it('run in order and agree with the engine', async () => {
    const [two, bce, train] = await runCells([
      '09/two-class-softmax.ts',
      '09/bce.ts',
      '09/train-logistic.ts',
    ]);
    const t = two.value as Record<string, number>;
    expect(t.softmaxOfTwo).toBeCloseTo(sigmoid(1.5), 14);
    expect(t.sigmoidOfDifference).toBeCloseTo(t.softmaxOfTwo, 14);
    expect(t.shiftedBy5).toBeCloseTo(t.softmaxOfTwo, 14);
    expect(t.logistic).toBeCloseTo(t.sigmoidOfZ, 14);
    expect(softmax([1.2, 0])[0]).toBeCloseTo(sigmoid(1.2), 14);
    for (const row of bce.value as { bce: number; twoClassCrossEntropy: number }[]) {
      expect(row.bce).toBeCloseTo(row.twoClassCrossEntropy, 14);
    }
    const data = blobs({ n: 40, noise: 0.25, rng: createRng(1) });
    const r = train.value as { w: number[]; right: number; of: number };
    expect(r.of).toBe(40);
    expect(r.right).toBeGreaterThanOrEqual(36);
    expect(logisticLoss(r.w, data.inputs, data.targets)).toBeLessThan(0.2);
    expect(train.logs.length).toBe(3);
  });

  it('the lesson’s worked numbers come from the engine', () => {
    const text = readFileSync('content/lessons/09-logistic-regression.mdx', 'utf8');
    expect(text).toContain(`−ln 0.1 ≈ ${binaryCrossEntropy(0.9, 0).toFixed(2)}`);
    expect(text).toContain(`−ln 0.9 ≈ ${binaryCrossEntropy(0.9, 1).toFixed(3)}`);
    expect(text).toContain(`${2 * 785}`);
  });
});
