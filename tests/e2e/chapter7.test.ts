import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import type { Locator } from 'playwright-core';
import {
  itChecksThePage,
  itSolvesEachExercise,
  mounted,
  solveForFigure,
  storeSolved,
  tickWithStoredCode,
} from './page-helpers';
import { explorerView, lossesAt } from '../../components/widgets/softmax/softmax-logic';
import { softmax } from '../../src/engine';
import { formatFixed, formatNumber as formatN } from '../../src/lib/format-number';

afterAll(closeBrowser);

const PATH = '07-softmax/';
const EXPLORER = 'Softmax explorer';

/**
 * A correct softmax written differently from the engine's (log-sum-exp, a plain loop) that
 * adds 2e-13 to every probability: within the checks' tolerance, and a difference the figure
 * reports only if it really draws this function's values.
 */
const LOG_SUM_EXP = `export function softmax(logits: number[]): number[] {
  let max = -Infinity;
  for (const z of logits) if (z > max) max = z;
  let total = 0;
  for (const z of logits) total += Math.exp(z - max);
  const lse = max + Math.log(total);
  const out: number[] = [];
  for (let i = 0; i < logits.length; i++) out.push(Math.exp(logits[i] - lse) + 2e-13);
  return out;
}
`;

const source = (widget: Locator) => widget.locator('[data-source]').textContent();
/** How the table prints LOG_SUM_EXP's values for logits z. */
const printed = (z: number[]) => softmax(z).map((p) => formatN(p + 2e-13));
const shown = (widget: Locator, row: string) =>
  widget.locator(`${row} td:not([hidden])`).allTextContents();

