/**
 * Page-level helpers shared by the browser tests: lazily loaded widgets, exercise editors,
 * wrong-then-right exercise walks, progress written as another tab would, SVG snapshots, axe
 * scans and the checks every chapter page gets.
 */
import { readFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage, siteUrl } from './browser';
import { STORAGE_KEY } from '../../src/notebook/progress-store';
import { withheldMessage } from '../../src/notebook/core/withheld';
import { getExercise } from '../../src/notebook/exercises/index';
import { solvedRecord } from '../../scripts/solved-record';
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

/** Type code into an exercise and press Check; wait for the summary line. */
export async function submitCode(page: Page, id: string, code: string): Promise<Locator> {
  const ex = getExercise(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  const exercise = page.getByRole('region', { name: `Exercise: ${ex.title}` });
  await exercise.scrollIntoViewIfNeeded();
  await setCode(page, exercise, code);
  await exercise.getByRole('button', { name: 'Check', exact: true }).click();
  await expect
    .poll(() => exercise.locator('.nb-feedback').innerText(), { timeout: 15_000 })
    .toMatch(/checks pass/);
  return exercise;
}

/**
 * Solve exercise `id` in the page with `code`, for a figure with a "Your code" box
 * (components/widgets/YourCode.astro): before, its switch is disabled and the box links to the
 * exercise; after, the switch is enabled, named `switchName`, and the link gone. Returns the
 * switch.
 */
export async function solveForFigure(
  page: Page,
  figure: Locator,
  id: string,
  code: string,
  switchName: string,
): Promise<Locator> {
  const box = figure.locator('.wg-mine');
  const toggle = yourCodeSwitch(figure);
  await expect(toggle.isDisabled()).resolves.toBe(true);
  const link = box.getByRole('link', { name: `“${getExercise(id)?.title}”` });
  await expect(link.getAttribute('href')).resolves.toBe(`#nb-title-${id}`);
  const exercise = await submitCode(page, id, code);
  await expect(exercise.locator('.nb-ex-status').innerText()).resolves.toBe('Solved');
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => toggle.isDisabled()).toBe(false);
  await expect(link.isVisible()).resolves.toBe(false);
  // The figure hears of the solve through the progress store and redraws on the next frame.
  await expect.poll(() => figure.getByRole('checkbox', { name: switchName }).count()).toBe(1);
  return toggle;
}

/** The switch of a figure's "Your code" box (components/widgets/YourCode.astro). */
export const yourCodeSwitch = (figure: Locator) => figure.locator('.wg-mine').getByRole('checkbox');

/**
 * Give a figure's "Your code" box code the checks would never pass (one that throws, say):
 * store it as solved from another tab (`storeSolved`), wait for the switch to be enabled, and
 * tick it. Returns the switch.
 */
export async function tickWithStoredCode(
  page: Page,
  figure: Locator,
  id: string,
  code: string,
): Promise<Locator> {
  await storeSolved(page, id, code);
  const toggle = yourCodeSwitch(figure);
  await expect.poll(() => toggle.isDisabled()).toBe(false);
  await toggle.check();
  return toggle;
}

/**
 * Store `code` as the solved answer to exercise `id`, written to localStorage from a second
 * tab of the same browser context, as the student's other tab would: the page under test sees
 * a `storage` event, so this also proves its figures re-read the code on progress changes.
 * (A way to give a figure code that throws or misbehaves, which the checks would not pass.)
 */
export async function storeSolved(page: Page, id: string, code: string): Promise<void> {
  const record = solvedRecord(id, code);
  const tab = await page.context().newPage();
  await tab.goto(siteUrl(''));
  await tab.evaluate(
    ({ key, id, record }) => {
      const parsed = JSON.parse(localStorage.getItem(key) ?? 'null') as {
        exercises?: Record<string, unknown>;
      } | null;
      const progress = parsed ?? { schema: 1, cells: {}, exercises: {} };
      progress.exercises = { ...progress.exercises, [id]: record };
      localStorage.setItem(key, JSON.stringify(progress));
    },
    { key: STORAGE_KEY, id, record },
  );
  await tab.close();
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

/**
 * The figure's snapshot once it has stopped changing (a late resize or font swap redraws it),
 * so the comparison sees the settled picture.
 */
export async function settledSvg(figure: Locator): Promise<string> {
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await svgSnapshot(figure);
        const same = now === previous;
        previous = now;
        return same;
      },
      { interval: 300, timeout: 10_000 },
    )
    .toBe(true);
  return previous;
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

/**
 * One test per exercise on the chapter page at `path`: the engine's twin is refused, a wrong
 * answer gets its specific message and the reference is solved (`wrongThenRight`), with no
 * error logged.
 */
export function itSolvesEachExercise(path: string, ids: readonly string[]): void {
  it.each(ids)(
    'exercise %s: a wrong answer gets its specific message, the right one is solved',
    async (id) => {
      const { page, errors, close } = await openPage(path);
      await wrongThenRight(page, id);
      expect(errors).toEqual([]);
      await close();
    },
  );
}

/**
 * The checks every chapter page gets, as two tests: with the named widgets mounted (and
 * `prepare` run to put them in a state worth scanning), no serious axe violations in the light
 * and the dark theme; and at phone width (360 px) nothing scrolls sideways. Neither may log
 * an error.
 */
export function itChecksThePage(
  path: string,
  widgets: readonly string[],
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): void {
  const open = async (options: Parameters<typeof openPage>[1]) => {
    const opened = await openPage(path, options);
    for (const name of widgets) await mounted(opened.page.getByRole('region', { name }));
    await prepare(opened.page);
    return opened;
  };
  it('has no serious accessibility violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await open({ colorScheme });
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });
  it('fits a phone (360 px): nothing scrolls sideways', async () => {
    const { page, errors, close } = await open({ width: 360, height: 740 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await close();
  });
}

/** The progress backups the store has written in this page's storage (their values). */
export function storedBackups(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('dnn-workbook:progress:backup:'))
      .map((k) => localStorage.getItem(k)),
  );
}
