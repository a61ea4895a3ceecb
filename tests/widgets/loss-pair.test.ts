/**
 * Chapter 9's "BCE or squared error" figure: its two steps against independent formulas, the
 * state logic, and every claim lesson 9 makes about what the student will see.
 */
import { describe, expect, it } from 'vitest';
import { logisticProbability, logisticStep, sigmoid } from '../../src/engine';
import {
  correctCount,
  inputs,
  labels,
  type LabPoint,
} from '../../components/widgets/logistic/lab-logic';
import {
  PAIR_DEFAULTS,
  PAIR_LR,
  PAIR_MAX_STEPS,
  PAIR_PRESETS,
  PAIR_STARTS,
  advancePair,
  configurePair,
  initialPair,
  pairSides,
  pairStep,
  pairVerdict,
  stepsTaken,
  targetCount,
  type PairSettings,
  type PairState,
} from '../../components/widgets/logistic/loss-pair-logic';

/** The mean squared error's step written out: w − lr·(1/B)·Σ 2(ŷ − y)·ŷ(1 − ŷ)·[1, x]. */
function squaredErrorStep(w: number[], pts: readonly LabPoint[], lr: number): number[] {
  const g = [0, 0, 0];
  for (const p of pts) {
    const x = [1, p.x1, p.x2];
    const y = sigmoid(w[0] + w[1] * p.x1 + w[2] * p.x2);
    const dz = 2 * (y - p.c) * y * (1 - y);
    x.forEach((xi, i) => (g[i] += dz * xi));
  }
  return w.map((wi, i) => wi - (lr * g[i]) / pts.length);
}

/** Both runs to the end (or until both have reached the target). */
function runOut(settings: PairSettings): PairState {
  let s = initialPair(settings);
  while (stepsTaken(s) < PAIR_MAX_STEPS && pairSides(s).some((d) => d.reached === null)) {
    s = advancePair(s, 10);
  }
  return s;
}

const wrong = (preset: (typeof PAIR_PRESETS)[number], lr: number): PairSettings => ({
  ...PAIR_DEFAULTS,
  preset,
  lr,
  start: 'wrong',
});

// The generic network keeps its weights in float32, these formulas in float64: agreement to
// float32 precision (weights of size 4 carry errors of about 1e-7).
describe('the two steps', () => {
  const pts = initialPair().points;
  const starts = [
    [0, -4, -4],
    [0, 0, 0],
    [0.3, 1.2, -0.7],
    [-2, 5, 5],
  ];

  it('BCE: the engine’s logisticStep, through the generic network and the BCE-from-logits loss', () => {
    for (const w of starts) {
      const a = pairStep(w, pts, 0.7, 'bce');
      const b = logisticStep(w, inputs(pts), labels(pts), 0.7);
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
    }
  });

  it('squared error: the mean of (ŷ − y)² with ŷ = σ(w·[1, x]), stepped as written out', () => {
    for (const w of starts) {
      const a = pairStep(w, pts, 0.7, 'squared-error');
      const b = squaredErrorStep(w, pts, 0.7);
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
    }
  });

  it('leaves the weights it is given unchanged', () => {
    const w = [0, -4, -4];
    pairStep(w, pts, 1, 'squared-error');
    pairStep(w, pts, 1, 'bce');
    expect(w).toEqual([0, -4, -4]);
  });
});