describe('chapter 7: softmax', () => {
  it('the explorer: softmax sums to one, sigmoids do not, and a slider moves both', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: EXPLORER }));
    const start = explorerView([2, 1, 0.5, -1], 1);
    await expect(widget.locator('[data-softmax-sum]').textContent()).resolves.toBe('1.000');
    await expect(widget.locator('[data-sigmoid-sum]').textContent()).resolves.toBe(
      formatFixed(start.sigmoidSum, 3),
    );
    // Both bar charts are drawn with one bar per class.
    await expect.poll(() => widget.locator('[data-softmax-plot] svg rect').count()).toBe(4);
    // Six classes: two more sliders and bars; the new logits come from the defaults.
    await widget.getByLabel('Classes').selectOption('6');
    await expect.poll(() => widget.locator('[data-softmax-plot] svg rect').count()).toBe(6);
    await expect(widget.getByRole('slider', { name: 'z5' }).isVisible()).resolves.toBe(true);
    // Moving z4 to the top makes class 4 the most likely; the order line follows.
    const z4 = widget.getByRole('slider', { name: 'z4' });
    await z4.fill('5');
    await expect
      .poll(() => widget.locator('[data-order]').textContent())
      .toBe('Largest logit: class 4; largest probability: class 4. The order is kept.');
    const view = explorerView([2, 1, 0.5, 5, 0.3, -0.5], 1);
    await expect(widget.locator('[data-softmax-sum]').textContent()).resolves.toBe(
      formatFixed(view.softmaxSum, 3),
    );
    await expect(widget.locator('[data-sigmoid-sum]').textContent()).resolves.toBe(
      formatFixed(view.sigmoidSum, 3),
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('temperature sharpens or flattens the probabilities', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: EXPLORER }));
    const stable = widget.locator('[data-stable-row] td').first();
    await widget.getByRole('slider', { name: 'Temperature T' }).fill('0.25');
    const sharp = explorerView([2, 1, 0.5, -1], 0.25).softmax[0];
    await expect.poll(() => stable.textContent()).toBe(formatN(sharp));
    await widget.getByRole('slider', { name: 'Temperature T' }).fill('4');
    const flat = explorerView([2, 1, 0.5, -1], 4).softmax[0];
    await expect.poll(() => stable.textContent()).toBe(formatN(flat));
    expect(flat).toBeLessThan(sharp);
    expect(errors).toEqual([]);
    await close();
  });

  it('"make one logit huge": the naive form gives NaN, the shifted one stays finite', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: EXPLORER }));
    await expect(widget.locator('[data-naive-row] td').allTextContents()).resolves.not.toContain(
      'NaN',
    );
    await widget.getByRole('button', { name: 'Make one logit huge' }).click();
    await expect
      .poll(() => widget.locator('[data-naive-row] td').first().textContent())
      .toBe('NaN');
    const shifted = await widget.locator('[data-stable-row] td:not([hidden])').allTextContents();
    expect(shifted).toEqual(explorerView([1000, 1, 0.5, -1], 1).softmax.map(formatN));
    expect(shifted[0]).toBe('1');
    await expect(widget.locator('[data-overflow]').textContent()).resolves.toMatch(
      /overflow to Infinity, so the naive form gives NaN/,
    );
    await expect(widget.locator('[data-softmax-sum]').textContent()).resolves.toBe('1.000');
    await widget.getByRole('button', { name: 'Reset' }).click();
    await expect
      .poll(() => widget.locator('[data-naive-row] td').first().textContent())
      .not.toBe('NaN');
    expect(errors).toEqual([]);
    await close();
  });

  it('the squared-error figure shows both losses and gradients at the chosen p̂', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Squared error and cross-entropy for one output' }),
    );
    await widget.getByRole('slider', { name: /Prediction p̂/ }).fill('0.01');
    const at = lossesAt(0.01);
    await expect
      .poll(() => widget.locator('[data-ce]').textContent())
      .toBe(formatFixed(at.crossEntropy, 4));
    await expect(widget.locator('[data-se]').textContent()).resolves.toBe(
      formatFixed(at.squared, 4),
    );
    // The lecture's bounds: squared error below 1, its gradient below 2 in size.
    expect(at.squared).toBeLessThan(1);
    expect(Math.abs(at.squaredGrad)).toBeLessThan(2);
    expect(at.crossEntropy).toBeGreaterThan(4);
    await expect.poll(() => widget.locator('svg').count()).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('run on my softmax: the student’s own function draws the bars, with T and a huge logit', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: EXPLORER }));
    const mine = await solveForFigure(page, widget, 'softmax', LOG_SUM_EXP, 'Run on my softmax');
    await expect
      .poll(() => source(widget))
      .toBe('Bars from the engine’s softmax. Tick the box to draw them with yours.');
    await mine.check();
    const yours =
      /^Bars from your softmax, run in the exercise worker \((\d+) ms\)\. Largest difference from the engine’s softmax: 2\.0e-13\.$/;
    await expect.poll(() => source(widget), { timeout: 15_000 }).toMatch(yours);
    await expect(widget.evaluate((el) => el.parentElement?.dataset.bars)).resolves.toBe('yours');
    // The table's extra row shows the student's values.
    const z = [2, 1, 0.5, -1];
    expect(await shown(widget, '[data-yours-row]')).toEqual(printed(z));
    // The temperature reaches the student's function as z / T: had it been handed z, the
    // difference from the engine's softmax(z / T) would be large, not 2e-13.
    await widget.getByRole('slider', { name: 'Temperature T' }).fill('0.5');
    const sharp = printed(z.map((v) => v / 0.5));
    await expect.poll(() => shown(widget, '[data-yours-row]')).toEqual(sharp);
    await expect.poll(() => source(widget)).toMatch(yours);
    // A huge logit: the student's shifted softmax stays finite, like the engine's.
    await widget.getByRole('button', { name: 'Make one logit huge' }).click();
    await expect.poll(() => shown(widget, '[data-yours-row]')).toEqual(printed([2000, 2, 1, -2]));
    await expect.poll(() => source(widget)).toMatch(yours);
    await expect(widget.locator('[data-softmax-sum]').textContent()).resolves.toBe('1.000');
    const ms = Number(await widget.evaluate((el) => el.parentElement?.dataset.mineMs));
    console.log(`softmax explorer: worker round trip for the student's softmax ${ms} ms`);
    // Unticked: the engine's bars again, and it says so.
    await mine.uncheck();
    await expect
      .poll(() => source(widget))
      .toBe('Bars from the engine’s softmax. Tick the box to draw them with yours.');
    await expect(widget.locator('[data-yours-row]').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('run on my softmax falls back to the engine when the student’s code throws, returns the wrong shape or never returns', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: EXPLORER }));
    const engineBars = async () => {
      await expect.poll(() => widget.locator('[data-softmax-plot] svg rect').count()).toBe(4);
      await expect(widget.locator('[data-yours-row]').isHidden()).resolves.toBe(true);
      await expect(widget.locator('[data-softmax-sum]').textContent()).resolves.toBe('1.000');
    };
    const body = (code: string) =>
      `export function softmax(logits: number[]): number[] {\n  ${code}\n}\n`;
    const fellBack = (why: string) =>
      expect
        .poll(() => source(widget), { timeout: 20_000 })
        .toBe(`Bars from the engine’s softmax. Yours could not be used: ${why}`);
    await tickWithStoredCode(page, widget, 'softmax', body(`throw new Error('not today');`));
    await fellBack('it threw Error: not today. It is tried again when the logits change.');
    await engineBars();
    // New code from another tab is picked up without touching the figure.
    await storeSolved(page, 'softmax', body('return logits.slice(1);'));
    await fellBack('it returned 3 numbers for 4 logits. It is tried again when the logits change.');
    await engineBars();
    // The naive form: fine here, NaN at a huge logit — shown and explained, not a crash.
    await storeSolved(
      page,
      'softmax',
      `export function softmax(logits: number[]): number[] {
  const e = logits.map((z) => Math.exp(z));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
`,
    );
    await expect
      .poll(() => source(widget), { timeout: 15_000 })
      .toMatch(/^Bars from your softmax, .* Largest difference from the engine’s softmax: /);
    await widget.getByRole('button', { name: 'Make one logit huge' }).click();
    await expect
      .poll(() => source(widget), { timeout: 15_000 })
      .toMatch(
        /It gives NaN for class 1 here \(the largest z \/ T is 1000\): e\^z overflows unless the largest logit is subtracted first\. Those bars are drawn at 0\.$/,
      );
    await expect(shown(widget, '[data-yours-row]')).resolves.toEqual(['NaN', '0', '0', '0']);
    await expect.poll(() => widget.locator('[data-softmax-plot] svg rect').count()).toBe(4);
    // Never returns: stopped after 2 s, and not retried on every slider move.
    await storeSolved(page, 'softmax', body('while (true) {}'));
    const stalled =
      'your code ran for more than 2 s — is there an infinite loop? It is tried again when your code changes or you tick the box again.';
    await fellBack(stalled);
    await widget.getByRole('button', { name: 'Reset' }).click();
    await engineBars();
    await expect(source(widget)).resolves.toMatch(new RegExp(`${stalled.slice(-30)}$`));
    expect(errors).toEqual([]);
    await close();
  });

  itChecksThePage(PATH, [EXPLORER, 'Squared error and cross-entropy for one output']);

  itSolvesEachExercise(PATH, ['softmax']);
});
