import { describe, expect, it } from 'vitest';
import {
  createRng,
  gates,
  perceptronOutput,
  trainPerceptron,
  type GateName,
} from '../../src/engine';
import {
  GATE_NAMES,
  INITIAL_LEARN,
  INITIAL_SEARCH,
  boundarySegment,
  cleanWeight,
  describeBoundary,
  halfPlane,
  handlePoints,
  learnStep,
  projectOntoLine,
  score,
  searchChunk,
  truthTable,
  weightedSum,
  weightsFromPoints,
  type LearnState,
  type Point,
  type Weights,
} from '../../components/widgets/perceptron/perceptron-logic';
import { formatFixed } from '../../src/lib/format-number';

const AND_W: Weights = [-1.5, 1, 1];
const OR_W: Weights = [-0.5, 1, 1];
const NAND_W: Weights = [1.5, -1, -1];

/** Shoelace area of a polygon. */
function area(poly: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i];
    const [x2, y2] = poly[(i + 1) % poly.length];
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}

describe('truthTable', () => {
  it('agrees with the engine perceptron on every gate and input', () => {
    for (const gate of GATE_NAMES) {
      for (const w of [AND_W, OR_W, NAND_W, [0.3, -2, 0.7] as Weights]) {
        const rows = truthTable(w, gate);
        expect(rows.map((r) => r.x)).toEqual(gates[gate].inputs);
        rows.forEach((r, i) => {
          expect(r.y).toBe(perceptronOutput([...w], gates[gate].inputs[i]));
          expect(r.target).toBe(gates[gate].targets[i]);
          expect(r.correct).toBe(r.y === r.target);
          expect(r.z).toBeCloseTo(weightedSum(w, r.x));
        });
      }
    }
  });

  it('scores the lecture weights 4/4 on their gates', () => {
    expect(score(AND_W, 'AND')).toBe(4);
    expect(score(OR_W, 'OR')).toBe(4);
    expect(score(NAND_W, 'NAND')).toBe(4);
    expect(score(AND_W, 'OR')).toBe(2); // (0,1) and (1,0) are wrong
  });

  it('uses the threshold convention z ≥ 0 → 1 (a point on the line is class 1)', () => {
    const onLine: Weights = [-1, 1, 0]; // boundary x1 = 1 passes through (1,0) and (1,1)
    expect(truthTable(onLine, 'AND').map((r) => r.y)).toEqual([0, 0, 1, 1]);
  });
});

describe('boundary geometry', () => {
  const view = { lo: -0.5, hi: 1.5 };

  it('finds the visible segment, whose ends satisfy the line equation and lie on the frame', () => {
    const seg = boundarySegment(AND_W, view);
    expect(seg).not.toBeNull();
    for (const p of seg!) {
      expect(weightedSum(AND_W, p)).toBeCloseTo(0, 9);
      const onEdge = [p[0], p[1]].some(
        (v) => Math.abs(v - view.lo) < 1e-9 || Math.abs(v - view.hi) < 1e-9,
      );
      expect(onEdge).toBe(true);
    }
  });

  it('has no segment without a line or when the line misses the view', () => {
    expect(boundarySegment([1, 0, 0], view)).toBeNull();
    expect(boundarySegment([-10, 1, 1], view)).toBeNull();
  });

  it('splits the view into two half-planes that tile it', () => {
    for (const w of [AND_W, OR_W, NAND_W, [0.2, 0, -1] as Weights, [-0.5, 3, -0.2] as Weights]) {
      const one = halfPlane(w, 1, view);
      const zero = halfPlane(w, 0, view);
      expect(area(one) + area(zero)).toBeCloseTo(4, 9);
      // A point inside each polygon (its vertex mean) is on the right side of the line.
      const mean = (poly: Point[]): Point => [
        poly.reduce((s, p) => s + p[0], 0) / poly.length,
        poly.reduce((s, p) => s + p[1], 0) / poly.length,
      ];
      expect(weightedSum(w, mean(one))).toBeGreaterThanOrEqual(0);
      expect(weightedSum(w, mean(zero))).toBeLessThan(0);
    }
  });

  it('gives the whole view to one side when the line misses it', () => {
    expect(area(halfPlane([5, 0.1, 0.1], 1, view))).toBeCloseTo(4);
    expect(halfPlane([5, 0.1, 0.1], 0, view)).toEqual([]);
  });

  it('projects points onto the line', () => {
    const p = projectOntoLine(AND_W, [0, 0]);
    expect(weightedSum(AND_W, p)).toBeCloseTo(0, 12);
    expect(p[0]).toBeCloseTo(0.75);
    expect(p[1]).toBeCloseTo(0.75);
  });
});

