import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { itChecksThePage, mounted, wrongThenRight } from './page-helpers';
import { explorerView, lossesAt } from '../../components/widgets/softmax/softmax-logic';
import { formatFixed, formatNumber as formatN } from '../../src/lib/format-number';

afterAll(closeBrowser);

const PATH = '07-softmax/';
const EXPLORER = 'Softmax explorer';

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

  itChecksThePage(PATH, [EXPLORER, 'Squared error and cross-entropy for one output']);

  it('exercise softmax: a wrong answer gets its specific message, the right one is solved', async () => {
    const { page, errors, close } = await openPage(PATH);
    await wrongThenRight(page, 'softmax');
    expect(errors).toEqual([]);
    await close();
  });
});
