import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { mounted, seriousAxeViolations, wrongThenRight } from './page-helpers';
import { wrongLogitGradients } from '../../components/widgets/softmax/softmax-logic';
import { formatFixed } from '../../src/lib/format-number';

afterAll(closeBrowser);

const PATH = '08-cross-entropy/';
const FIGURE = 'The gradient at a wrong class’s logit';

describe('chapter 8: cross-entropy', () => {
  it('the gradient comparison: squared error’s gradient vanishes, cross-entropy’s does not', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: FIGURE }));
    await expect.poll(() => widget.locator('svg').count()).toBe(1);
    const slider = widget.getByRole('slider', { name: /Wrong class’s logit/ });
    await slider.fill('0');
    const small = wrongLogitGradients(0);
    await expect
      .poll(() => widget.locator('[data-se-grad]').textContent())
      .toBe(formatFixed(small.squared, 4));
    await slider.fill('12');
    const large = wrongLogitGradients(12);
    await expect
      .poll(() => widget.locator('[data-ce-grad]').textContent())
      .toBe(formatFixed(large.crossEntropy, 4));
    await expect(widget.locator('[data-se-grad]').textContent()).resolves.toBe(
      formatFixed(large.squared, 4),
    );
    // What the page says the student sees: one gradient vanishes, the other tends to 1.
    expect(large.squared).toBeLessThan(small.squared / 100);
    expect(large.crossEntropy).toBeGreaterThan(0.99);
    expect(errors).toEqual([]);
    await close();
  });

  it('has no serious accessibility violations, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await openPage(PATH, { colorScheme });
      await mounted(page.getByRole('region', { name: FIGURE }));
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('fits a phone: no horizontal scrolling', async () => {
    const { page, errors, close } = await openPage(PATH, { width: 375, height: 800 });
    await mounted(page.getByRole('region', { name: FIGURE }));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(['cross-entropy', 'cross-entropy-from-logits', 'softmax-ce-gradient'])(
    'exercise %s: a wrong answer gets its specific message, the right one is solved',
    async (id) => {
      const { page, errors, close } = await openPage(PATH);
      await wrongThenRight(page, id);
      expect(errors).toEqual([]);
      await close();
    },
  );
});
