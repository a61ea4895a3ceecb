import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import { itChecksThePage, itSolvesEachExercise, mounted, settledSvg } from './page-helpers';
import { batchData, batchView } from '../../components/widgets/batch/batch-logic';
import { entryText } from '../../components/widgets/batch/batch-html';
import { straightness } from '../../components/widgets/stacking/stacking-logic';

afterAll(closeBrowser);

const PATH = '05-linear-layer/';
const BATCH = 'The batch product Z = XWᵀ + b';
const STACK = 'Stacking layers, with and without an activation';

/**
 * The decision boundary as drawn: the points of the figure's contour path (in SVG pixels),
 * without those on the frame, where the contour polygon closes along the plot's edge.
 */
async function drawnBoundary(widget: Locator): Promise<[number, number][]> {
  const d = await widget.locator('.st-boundary path').first().getAttribute('d');
  const nums = (d ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const pts: [number, number][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i], nums[i + 1]]);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const inside = (v: number, lo: number, hi: number) => v > lo + 0.5 && v < hi - 0.5;
  return pts.filter(([x, y]) => inside(x, x0, x1) && inside(y, y0, y1));
}

async function trainFor(widget: Locator, epochs: number) {
  for (let e = 0; e < epochs; e += 100) {
    await widget.getByRole('button', { name: 'Train 100 epochs' }).click();
  }
  await expect
    .poll(async () => (await widget.locator('[data-status]').textContent()) ?? '')
    .toMatch(new RegExp(`^Epoch ${epochs.toLocaleString('en')} `));
}

describe('chapter 5: the linear layer', () => {
  it('focusing an entry of Z lights its row of X, its column of Wᵀ and its bias', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: BATCH }));
    const view = batchView(batchData(2), { batch: 3, xCols: 2, units: 2, wCols: 2 });
    await widget.getByRole('cell', { name: 'Z row 3, column 2' }).focus();
    await expect
      .poll(() => widget.locator('[data-explain]').textContent())
      .toBe(entryText(view, 2, 1));
    expect(await widget.locator('[data-xrow="2"].is-lit').count()).toBe(2);
    expect(await widget.locator('[data-xrow].is-lit').count()).toBe(2);
    expect(await widget.locator('[data-wcol="1"].is-lit').count()).toBe(2);
    expect(await widget.locator('[data-bcol="1"].is-lit').count()).toBe(1);
    // Hover works too.
    await widget.getByRole('cell', { name: 'Z row 1, column 1' }).hover();
    await expect
      .poll(() => widget.locator('[data-explain]').textContent())
      .toBe(entryText(view, 0, 0));
    expect(errors).toEqual([]);
    await close();
  });

  it('resizes the batch and the layer, and shows a shape mismatch instead of failing', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: BATCH }));
    await widget.getByLabel('Batch size B (rows of X)', { exact: true }).selectOption('4');
    await widget.getByLabel('Output units m (rows of W)', { exact: true }).selectOption('3');
    await widget.getByLabel('Features (columns of X)', { exact: true }).selectOption('3');
    await expect.poll(() => widget.locator('[data-cell]').count()).toBe(12);
    await expect(widget.locator('[data-shape="Z"]').textContent()).resolves.toBe('4 × 3');
    await expect(widget.locator('[data-shape="Wᵀ"]').textContent()).resolves.toBe('3 × 3');
    // Inputs per unit set apart from the features: no product, a sentence why.
    await widget.getByLabel('Inputs per unit (columns of W)', { exact: true }).selectOption('2');
    await expect
      .poll(() => widget.getByRole('note').textContent())
      .toMatch(/^X·Wᵀ is not defined: X has 3 columns but Wᵀ has 2 rows/);
    expect(await widget.locator('[data-cell]').count()).toBe(0);
    await expect(widget.locator('[data-shape="X"]').getAttribute('class')).resolves.toBe('is-bad');
    await widget.getByLabel('Inputs per unit (columns of W)', { exact: true }).selectOption('3');
    await expect.poll(() => widget.locator('[data-cell]').count()).toBe(12);
    expect(errors).toEqual([]);
    await close();
  });

  it('without an activation the drawn boundary stays straight with more layers; with the sigmoid it bends', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STACK }));
    await widget.getByLabel('Hidden layers', { exact: true }).selectOption('3');
    await widget.getByLabel('Units per hidden layer', { exact: true }).selectOption('8');
    await trainFor(widget, 300);
    const straight = await drawnBoundary(widget);
    expect(straight.length).toBeGreaterThan(5);
    // Within a pixel of one line (the path's coordinates are rounded by Plot).
    expect(straightness(straight)).toBeLessThan(1);
    await expect(widget.locator('[data-verdict]').textContent()).resolves.toMatch(
      /^The boundary is a straight line/,
    );
    await widget.getByLabel('Hidden activation', { exact: true }).selectOption('sigmoid');
    await widget.getByLabel('Hidden layers', { exact: true }).selectOption('1');
    await widget.getByLabel('Units per hidden layer', { exact: true }).selectOption('4');
    await trainFor(widget, 600);
    expect(straightness(await drawnBoundary(widget))).toBeGreaterThan(20);
    await expect(widget.locator('[data-verdict]').textContent()).resolves.toMatch(
      /^The boundary bends/,
    );
    await expect(widget.locator('[data-status]').textContent()).resolves.toMatch(
      /100% of points right/,
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('Play trains in the page and pauses', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STACK }));
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () =>
        Number(
          /Epoch ([\d,]+)/
            .exec((await widget.locator('[data-status]').textContent()) ?? '')?.[1]
            .replace(/,/g, ''),
        ),
      )
      .toBeGreaterThan(50);
    await widget.getByRole('button', { name: 'Pause' }).click();
    await expect(
      widget.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    expect(errors).toEqual([]);
    await close();
  });

  it('draws the untrained network’s plane as in its snapshot', async () => {
    const { page, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STACK }));
    await expect(settledSvg(widget.locator('[data-plane]'))).resolves.toMatchFileSnapshot(
      '../widgets/__snapshots__/stacking-untrained.svg',
    );
    await close();
  });

  itSolvesEachExercise(PATH, ['linear-batch', 'count-parameters', 'collapse-linear']);

  itChecksThePage(PATH, [BATCH, STACK], async (page) => {
    await page
      .getByRole('region', { name: STACK })
      .getByRole('button', { name: 'Train 100 epochs' })
      .click();
  });
});
