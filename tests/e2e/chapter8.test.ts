import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import {
  itChecksThePage,
  itSolvesEachExercise,
  mounted,
  seriousAxeViolations,
} from './page-helpers';
import { wrongLogitGradients } from '../../components/widgets/softmax/softmax-logic';
import { formatFixed } from '../../src/lib/format-number';
import { SWITCH_DEFAULTS } from '../../components/widgets/mnist/switch-state';
import { stepsTo } from '../widgets/loss-switch-run';

afterAll(closeBrowser);

const PATH = '08-cross-entropy/';
const FIGURE = 'The gradient at a wrong class’s logit';
const SWITCH = 'Squared error or cross-entropy on MNIST';

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

  it('the loss switch trains both runs in workers, each at its own learning rate; cross-entropy reaches the target first, at the step Node computes', async () => {
    const { page, errors, close } = await openPage(PATH);
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/data/')) fetched.push(r.url().replace(/^.*\/data\//, ''));
    });
    const widget = await mounted(page.getByRole('region', { name: SWITCH }));
    // Nothing is fetched or trained until Start.
    await expect
      .poll(() => widget.locator('[data-status]').textContent())
      .toMatch(/^Ready: two 784-32-10 networks from seed 1, learning rate 1, /);
    expect(fetched).toEqual([]);
    // Squared error gets a larger step than cross-entropy: each worker trains at its own rate.
    const settings = { ...SWITCH_DEFAULTS, lrSquaredError: 3 };
    await widget
      .getByRole('combobox', { name: 'Learning rate, squared error' })
      .selectOption(String(settings.lrSquaredError));
    await expect
      .poll(() => widget.locator('[data-status]').textContent())
      .toMatch(/ learning rates 3 \(squared error\) and 1 \(cross-entropy\), 5 epochs each/);
    await widget.getByRole('button', { name: 'Start both' }).click();
    await expect
      .poll(() => widget.getByRole('button', { name: 'Train again' }).count(), { timeout: 120_000 })
      .toBe(1);
    // Both files once, though two workers train on them.
    expect(fetched.sort()).toEqual(['mnist-test.bin', 'mnist-train.bin']);
    const ce = stepsTo(settings, 'cross-entropy');
    const se = stepsTo(settings, 'squared-error');
    expect(ce).not.toBeNull();
    expect(se).not.toBeNull();
    // The page's runs are the engine's runs: the same steps to 90 % as the Node replay.
    const rows = widget.locator('[data-results] tbody tr');
    await expect
      .poll(() => rows.nth(0).locator('th').innerText())
      .toBe('sigmoid + squared error\nlearning rate 3');
    expect(await rows.nth(1).locator('th').innerText()).toBe(
      'softmax + cross-entropy\nlearning rate 1',
    );
    await expect
      .poll(() => rows.nth(0).locator('td').first().textContent())
      .toBe(se!.toLocaleString('en'));
    await expect
      .poll(() => rows.nth(1).locator('td').first().textContent())
      .toBe(ce!.toLocaleString('en'));
    await expect
      .poll(() => widget.locator('[data-verdict]').textContent())
      .toBe(
        `Softmax + cross-entropy (learning rate 1) reached a held-out accuracy of 90 % after ${ce} steps; ` +
          `sigmoid + squared error (learning rate 3) after ${se} steps, ${(se! / ce!).toFixed(1)} times as many.`,
      );
    // Both curves on one plot, the target line and a dot per crossing.
    const acc = widget.locator('[data-acc-plot] svg');
    await expect
      .poll(() => acc.locator('path.ls-squared-error, .ls-squared-error path').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => acc.locator('path.ls-cross-entropy, .ls-cross-entropy path').count())
      .toBeGreaterThan(0);
    await expect.poll(() => acc.locator('.ls-target').count()).toBe(1);
    await expect
      .poll(() => acc.locator('.ls-cross-entropy circle, circle.ls-cross-entropy').count())
      .toBe(1);
    expect(await acc.getAttribute('aria-label')).toMatch(
      new RegExp(`first at or above the target after ${ce} steps`),
    );
    const loss = widget.locator('[data-loss-plot] svg');
    expect(await loss.getAttribute('aria-label')).toMatch(
      /sigmoid \+ squared error: latest .*softmax \+ cross-entropy: latest/,
    );

    // A new target rereads the same runs without training again.
    await widget.getByRole('combobox', { name: 'Target accuracy' }).selectOption('0.8');
    await expect
      .poll(() => rows.nth(1).locator('td').first().textContent())
      .toBe(stepsTo({ ...settings, target: 0.8 }, 'cross-entropy')!.toLocaleString('en'));
    await expect.poll(() => widget.getByRole('button', { name: 'Train again' }).count()).toBe(1);
    // Any other setting starts over.
    await widget.getByRole('combobox', { name: 'Hidden units' }).selectOption('16');
    await expect
      .poll(() => widget.locator('[data-status]').textContent())
      .toMatch(/^Ready: two 784-16-10 networks/);
    await expect.poll(() => rows.nth(1).locator('td').first().textContent()).toBe('–');

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
    }
    expect(errors).toEqual([]);
    await close();
  });

  itChecksThePage(PATH, [FIGURE, SWITCH]);

  itSolvesEachExercise(PATH, ['cross-entropy', 'cross-entropy-from-logits', 'softmax-ce-gradient']);
});
