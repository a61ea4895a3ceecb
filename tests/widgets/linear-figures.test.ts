import { describe, expect, it } from 'vitest';
import { linearBatch } from '../../src/engine';
import { batchData, batchView, entryTerms } from '../../components/widgets/batch/batch-logic';
import { entryText, productHtml } from '../../components/widgets/batch/batch-html';
import {
  boundaryPoints,
  createStackRun,
  logitGrid,
  stackData,
  straightness,
  trainStack,
} from '../../components/widgets/stacking/stacking-logic';

describe('batch product logic', () => {
  const data = batchData(2);

  it('cuts X, W and b to the chosen sizes and takes Z from the engine', () => {
    const v = batchView(data, { batch: 3, xCols: 2, units: 4, wCols: 2 });
    expect(v.X).toHaveLength(3);
    expect(v.W.map((r) => r.length)).toEqual([2, 2, 2, 2]);
    expect(v.WT).toHaveLength(2);
    expect(v.WT[1][3]).toBe(v.W[3][1]);
    expect(v.Z).toEqual(linearBatch(v.X, v.W, v.b));
    // Growing a size keeps the entries already shown.
    const bigger = batchView(data, { batch: 4, xCols: 2, units: 4, wCols: 2 });
    expect(bigger.X.slice(0, 3)).toEqual(v.X);
  });

  it('shows a shape mismatch as a sentence instead of throwing', () => {
    const v = batchView(data, { batch: 2, xCols: 3, units: 2, wCols: 2 });
    expect(v.Z).toBeNull();
    expect(v.mismatch).toMatch(/X has 3 columns but Wᵀ has 2 rows/);
    expect(productHtml(v)).toContain('class="bp-mismatch"');
    expect(entryText(v, 0, 0)).toBe(v.mismatch);
  });

  it('writes out one entry: row r of X against row j of W, plus b[j]', () => {
    const v = batchView(data, { batch: 3, xCols: 2, units: 2, wCols: 2 });
    const { terms, b, value } = entryTerms(v, 2, 1);
    expect(terms.reduce((s, t) => s + t.x * t.w, b)).toBe(value);
    expect(entryText(v, 2, 1)).toMatch(/^Z\[3\]\[2\] = row 3 of X · row 2 of W \+ b\[2\] = /);
    expect(productHtml(v).match(/data-cell="/g)).toHaveLength(6);
  });
});

describe('stacking logic', () => {
  it('uses the engine’s seeded circle set', () => {
    const d = stackData(1);
    expect(d.inputs).toHaveLength(160);
    expect(stackData(1)).toEqual(d);
  });

  it('without an activation the boundary stays a straight line, with three hidden layers too', () => {
    for (const layers of [1, 3]) {
      const run = trainStack(
        createStackRun({ hidden: 8, layers, activation: 'none', seed: 1 }),
        300,
      );
      const pts = boundaryPoints(logitGrid(run, 40), 40);
      expect(pts.length).toBeGreaterThan(10);
      expect(straightness(pts)).toBeLessThan(1e-3);
      expect(run.accuracy).toBeLessThan(0.75);
    }
  });

  it('with the sigmoid it bends around the inner class and gets the points right', () => {
    const run = trainStack(
      createStackRun({ hidden: 4, layers: 1, activation: 'sigmoid', seed: 1 }),
      600,
    );
    const pts = boundaryPoints(logitGrid(run, 40), 40);
    expect(straightness(pts)).toBeGreaterThan(0.3);
    expect(run.accuracy).toBeGreaterThan(0.95);
  });

  it('measures straightness as the largest distance from the best line', () => {
    expect(
      straightness([
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBeLessThan(1e-12);
    expect(
      straightness([
        [0, 0],
        [1, 0],
        [2, 0],
        [1, 1],
      ]),
    ).toBeGreaterThan(0.5);
    expect(straightness([[0, 0]])).toBeNaN();
  });
});