describe('drag handles', () => {
  it('places two distinct handles on the line inside the view', () => {
    const h = handlePoints(AND_W)!;
    for (const p of h) expect(weightedSum(AND_W, p)).toBeCloseTo(0, 9);
    expect(Math.hypot(h[0][0] - h[1][0], h[0][1] - h[1][1])).toBeGreaterThan(0.3);
    expect(handlePoints([1, 0, 0])).toBeNull();
  });

  it('keeps previous handles (projected) when the line moves a little', () => {
    const h = handlePoints(AND_W)!;
    const moved: Weights = [-1.4, 1, 1];
    const h2 = handlePoints(moved, undefined, h)!;
    for (let i = 0; i < 2; i++) {
      expect(weightedSum(moved, h2[i])).toBeCloseTo(0, 9);
      expect(Math.hypot(h2[i][0] - h[i][0], h2[i][1] - h[i][1])).toBeLessThan(0.1);
    }
  });

  it('turns two points into weights whose line passes through both', () => {
    const p: Point = [0.2, 1.3];
    const q: Point = [1.2, -0.1];
    const w = weightsFromPoints(p, q, AND_W);
    // Rounded to 0.01, so "through" means within rounding.
    expect(Math.abs(weightedSum(w, p))).toBeLessThan(0.02);
    expect(Math.abs(weightedSum(w, q))).toBeLessThan(0.02);
  });

  it('keeps the output-1 side and the length of (w1, w2) while dragging', () => {
    const h = handlePoints(AND_W)!;
    const w = weightsFromPoints(h[0], [h[1][0] + 0.1, h[1][1]], AND_W);
    expect(w[1] * AND_W[1] + w[2] * AND_W[2]).toBeGreaterThan(0);
    expect(Math.hypot(w[1], w[2])).toBeCloseTo(Math.hypot(1, 1), 1);
    // Handles in swapped order still give the same orientation.
    const swapped = weightsFromPoints(h[1], h[0], AND_W);
    expect(swapped).toEqual(weightsFromPoints(h[0], h[1], AND_W));
    expect(score(swapped, 'AND')).toBe(4);
  });

  it('ignores a drag that collapses both handles onto one point', () => {
    expect(weightsFromPoints([0.5, 0.5], [0.5, 0.5], AND_W)).toBe(AND_W);
  });
});

