/**
 * Page-level helpers shared by the browser tests: lazily loaded widgets, exercise editors,
 * wrong-then-right exercise walks, SVG snapshots and axe scans.
 */
import { readFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { withheldMessage } from '../../src/notebook/core/withheld';
import { getExercise } from '../../src/notebook/exercises/index';
import { engineTwinAttacks } from '../notebook/wrong-answers';

/**
 * Scroll a widget into view and wait until its behaviour has loaded (widgets load lazily,
 * near the viewport, and mark themselves with data-ready).
 */
export async function mounted(widget: Locator): Promise<Locator> {
  await widget.scrollIntoViewIfNeeded();
  await expect
    .poll(() => widget.evaluate((el) => el.parentElement?.hasAttribute('data-ready') ?? false))
    .toBe(true);
  return widget;
}

/** Replace the code in an exercise's editor (loading the editor first). */
export async function setCode(page: Page, exercise: Locator, code: string): Promise<void> {
  await exercise.locator('.nb-editor-host').click();
  const content = exercise.locator('.cm-content');
  await content.waitFor();
  await content.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/**
 * Answer an exercise with the engine's own function (refused, saying what to write), then
 * wrong (its first named misconception) and then right (the reference solution), checking the
 * page's messages for each.
 */
export async function wrongThenRight(page: Page, id: string): Promise<void> {
  const ex = getExercise(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  const mistake = ex.misconceptions[0];
  const exercise = page.getByRole('region', { name: `Exercise: ${ex.title}` });
  await exercise.scrollIntoViewIfNeeded();
  const feedback = exercise.locator('.nb-feedback');
  const twin = engineTwinAttacks(ex)[0];
  await setCode(page, exercise, twin.source);
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect
    .poll(() => exercise.innerText(), { timeout: 15_000 })
    .toContain(withheldMessage(ex.withholding, ex.withholding.names[0]));
  await setCode(page, exercise, mistake.example);
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect
    .poll(() => feedback.innerText(), { timeout: 15_000 })
    .toContain(`Likely mistake — ${mistake.title}`);
  expect(await feedback.innerText()).toMatch(new RegExp(`\\d+ of ${ex.checks.length} checks pass`));
  const solution = readFileSync(`src/notebook/exercises/solutions/${id}.ts`, 'utf8');
  await setCode(page, exercise, solution);
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect
    .poll(() => feedback.innerText(), { timeout: 15_000 })
    .toContain(`Solved — all ${ex.checks.length} checks pass.`);
  await expect(exercise.locator('.nb-ex-status').innerText()).resolves.toBe('Solved');
}

/** A figure's SVG markup with numbers rounded to 3 decimals, for file snapshots (as Plot's tests do). */
export async function svgSnapshot(figure: Locator): Promise<string> {
  const html = await figure
    .locator('svg')
    .first()
    .evaluate((svg) => svg.outerHTML);
  return `${html
    // Raster images are PNG data URLs whose bytes depend on the browser's encoder.
    .replace(/href="data:[^"]*"/g, 'href="data:…"')
    .replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(3))))
    .replace(/></g, '>\n<')}\n`;
}

export async function seriousAxeViolations(page: Page) {
  await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
