import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import {
  itChecksThePage,
  itSolvesEachExercise,
  mounted,
  solveForFigure,
  storeSolved,
  tickWithStoredCode,
  wrongThenRight,
} from './page-helpers';
import { ZERO_MODELS, labStep, presetPoints } from '../../components/widgets/logistic/lab-logic';
import { logisticStep } from '../../src/engine';
import {
  PAIR_DEFAULTS,
  advancePair,
  initialPair,
  pairSides,
  pairVerdict,
} from '../../components/widgets/logistic/loss-pair-logic';
import { formatFixed } from '../../src/lib/format-number';
import { exercises } from '../../src/notebook/exercises/index';
import { lessonFiles } from '../lesson-files';

afterAll(closeBrowser);

const PATH = '09-logistic-regression/';
const LAB = 'Logistic regression lab';
const PAIR = 'Binary cross-entropy or squared error';

/** "Step 1,234 · mean BCE 0.1234 · 38/40 points right" → numbers. */
async function labStatus(lab: Locator) {
  const text = (await lab.locator('[data-status]').textContent()) ?? '';
  const m = /Step ([\d,]+) · mean BCE ([\d.]+) · (\d+)\/(\d+) points right/.exec(text);
  if (!m) throw new Error(`unexpected lab status: ${text}`);
  return {
    step: Number(m[1].replace(/,/g, '')),
    loss: Number(m[2]),
    right: Number(m[3]),
    points: Number(m[4]),
  };
}

const weightRow = (lab: Locator, r: number) =>
  lab.locator('[data-weights] tr').nth(r).locator('td').allTextContents();

const source = (lab: Locator) => lab.locator('[data-source]').textContent();
const rate = async (lab: Locator) =>
  Number(await lab.evaluate((el) => el.parentElement?.dataset.stepsPerSecond));

/** Play until the status shows more than `steps` steps, then pause; returns the steps/s seen. */
async function playFor(lab: Locator, steps: number): Promise<number> {
  await lab.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => (await labStatus(lab)).step, { timeout: 30_000 })
    .toBeGreaterThan(steps);
  const r = await rate(lab);
  await lab.getByRole('button', { name: 'Pause' }).click();
  return r;
}

/**
 * A correct step written differently from the engine's (features in the outer loop, its own
 * sigmoid) that adds 1e-13 to every weight: within the checks' tolerance, and a difference the
 * lab reports only if the student's function really takes the step.
 */
const FEATURE_ORDER = `export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  const B = X.length;
  const errors = X.map((x, k) => {
    let z = w[0];
    for (let i = 0; i < x.length; i++) z += w[i + 1] * x[i];
    return 1 / (1 + Math.exp(-z)) - y[k];
  });
  const next: number[] = [];
  for (let i = 0; i < w.length; i++) {
    let g = 0;
    for (let k = 0; k < B; k++) g += errors[k] * (i === 0 ? 1 : X[k][i - 1]);
    next.push(w[i] - (lr * g) / B + 1e-13);
  }
  return next;
}
`;

