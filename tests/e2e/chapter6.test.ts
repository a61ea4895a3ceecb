import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { mounted, seriousAxeViolations, wrongThenRight } from './page-helpers';
import {
  LECTURE_LABEL,
  LECTURE_PREDICTION,
  squaredErrorTable,
} from '../../components/widgets/mnist/mnist-logic';

afterAll(closeBrowser);

const PATH = '06-mnist/';

describe('chapter 6: MNIST', () => {
  it("prints the lecture's worked squared error from the engine", async () => {
    const { page, errors, close } = await openPage(PATH);
    const table = page.getByRole('table', { name: /Squared error of the lecture's prediction/ });
    const squares = await table.locator('tbody td:nth-child(5)').allTextContents();
    const t = squaredErrorTable(LECTURE_PREDICTION, LECTURE_LABEL);
    expect(squares).toEqual(t.rows.map((r) => r.squared.toFixed(2)));
    expect(await table.locator('tfoot td').last().textContent()).toBe('1.19');
    expect(await table.locator('tfoot td').first().textContent()).toBe('2.7');
    expect(errors).toEqual([]);
    await close();
  });

  it('the digit browser loads real digits lazily, filters by label and reads out pixels', async () => {
    const { page, errors, close } = await openPage(PATH);
    // Nothing is fetched before the widget comes near the viewport.
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.waitForTimeout(300);
    expect(fetched.filter((u) => u.includes('mnist.bin'))).toEqual([]);
    const widget = page.getByRole('region', { name: 'Browse real MNIST digits' });
    await expect(widget.getByRole('status').textContent()).resolves.toMatch(/load when/);
    await mounted(widget);
    const grid = widget.getByRole('group', { name: 'Held-out digits on this page' });
    await expect.poll(() => grid.getByRole('button').count(), { timeout: 20_000 }).toBe(40);
    expect(fetched.some((u) => u.endsWith('data/mnist.bin'))).toBe(true);
    await widget.getByLabel('Show').selectOption('7');
    await expect
      .poll(() => grid.getByRole('button').first().getAttribute('aria-label'))
      .toMatch(/^A 7 /);
    expect(await widget.locator('[data-page]').textContent()).toMatch(
      /^Page 1 of \d+ \(\d+ held-out 7s\)$/,
    );
    await widget.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => widget.locator('[data-page]').textContent()).toMatch(/^Page 2 of/);
    await grid.getByRole('button').nth(3).click();
    // The one-hot label follows the chosen digit.
    const hot = await widget.locator('[data-onehot] tbody td').allTextContents();
    expect(hot).toEqual(['0', '0', '0', '0', '0', '0', '0', '1', '0', '0']);
    // Keyboard: the big image moves its cursor with the arrow keys and reads values out.
    const big = widget.getByRole('group', { name: /^A 7, enlarged/ });
    await big.focus();
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => widget.locator('[data-readout]').textContent())
      .toMatch(/^A 7\. Pixel in row 13, column 14 = \d\.\d\d; it is entry x₃₇₉ of the vector\.$/);
    expect(await widget.locator('[data-vector] .is-cursor').count()).toBe(1);
    expect(await widget.locator('[data-vector] span').count()).toBe(784);
    expect(errors).toEqual([]);
    await close();
  });

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const { page, errors, close } = await openPage(PATH, { width: 360, height: 740 });
    await mounted(page.getByRole('region', { name: 'Browse real MNIST digits' }));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('has no serious accessibility violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await openPage(PATH, { colorScheme });
      const widget = await mounted(page.getByRole('region', { name: 'Browse real MNIST digits' }));
      await expect
        .poll(
          () =>
            widget
              .getByRole('group', { name: 'Held-out digits on this page' })
              .getByRole('button')
              .count(),
          {
            timeout: 20_000,
          },
        )
        .toBe(40);
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it.each(['one-hot', 'squared-error', 'accuracy'])(
    'exercise %s: a wrong answer gets its specific message, the right one is solved',
    async (id) => {
      const { page, errors, close } = await openPage(PATH);
      await wrongThenRight(page, id);
      expect(errors).toEqual([]);
      await close();
    },
  );
});
