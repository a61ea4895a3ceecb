import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import { itChecksThePage, mounted, wrongThenRight } from './page-helpers';
import { ZERO_MODELS, labStep, presetPoints } from '../../components/widgets/logistic/lab-logic';
import { formatFixed } from '../../src/lib/format-number';
import { exercises } from '../../src/notebook/exercises/index';
import { lessonFiles } from '../lesson-files';

afterAll(closeBrowser);

const PATH = '09-logistic-regression/';
const LAB = 'Logistic regression lab';

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

  itChecksThePage(PATH, [LAB], async (page) => {
    await page
      .getByRole('region', { name: LAB })
      .getByRole('button', { name: 'Step', exact: true })
      .click();
  });

  it.each(['two-class-softmax', 'logistic-step'])(
    'exercise %s: a wrong answer gets its specific message, the right one is solved',
    async (id) => {
      const { page, errors, close } = await openPage(PATH);
      await wrongThenRight(page, id);
      expect(errors).toEqual([]);
      await close();
    },
  );
});