describe('chapter 9: logistic regression', () => {
  it('the lab: one step matches the engine, and playing separates the two blobs', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    const start = await labStatus(lab);
    expect(start.step).toBe(0);
    expect(start.loss).toBeCloseTo(Math.LN2, 4);
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await labStatus(lab)).step).toBe(1);
    const one = labStep(ZERO_MODELS, presetPoints('blobs', 1), 1);
    await expect(weightRow(lab, 0)).resolves.toEqual(one.w.map((v) => formatFixed(v, 3)));
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => (await labStatus(lab)).right, { timeout: 30_000 })
      .toBe(start.points);
    await expect
      .poll(async () => (await labStatus(lab)).step, { timeout: 20_000 })
      .toBeGreaterThan(50);
    await lab.getByRole('button', { name: 'Pause' }).click();
    const end = await labStatus(lab);
    expect(end.loss).toBeLessThan(start.loss / 2);
    // The softmax rows' difference is logistic regression's weights: the same boundary.
    await expect(weightRow(lab, 3)).resolves.toEqual(await weightRow(lab, 0));
    // Twice the parameters: two rows of three.
    await expect(lab.locator('[data-weights] tr').count()).resolves.toBe(4);
    expect(errors).toEqual([]);
    await close();
  });

  it('points can be added by coordinates and by clicking the plane', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    const n = (await labStatus(lab)).points;
    await lab.getByLabel('Class').selectOption('0');
    await lab.getByLabel('x₁', { exact: true }).fill('1');
    await lab.getByLabel('x₂', { exact: true }).fill('1.2');
    await lab.getByRole('button', { name: 'Add point' }).click();
    await expect.poll(async () => (await labStatus(lab)).points).toBe(n + 1);
    // A wrong-side point: with zero weights everything is predicted positive.
    expect((await labStatus(lab)).right).toBe(n / 2);
    const plane = lab.locator('[data-plane] svg');
    await expect.poll(() => plane.count()).toBe(1);
    const before = await lab.locator('[data-plane] svg circle').count();
    const box = await plane.boundingBox();
    if (!box) throw new Error('no plane');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await labStatus(lab)).points).toBe(n + 2);
    await expect.poll(() => lab.locator('[data-plane] svg circle').count()).toBe(before + 1);
    expect(errors).toEqual([]);
    await close();
  });

  it('no line separates the ring preset', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    await lab.getByLabel('Points', { exact: true }).selectOption('circle');
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => (await labStatus(lab)).step, { timeout: 30_000 })
      .toBeGreaterThan(300);
    await lab.getByRole('button', { name: 'Pause' }).click();
    const s = await labStatus(lab);
    expect(s.right).toBeLessThan(s.points);
    expect(s.loss).toBeGreaterThan(0.5);
    expect(errors).toEqual([]);
    await close();
  });

  it('the course path lists every chapter with its progress, and counts a solved exercise', async () => {
    const { page, errors, close } = await openPage(PATH);
    const path = page.getByRole('region', { name: 'The course, chapter by chapter' });
    const lessons = lessonFiles();
    await expect(path.getByRole('link').count()).resolves.toBe(lessons.length);
    const ids = new Set(lessons.map((l) => l.id));
    const total = exercises.filter((e) => ids.has(e.lesson)).length;
    const overall = path.locator('.course-path-total .nb-progress-count');
    await expect.poll(() => overall.textContent()).toBe(`0 / ${total}`);
    await wrongThenRight(page, 'binary-cross-entropy');
    await expect.poll(() => overall.textContent()).toBe(`1 / ${total}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('the home page shows the progress over the whole course', async () => {
    const { page, errors, close } = await openPage('');
    const ids = new Set(lessonFiles().map((l) => l.id));
    const total = exercises.filter((e) => ids.has(e.lesson)).length;
    const line = page.locator('.your-progress p', { hasText: 'Across the course' });
    await expect.poll(() => line.locator('.nb-progress-count').textContent()).toBe(`0 / ${total}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('train with my logisticStep: the student’s function takes every step, and separates the blobs', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    const mine = await solveForFigure(
      page,
      lab,
      'logistic-step',
      FEATURE_ORDER,
      'Train with my logisticStep',
    );
    // The engine's speed first, for the report.
    const engineRate = await playFor(lab, 200);
    await lab.getByRole('button', { name: 'Reset weights' }).click();
    await mine.check();
    // Drawn on the next frame after the tick.
    await expect
      .poll(() => source(lab))
      .toBe('Your logisticStep will train the model: press Play or Step.');
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await expect
      .poll(() => source(lab), { timeout: 15_000 })
      .toMatch(
        /^Your logisticStep trains the model, run in the exercise worker: 1 step, [\d.]+ ms a round trip to the worker\. Difference from the engine’s step on the same weights: 1\.0e-13 at the last step, 1\.0e-13 at most\.$/,
      );
    const one = labStep(ZERO_MODELS, presetPoints('blobs', 1), 1);
    await expect(weightRow(lab, 0)).resolves.toEqual(one.w.map((v) => formatFixed(v, 3)));
    // Long enough (about a second) for the lab to measure its rate over more than 500 ms.
    const yoursRate = await playFor(lab, 300);
    const s = await labStatus(lab);
    expect(s.right).toBe(s.points);
    // About 1e-13 each step (the weights grow, so rounding moves the last digit).
    const report =
      /: [\d,]+ steps, \d+ a second while playing, .* on the same weights: (\S+) at the last step, (\S+) at most\.$/.exec(
        (await source(lab)) ?? '',
      );
    expect(report).not.toBeNull();
    for (const d of (report ?? []).slice(1).map(Number)) {
      expect(d).toBeGreaterThan(5e-14);
      expect(d).toBeLessThan(2e-13);
    }
    await expect(lab.evaluate((el) => el.parentElement?.dataset.trainer)).resolves.toBe('yours');
    console.log(
      `logistic lab: ${Math.round(yoursRate)} steps/s on the student's logisticStep, ${Math.round(engineRate)} steps/s on the engine`,
    );
    expect(yoursRate).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('train with my logisticStep falls back to the engine when the student’s code throws, returns the wrong shape or never returns', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    const points = presetPoints('blobs', 1);
    const signature =
      'export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[]';
    const body = (code: string) => `${signature} {\n  ${code}\n}\n`;
    const trainer = () => lab.evaluate((el) => el.parentElement?.dataset.trainer);
    /** Press `button`; the student's code fails at step n for `why`, and the engine takes it. */
    const fallsBack = async (button: string, n: number, why: string) => {
      await lab.getByRole('button', { name: button, exact: true }).click();
      await expect
        .poll(() => source(lab), { timeout: 20_000 })
        .toBe(
          `The engine’s logisticStep trains the model. Yours could not take step ${n}: ${why} It is tried again when your code changes or you tick the box again.`,
        );
      await expect.poll(async () => (await labStatus(lab)).step).toBeGreaterThanOrEqual(n);
      await expect(trainer()).resolves.toBe('engine');
    };
    await tickWithStoredCode(page, lab, 'logistic-step', body(`throw new Error('not today');`));
    await fallsBack('Step', 1, 'it threw Error: not today.');
    // The engine took that step: the figure went on.
    const one = labStep(ZERO_MODELS, points, 1);
    await expect(weightRow(lab, 0)).resolves.toEqual(one.w.map((v) => formatFixed(v, 3)));
    // New code from another tab: tried again at the next step.
    await storeSolved(page, 'logistic-step', body('return [w[0], w[1]];'));
    await expect.poll(trainer).toBe('yours');
    await fallsBack('Step', 2, 'it returned 2 numbers for 3 weights (bias first).');
    expect((await labStatus(lab)).step).toBe(2);
    const two = labStep(one, points, 1);
    await expect(weightRow(lab, 0)).resolves.toEqual(two.w.map((v) => formatFixed(v, 3)));
    // Never returns, while playing: stopped after 2 s, and the engine plays on.
    await storeSolved(page, 'logistic-step', body('while (true) {}'));
    await expect.poll(trainer).toBe('yours');
    await fallsBack('Play', 3, 'your code ran for more than 2 s — is there an infinite loop?');
    await expect
      .poll(async () => (await labStatus(lab)).step, { timeout: 15_000 })
      .toBeGreaterThan(50);
    await lab.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await close();
  });

  it('train with my logisticStep, many steps a round trip: a function that throws at its 7th call keeps its six steps, then the engine trains on', async () => {
    const { page, errors, close } = await openPage(PATH);
    const lab = await mounted(page.getByRole('region', { name: LAB }));
    // Twice the rate, so its steps are told from the engine's; a counter that lives as long as
    // the module, which is loaded once per round trip.
    const code = `let calls = 0;
export function logisticStep(w: number[], X: number[][], y: number[], lr: number): number[] {
  calls++;
  if (calls === 7) throw new Error('not a seventh time');
  const next = w.slice();
  X.forEach((x, k) => {
    const z = w[0] + w[1] * x[0] + w[2] * x[1];
    const e = 1 / (1 + Math.exp(-z)) - y[k];
    [1, x[0], x[1]].forEach((v, i) => (next[i] -= (2 * lr * e * v) / X.length));
  });
  return next;
}
`;
    await tickWithStoredCode(page, lab, 'logistic-step', code);
    await lab.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => source(lab), { timeout: 20_000 })
      .toBe(
        'The engine’s logisticStep trains the model. Yours could not take step 7: it threw Error: not a seventh time. It is tried again when your code changes or you tick the box again.',
      );
    await expect
      .poll(async () => (await labStatus(lab)).step, { timeout: 15_000 })
      .toBeGreaterThan(20);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await expect(lab.evaluate((el) => el.parentElement?.dataset.trainer)).resolves.toBe('engine');
    // The weights shown are six of the student's steps, then the engine's from there.
    const { step } = await labStatus(lab);
    const points = presetPoints('blobs', 1);
    const X = points.map((p) => [p.x1, p.x2]);
    const y = points.map((p) => p.c);
    let m = ZERO_MODELS;
    for (let t = 0; t < 6; t++) m = { ...labStep(m, points, 1), w: logisticStep(m.w, X, y, 2) };
    for (let t = 6; t < step; t++) m = labStep(m, points, 1);
    let engine = ZERO_MODELS;
    for (let t = 0; t < step; t++) engine = labStep(engine, points, 1);
    const shown = await weightRow(lab, 0);
    expect(shown).toEqual(m.w.map((v) => formatFixed(v, 3)));
    expect(shown).not.toEqual(engine.w.map((v) => formatFixed(v, 3)));
    expect(errors).toEqual([]);
    await close();
  });

  it('BCE or squared error: both runs train from the same wrong start, and the page gives the steps Node computes', async () => {
    const { page, errors, close } = await openPage(PATH);
    const pair = await mounted(page.getByRole('region', { name: PAIR }));
    const status = pair.locator('[data-status]');
    await expect
      .poll(() => status.textContent())
      .toBe('Step 0 · binary cross-entropy 0/40 right · squared error 0/40 right');
    // Rate 4 gets squared error to 95 % in tens of steps; the verdict is final once both have.
    await pair.getByRole('combobox', { name: 'Learning rate' }).selectOption('4');
    const settings = { ...PAIR_DEFAULTS, lr: 4 };
    let node = initialPair(settings);
    while (pairSides(node).some((d) => d.reached === null)) node = advancePair(node, 1);
    const [bce, se] = pairSides(node);
    await pair.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => pair.locator('[data-verdict]').textContent(), { timeout: 20_000 })
      .toBe(pairVerdict(node));
    await pair.getByRole('button', { name: 'Pause' }).click();
    const rows = pair.locator('[data-results] tbody tr');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe(String(bce.reached));
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe(String(se.reached));
    // Both lines on the plane, both curves on the progress plot.
    for (const loss of ['bce', 'squared-error']) {
      await expect.poll(() => pair.locator(`[data-plane] .lp-${loss}`).count()).toBeGreaterThan(0);
      await expect
        .poll(() => pair.locator(`[data-progress-plot] .lp-${loss}`).count())
        .toBeGreaterThan(0);
    }
    // From all zeros both are done after one step, and squared error's gradient is half of BCE's.
    await pair.getByRole('combobox', { name: 'Start' }).selectOption('zero');
    await expect.poll(() => status.textContent()).toMatch(/^Step 0 · /);
    await pair.getByRole('button', { name: 'Step' }).click();
    await expect
      .poll(() => pair.locator('[data-verdict]').textContent())
      .toBe(
        'Binary cross-entropy had 38 of the 40 points right after 1 step; squared error at the same step.',
      );
    const gradients = await pair
      .locator('[data-results] tbody tr td:nth-child(4)')
      .allTextContents();
    const [gb, gs] = pairSides(advancePair(initialPair({ ...settings, start: 'zero' }), 1)).map(
      (d) => d.gradient,
    );
    expect(gradients).toEqual([formatFixed(gb, 4), formatFixed(gs, 4)]);
    expect(errors).toEqual([]);
    await close();
  });

  itChecksThePage(PATH, [LAB, PAIR], async (page) => {
    await page
      .getByRole('region', { name: LAB })
      .getByRole('button', { name: 'Step', exact: true })
      .click();
    await page.getByRole('region', { name: PAIR }).getByRole('button', { name: 'Step' }).click();
  });

  itSolvesEachExercise(PATH, ['two-class-softmax', 'logistic-step']);
});
