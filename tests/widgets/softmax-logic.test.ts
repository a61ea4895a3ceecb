/**
 * The chapter 7–8 figures' logic against the engine, the numbers the lessons state, and the
 * chapters' code cells run in the notebook's Node sandbox.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  crossEntropy,
  crossEntropyFromLogits,
  sigmoid,
  softmax,
  sumSquaredError,
} from '../../src/engine';
import {
  explorerView,
  gradientCurves,
  lossesAt,
  naiveSoftmax,
  resize,
  withYourSoftmax,
  wrongLogitGradients,
  yourSoftmaxText,
} from '../../components/widgets/softmax/softmax-logic';
import {
  asSentence,
  checkNumbers,
  firstResult,
  formatDifference,
  largestDifference,
} from '../../components/widgets/student-output';
import { runCells } from './run-cells';

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, 'utf8');
const central = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

describe('softmax explorer logic', () => {
  it('softmax sums to one and keeps the order; the sigmoids do not sum to one', () => {
    const v = explorerView([2, 1, 0.5, -1], 1);
    expect(v.softmaxSum).toBeCloseTo(1, 14);
    expect(v.sigmoidSum).toBeCloseTo(
      [2, 1, 0.5, -1].map(sigmoid).reduce((a, b) => a + b),
      14,
    );
    expect(v.orderKept).toBe(true);
    expect(v.topLogit).toBe(0);
    expect(v.topProbability).toBe(0);
  });

  it('temperature: small T sharpens, large T flattens, towards 1/C', () => {
    const z = [2, 1, 0.5, -1];
    expect(explorerView(z, 0.25).softmax[0]).toBeGreaterThan(explorerView(z, 1).softmax[0]);
    expect(explorerView(z, 4).softmax[0]).toBeLessThan(explorerView(z, 1).softmax[0]);
    expect(explorerView(z, 1e6).softmax[3]).toBeCloseTo(0.25, 5);
  });

  it('a huge logit: the naive form is NaN, the engine form finite', () => {
    const v = explorerView([1000, 1, 0.5, -1], 1);
    expect(v.naiveFinite).toBe(false);
    expect(v.naive[0]).toBeNaN();
    expect(v.softmax).toEqual(softmax([1000, 1, 0.5, -1]));
    expect(naiveSoftmax([1, 2, 3])).toEqual(
      softmax([1, 2, 3]).map((p) => expect.closeTo(p, 14) as number),
    );
  });

  it('resizing keeps the logits already set', () => {
    expect(resize([5, 4, 3, 2], 6)).toEqual([5, 4, 3, 2, 0.3, -0.5]);
    expect(resize([5, 4, 3, 2, 1, 0], 4)).toEqual([5, 4, 3, 2]);
  });
});

describe('run on my softmax', () => {
  const vector = (v: unknown) => checkNumbers(v, 4, '4 logits', { finite: false });

  it('accepts only an array of the right length of numbers, saying what was wrong', () => {
    expect(vector([0.1, 0.2, 0.3, 0.4])).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(vector([0.5, 0.5])).toBe('it returned 2 numbers for 4 logits');
    expect(vector(1)).toBe('it returned number, not an array');
    expect(vector(undefined)).toBe('it returned nothing, not an array');
    expect(vector(null)).toBe('it returned null, not an array');
    expect(vector([0.1, '0.2', 0.3, 0.4])).toBe('entry 1 of its output is "0.2", not a number');
    // NaN is a number: the explorer draws it and says so (a naive softmax at a huge logit).
    expect(vector([NaN, 0, 0, 0])).toEqual([NaN, 0, 0, 0]);
    expect(checkNumbers([NaN], 1, 'one logit')).toBe(
      'entry 0 of its output is NaN, not a finite number',
    );
  });

  it('reads one call’s result: a throw, a timeout, a refused value, or the value', () => {
    const calls = (value: unknown) => ({
      ok: true as const,
      results: [{ ok: true as const, value }],
      ms: 7,
    });
    expect(firstResult(calls([0.1, 0.2, 0.3, 0.4]), vector)).toEqual({
      ok: true,
      value: [0.1, 0.2, 0.3, 0.4],
      ms: 7,
    });
    expect(firstResult(calls([1]), vector)).toEqual({
      ok: false,
      message: 'it returned 1 numbers for 4 logits',
      timedOut: false,
    });
    const threw = {
      ok: true as const,
      results: [{ ok: false as const, message: 'Error: no', threw: true }],
      ms: 3,
    };
    expect(firstResult(threw, vector)).toMatchObject({ message: 'it threw Error: no' });
    const missing = {
      ok: true as const,
      results: [{ ok: false as const, message: 'the module does not export it as a function' }],
      ms: 3,
    };
    expect(firstResult(missing, vector)).toMatchObject({
      message: 'the module does not export it as a function',
    });
    const slow = { ok: false as const, message: 'your code ran for more than 2 s', timedOut: true };
    expect(firstResult(slow, vector)).toEqual({ ...slow });
  });

  it('the largest difference: exact, NaN when either side has a NaN', () => {
    expect(largestDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(largestDifference([Infinity, 0], [Infinity, 0])).toBe(0);
    expect(largestDifference([NaN, 0], [0.5, 0])).toBeNaN();
    expect(largestDifference([1], [1, 2])).toBeNaN();
    expect(formatDifference(0)).toBe('0');
    expect(formatDifference(3e-13)).toBe('3.0e-13');
    expect(formatDifference(NaN)).toBe('not a number');
    expect(asSentence('it threw Error: no')).toBe('it threw Error: no.');
    expect(asSentence('is there an infinite loop?')).toBe('is there an infinite loop?');
  });

  it('the student’s bars replace the engine’s, with their own sum, order and difference', () => {
    const logits = [2, 1, 0.5, -1];
    const view = explorerView(logits, 2);
    const engine = softmax(view.scaled);
    const yours = engine.map((p) => p + 2e-13);
    const v = withYourSoftmax(view, view.scaled, yours);
    expect(v.softmax).toEqual(yours);
    expect(v.engine).toEqual(engine);
    expect(v.softmaxSum).toBeCloseTo(1 + 8e-13, 15);
    expect(v.maxDiff).toBeCloseTo(2e-13, 16);
    expect(v.orderKept).toBe(true);
    expect(v.nonFinite).toEqual([]);
    expect(yourSoftmaxText(v, 12.4)).toBe(
      `Bars from your softmax, run in the exercise worker (12 ms). Largest difference from the engine’s softmax: ${v.maxDiff.toExponential(1)}.`,
    );
    // A softmax that gets the order wrong is reported as such.
    const flipped = withYourSoftmax(view, view.scaled, [...engine].reverse());
    expect(flipped.orderKept).toBe(false);
    expect(flipped.topProbability).toBe(3);
  });

  it('a naive softmax at a huge logit: the NaN is named and explained, not hidden', () => {
    const logits = [1000, 1, 0.5, -1];
    const view = explorerView(logits, 1);
    const v = withYourSoftmax(view, view.scaled, naiveSoftmax(view.scaled));
    // Infinity / Infinity for the huge one; the others are finite / Infinity = 0.
    expect(v.nonFinite).toEqual([0]);
    expect(v.maxDiff).toBeNaN();
    expect(yourSoftmaxText(v, 5)).toBe(
      'Bars from your softmax, run in the exercise worker (5 ms). It gives NaN for class 1 here (the largest z / T is 1000): e^z overflows unless the largest logit is subtracted first. Those bars are drawn at 0.',
    );
    // A NaN where nothing overflows gets no made-up cause.
    const odd = withYourSoftmax(
      explorerView([2, 1, 0, 0], 1),
      [2, 1, 0, 0],
      [NaN, 0.5, 0.25, 0.25],
    );
    expect(yourSoftmaxText(odd, 5)).toBe(
      'Bars from your softmax, run in the exercise worker (5 ms). It gives NaN for class 1 here. Those bars are drawn at 0.',
    );
  });
});

describe('the loss figures', () => {
  it('the gradients of both losses match central differences of the engine', () => {
    for (const p of [0.05, 0.3, 0.9]) {
      const at = lossesAt(p);
      expect(at.squaredGrad).toBeCloseTo(
        central((q) => sumSquaredError([q], [1]), p),
        6,
      );
      expect(at.crossEntropyGrad).toBeCloseTo(
        central((q) => crossEntropy([1 - q, q], 1), p),
        5,
      );
    }
  });

  it("the lecture's bounds hold for squared error and fail for cross-entropy", () => {
    for (const p of [0.001, 0.01, 0.5, 0.999]) {
      expect(lossesAt(p).squared).toBeLessThan(1);
      expect(Math.abs(lossesAt(p).squaredGrad)).toBeLessThan(2);
    }
    expect(lossesAt(0.001).crossEntropy).toBeGreaterThan(6);
    expect(Math.abs(lossesAt(0.001).crossEntropyGrad)).toBeGreaterThan(100);
  });

  it('the wrong logit’s gradient vanishes under sigmoid + squared error, not under softmax + CE', () => {
    for (const z of [-2, 0, 3, 8]) {
      const g = wrongLogitGradients(z);
      // Central differences of each pairing's loss, with the true class 0 of 3.
      const se = (v: number) => sumSquaredError([0, 0, v].map(sigmoid), [1, 0, 0]);
      expect(g.squared).toBeCloseTo(central(se, z), 6);
      expect(g.crossEntropy).toBeCloseTo(
        central((v) => crossEntropyFromLogits([0, 0, v], 0), z),
        6,
      );
    }
    const curves = gradientCurves();
    const last = curves[curves.length - 1];
    expect(last.squared).toBeLessThan(1e-4);
    expect(last.crossEntropy).toBeGreaterThan(0.99);
  });
});

describe('lesson 7 numbers', () => {
  it('states the engine’s values', () => {
    const text = lesson('07-softmax.mdx');
    const prediction = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
    const sum = prediction.reduce((a, b) => a + b, 0);
    expect(text).toContain(`add up to ${sum.toFixed(1)}`);
    expect(text).toContain(`$${sumSquaredError([0.001], [1]).toFixed(3)}$`);
    expect(text).toContain(`$${sumSquaredError([0.1], [1]).toFixed(2)}$`);
    expect(Math.exp(710)).toBe(Infinity);
    expect(Math.exp(709)).toBeLessThan(1.8e308);
    expect(text).toContain('$e^{710}$ is already');
  });
});

describe('chapter 7 cells', () => {
  it('run in order and agree with the engine and the lesson', async () => {
    const [bounds, soft] = await runCells(['07/squared-error-bounds.ts', '07/softmax.ts']);
    const b = bounds.value as Record<string, number>;
    expect(b.predictionSum).toBeCloseTo(2.7, 12);
    expect(b.squaredError).toBeCloseTo(1.19, 12);
    expect(b.worstOutput).toBeLessThan(1);
    expect(b.worstGradient).toBeLessThan(2);
    const s = soft.value as { naive: number[]; shifted: number[] };
    expect(s.naive.every((v) => Number.isNaN(v))).toBe(true);
    expect(s.shifted).toEqual(softmax([1000, 1001, 1002]));
  });
});

describe('lesson 8 numbers and cells', () => {
  it('states the engine’s values', () => {
    const text = lesson('08-cross-entropy.mdx');
    const row = [0.999, 0.9, 0.5, 0.1, 0.001].map((p) => crossEntropy([1 - p, p], 1));
    const shown = ['0.0010', '0.105', '0.693', '2.303', '6.908'];
    row.forEach((v, i) => expect(v.toFixed(shown[i].split('.')[1].length)).toBe(shown[i]));
    expect(text).toContain(`| ${shown.join(' | ')} |`);
    const z = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
    const p = softmax(z);
    expect(text).toContain(`$\\hat{p} \\approx ${p[1].toFixed(4)}$`);
    expect(text).toContain(`about $${p[5].toFixed(4)}$`);
    expect(text).toContain(
      `$-\\ln ${p[1].toFixed(4)} \\approx ${crossEntropyFromLogits(z, 1).toFixed(3)}$`,
    );
    expect(crossEntropyFromLogits([1000, 0, -1000], 2)).toBe(2000);
    expect(softmax([1000, 0, -1000])[2]).toBe(0);
  });

  it('the cells run and agree with the engine', async () => {
    const [score, grad] = await runCells(['08/score-chapter-6.ts', '08/gradient-check.ts']);
    const s = score.value as Record<string, number>;
    const ce = crossEntropyFromLogits([0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1], 1);
    for (const v of Object.values(s)) expect(v).toBeCloseTo(ce, 12);
    const g = grad.value as { formula: number[]; numeric: number[] };
    g.formula.forEach((v, i) => expect(v).toBeCloseTo(g.numeric[i], 8));
  });
});
