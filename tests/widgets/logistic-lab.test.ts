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
  addPoint,
  advance,
  initialLab,
  mineText,
  resetModels,
  setMine,
  setPreset,
  setSolved,
  usesMine,
  yourStep,
  yourStepFailed,
} from '../../components/widgets/logistic/lab-state';
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