describe('what lesson 9 says the student will see', () => {
  it('the confidently wrong start puts nearly every point on the wrong side, most with p̂ of its class near 0', () => {
    for (const preset of PAIR_PRESETS) {
      const s = initialPair(wrong(preset, 1));
      const w = [...PAIR_STARTS.wrong.w];
      expect(correctCount(w, s.points), preset).toBeLessThanOrEqual(0.05 * s.points.length);
      const ownClass = s.points.map((p) => {
        const p1 = logisticProbability(w, [p.x1, p.x2]);
        return p.c === 1 ? p1 : 1 - p1;
      });
      expect(ownClass.filter((q) => q < 0.1).length, preset).toBeGreaterThan(s.points.length / 2);
    }
  });

  it('from there BCE reaches 95 % in a few steps and squared error needs roughly twenty times as many, at every rate and on both presets', () => {
    for (const preset of PAIR_PRESETS) {
      for (const lr of PAIR_LR) {
        const [bce, se] = pairSides(runOut(wrong(preset, lr)));
        const where = `${preset}, rate ${lr}`;
        expect(bce.reached, where).not.toBeNull();
        expect(se.reached, where).not.toBeNull();
        expect(bce.reached!, where).toBeLessThanOrEqual(25);
        const ratio = se.reached! / bce.reached!;
        expect(ratio, where).toBeGreaterThan(15);
        expect(ratio, where).toBeLessThan(30);
      }
    }
  });

  it('squared error sits with about half of the points right for a long stretch (rate 1)', () => {
    for (const preset of PAIR_PRESETS) {
      const [, se] = pairSides(runOut(wrong(preset, 1)));
      const n = initialPair(wrong(preset, 1)).points.length;
      let longest = 0;
      let run = 0;
      for (const r of se.right) {
        run = r >= 0.4 * n && r <= 0.6 * n ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      expect(longest, preset).toBeGreaterThanOrEqual(100);
    }
  });

  it('its first gradient is about twenty times smaller than BCE’s', () => {
    for (const preset of PAIR_PRESETS) {
      const [bce, se] = pairSides(advancePair(initialPair(wrong(preset, 1)), 1));
      expect(bce.gradient / se.gradient, preset).toBeGreaterThan(15);
      expect(bce.gradient / se.gradient, preset).toBeLessThan(25);
    }
  });

  it('from all zeros the squared error’s gradient is exactly half of BCE’s, and both are done after one step', () => {
    for (const preset of PAIR_PRESETS) {
      const s = advancePair(initialPair({ ...PAIR_DEFAULTS, preset, start: 'zero' }), 1);
      const [bce, se] = pairSides(s);
      expect(se.gradient).toBeCloseTo(bce.gradient / 2, 12);
      expect(bce.reached).toBe(1);
      expect(se.reached).toBe(1);
    }
  });
});

describe('the state', () => {
  it('starts both runs from the chosen weights, and any new setting starts over', () => {
    let s = advancePair(initialPair(), 5);
    expect(stepsTaken(s)).toBe(5);
    expect(s.weights.bce[0]).toEqual([0, -4, -4]);
    expect(s.weights['squared-error'][0]).toEqual([0, -4, -4]);
    s = configurePair(s, { lr: 2 });
    expect(stepsTaken(s)).toBe(0);
    expect(s.settings.lr).toBe(2);
    s = configurePair(s, { start: 'zero' });
    expect(s.weights.bce[0]).toEqual([0, 0, 0]);
    for (const bad of [
      { lr: 0 },
      { lr: NaN },
      { preset: 'circle' },
      { start: 'upside-down' },
      { seed: 1.5 },
    ] as Partial<PairSettings>[]) {
      expect(configurePair(s, bad), JSON.stringify(bad)).toBe(s);
    }
  });

  it('stops playing at the step limit and takes no step beyond it', () => {
    let s = { ...initialPair(), playing: true };
    s = advancePair(s, PAIR_MAX_STEPS - 1);
    expect(s.playing).toBe(true);
    s = advancePair(s, 5);
    expect(stepsTaken(s)).toBe(PAIR_MAX_STEPS);
    expect(s.weights['squared-error']).toHaveLength(PAIR_MAX_STEPS + 1);
    expect(s.playing).toBe(false);
  });

  it('counts the target as 95 % of the points, rounded up', () => {
    const pts = (n: number) => initialPair().points.slice(0, n);
    expect(targetCount(pts(40))).toBe(38);
    expect(targetCount(pts(20))).toBe(19);
    expect(targetCount(pts(21))).toBe(20);
  });

  it('says who got there first, and how many times as many steps the other took', () => {
    let s = initialPair(wrong('blobs', 1));
    expect(pairVerdict(s)).toBe('');
    s = advancePair(s, 5);
    expect(pairVerdict(s)).toBe('Neither run has 38 of the 40 points right yet, after 5 steps.');
    const [bce] = pairSides(runOut(wrong('blobs', 1)));
    s = advancePair(initialPair(wrong('blobs', 1)), bce.reached! + 1);
    expect(pairVerdict(s)).toMatch(
      new RegExp(
        `^Binary cross-entropy had 38 of the 40 points right after ${bce.reached} steps; squared error has \\d+ right so far, after ${bce.reached! + 1} steps\\.$`,
      ),
    );
    const done = runOut(wrong('blobs', 1));
    const [b, e] = pairSides(done);
    expect(pairVerdict(done)).toBe(
      `Binary cross-entropy had 38 of the 40 points right after ${b.reached} steps; squared error after ${e.reached} steps, ${(e.reached! / b.reached!).toFixed(1)} times as many.`,
    );
    const zero = advancePair(initialPair({ ...PAIR_DEFAULTS, start: 'zero' }), 3);
    expect(pairVerdict(zero)).toBe(
      'Binary cross-entropy had 38 of the 40 points right after 1 step; squared error at the same step.',
    );
  });
});