describe('learning rule, one sample at a time', () => {
  function run(gate: GateName, w: Weights, lr: number, maxSteps = 1000) {
    let state: { w: Weights; learn: LearnState } = { w, learn: INITIAL_LEARN };
    while (
      state.learn.status !== 'converged' &&
      state.learn.status !== 'gave-up' &&
      maxSteps-- > 0
    ) {
      state = learnStep(state.w, gate, state.learn, lr);
    }
    return state;
  }

  for (const gate of ['AND', 'OR', 'NAND'] as const) {
    it(`reaches 4/4 on ${gate} from zero weights`, () => {
      const r = run(gate, [0, 0, 0], 0.1);
      expect(r.learn.status).toBe('converged');
      expect(score(r.w, gate)).toBe(4);
    });
  }

  it('ends with the same weights as the engine trainPerceptron (same visiting order)', () => {
    // η = 0.5 keeps every weight a multiple of 0.5, so the two agree exactly.
    const r = run('AND', [0, 0, 0], 0.5);
    const engine = trainPerceptron(gates.AND, { lr: 0.5, maxEpochs: 100 });
    expect(engine.converged).toBe(true);
    expect([...r.w]).toEqual(engine.weights);
  });

  it('counts epochs and remembers the visited input and whether it changed w', () => {
    const first = learnStep([0, 0, 0], 'AND', INITIAL_LEARN, 0.1);
    // Input (0,0) has z = 0 → y = 1 but AND wants 0: the bias drops.
    expect(first.learn).toMatchObject({
      epoch: 1,
      next: 1,
      steps: 1,
      last: { index: 0, changed: true },
    });
    expect(first.w[0]).toBeCloseTo(-0.1);
    const second = learnStep(first.w, 'AND', first.learn, 0.1);
    expect(second.learn.last).toEqual({ index: 1, changed: false });
  });

  it('gives up on XOR after maxEpochs, never having reached 4/4', () => {
    const r = run('XOR', [0, 0, 0], 0.1);
    expect(r.learn.status).toBe('gave-up');
    expect(r.learn.epoch).toBe(50);
    expect(score(r.w, 'XOR')).toBeLessThan(4);
  });

  it('keeps weights free of float dust, so z shown as 0.00 is exactly 0', () => {
    // From 0, ten steps of ±0.1 would drift off the 0.1 grid without rounding.
    const r = run('AND', [0, 0, 0], 0.1);
    for (const v of r.w) expect(Math.round(v * 10) / 10).toBe(v);
  });

  it('converges only at the end of an epoch without a mistake, as the engine does', () => {
    // From OR weights, AND goes 4/4 in the middle of an epoch; the rule still finishes it
    // and then needs a whole clean pass before it stops.
    const r = run('AND', [-0.5, 1, 1], 0.25);
    const engine = trainPerceptron(gates.AND, { lr: 0.25, maxEpochs: 100, w0: [-0.5, 1, 1] });
    expect(r.learn).toMatchObject({ status: 'converged', next: 0, errors: 0 });
    expect(r.learn.epoch).toBe(engine.epochs);
    expect(r.learn.steps).toBe(4 * engine.epochs);
    expect([...r.w]).toEqual(engine.weights);
  });

  it('cleanWeight leaves dyadic numbers alone and removes decimal float dust', () => {
    for (let k = -64; k <= 64; k++) expect(cleanWeight(k / 512)).toBe(k / 512);
    expect(cleanWeight(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(cleanWeight(-1e-12), 0)).toBe(true);
  });

  it('does nothing once converged', () => {
    const done = { ...INITIAL_LEARN, status: 'converged' as const };
    expect(learnStep(AND_W, 'AND', done, 0.1)).toEqual({ w: AND_W, learn: done });
  });
});

describe('random search', () => {
  it('finds 4/4 for AND but never more than 3/4 for XOR', () => {
    const and = searchChunk(INITIAL_SEARCH, 'AND', createRng(1), 2000);
    expect(and.best).toBe(4);
    expect(score(and.bestW!, 'AND')).toBe(4);
    const xor = searchChunk(INITIAL_SEARCH, 'XOR', createRng(1), 5000);
    expect(xor.tried).toBe(5000);
    expect(xor.best).toBe(3);
  });

  it('is reproducible from the seed and continues across chunks', () => {
    const a = searchChunk(
      searchChunk(INITIAL_SEARCH, 'XOR', createRng(7), 300),
      'XOR',
      createRng(8),
      300,
    );
    const b = searchChunk(
      searchChunk(INITIAL_SEARCH, 'XOR', createRng(7), 300),
      'XOR',
      createRng(8),
      300,
    );
    expect(a).toEqual(b);
    expect(a.tried).toBe(600);
  });
});

describe('text', () => {
  it('formats with a real minus sign and no negative zero', () => {
    expect(formatFixed(-1.5)).toBe('−1.50');
    expect(formatFixed(-0.001)).toBe('0.00');
    expect(formatFixed(2)).toBe('2.00');
  });

  it('describes the boundary and its output-1 side', () => {
    expect(describeBoundary(AND_W)).toBe(
      'Boundary x2 = 1.50 − 1.00·x1; output 1 on and above the line.',
    );
    expect(describeBoundary(NAND_W)).toContain('below');
    expect(describeBoundary([-0.5, 1, 0])).toBe('Boundary x1 = 0.50; output 1 right of the line.');
    expect(describeBoundary([1, 0, 0])).toContain('every point gets output 1');
  });
});
