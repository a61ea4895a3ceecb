import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import { itSolvesEachExercise, mounted, seriousAxeViolations, svgSnapshot } from './page-helpers';
import { XOR_STEP_NET, setNetWeight, stepNetTable } from '../../components/widgets/xor/xor-logic';

afterAll(closeBrowser);

const PATH = '03-xor-mlp/';

/** "Epoch 1,234 · loss 0.0123 · 4/4 inputs right" → numbers. */
async function trainerStatus(trainer: Locator) {
  const text = (await trainer.locator('[data-status]').textContent()) ?? '';
  const m = /Epoch ([\d,]+) · loss ([\d.]+) · (\d)\/4/.exec(text);
  if (!m) throw new Error(`unexpected trainer status: ${text}`);
  return { epoch: Number(m[1].replace(/,/g, '')), loss: Number(m[2]), right: Number(m[3]) };
}

describe('chapter 3: XOR lab', () => {
  it('the random search on XOR never finds more than 3/4', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: /Perceptron playground on XOR/ }),
    );
    const search = widget.getByRole('group', { name: 'Random search over weights' });
    await expect
      .poll(() => search.locator('[data-search-status]').textContent(), { timeout: 20_000 })
      .toMatch(/tried 20,000 random weight settings; best score 3\/4\./);
    // Using the best weights found puts 3/4 in the live table too.
    await search.getByRole('button', { name: 'Use the best weights found' }).click();
    await expect.poll(() => widget.getByText(/correct$/).textContent()).toBe('3/4 correct');
    expect(errors).toEqual([]);
    await close();
  });

  it('the step network computes XOR, and editing a weight updates its table', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: 'A two-layer network for XOR' }));
    await expect(widget.getByText(/correct$/).textContent()).resolves.toBe('4/4 correct');
    // Give the output unit OR's bias: the network now computes OR(h1, h2).
    const bias = widget.getByRole('spinbutton', { name: /^y W\(2\)10/ });
    await bias.fill('-0.5');
    const expected = stepNetTable(setNetWeight(XOR_STEP_NET, 2, 0, -0.5));
    const score = `${expected.filter((r) => r.correct).length}/4 correct`;
    await expect.poll(() => widget.getByText(/correct$/).textContent()).toBe(score);
    const ys = await widget
      .getByRole('table')
      .locator('tbody tr td:nth-child(5)')
      .allTextContents();
    expect(ys).toEqual(expected.map((r) => String(r.y)));
    // The edge label in the diagram follows the box.
    await expect(widget.locator('[data-edge-label="2-0"]').textContent()).resolves.toBe('−0.5');
    await widget.getByRole('button', { name: 'Back to OR, NAND, AND' }).click();
    await expect.poll(() => widget.getByText(/correct$/).textContent()).toBe('4/4 correct');
    expect(errors).toEqual([]);
    await close();
  });

  it('draws the OR–NAND–AND network’s two planes as in their snapshots', async () => {
    const { page, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: 'A two-layer network for XOR' }));
    await expect(svgSnapshot(widget.locator('[data-input-plane]'))).resolves.toMatchFileSnapshot(
      '../widgets/__snapshots__/xor-input-plane.svg',
    );
    await expect(svgSnapshot(widget.locator('[data-hidden-space]'))).resolves.toMatchFileSnapshot(
      '../widgets/__snapshots__/xor-hidden-space.svg',
    );
    await close();
  });

  it('the trainer lowers the loss and solves XOR with the default seed', async () => {
    const { page, errors, close } = await openPage(PATH);
    const trainer = await mounted(page.getByRole('region', { name: 'Train a network on XOR' }));
    const start = await trainerStatus(trainer);
    expect(start.epoch).toBe(0);
    await trainer.getByRole('button', { name: 'Step 1 epoch' }).click();
    await expect.poll(async () => (await trainerStatus(trainer)).epoch).toBe(1);
    await trainer.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => trainer.locator('[data-verdict]').textContent(), { timeout: 30_000 })
      .toMatch(/^Solved/);
    // Training pauses by itself once the loss is tiny.
    await expect
      .poll(() => trainer.getByRole('button', { name: /^(Play|Pause)$/ }).textContent(), {
        timeout: 30_000,
      })
      .toBe('Play');
    const end = await trainerStatus(trainer);
    expect(end.loss).toBeLessThan(start.loss / 10);
    expect(end.right).toBe(4);
    expect(errors).toEqual([]);
    await close();
  });

  it('says so when a seed gets stuck, and 4 hidden units get past it', async () => {
    const { page, errors, close } = await openPage(PATH);
    const trainer = await mounted(page.getByRole('region', { name: 'Train a network on XOR' }));
    await trainer.getByLabel('Seed').fill('3');
    await trainer.getByLabel('Seed').press('Tab');
    await trainer.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => trainer.locator('[data-verdict]').textContent(), { timeout: 40_000 })
      .toMatch(/^Stuck: .* Try another seed, or 4 hidden units\./);
    expect((await trainerStatus(trainer)).right).toBeLessThan(4);
    await trainer.getByLabel('Hidden units').selectOption('4');
    await expect.poll(async () => (await trainerStatus(trainer)).epoch).toBe(0);
    await trainer.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => trainer.locator('[data-verdict]').textContent(), { timeout: 30_000 })
      .toMatch(/^Solved/);
    expect(errors).toEqual([]);
    await close();
  });

  it('the self-check quiz answers a wrong choice, then a right one', async () => {
    const { page, errors, close } = await openPage(PATH);
    const question = page.getByRole('radiogroup', { name: /two hidden layers/ });
    const quiz = page.locator('multiple-choice', { has: question });
    await question.getByRole('radio', { name: 'A 4-layer network.' }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/^Not quite\./);
    await question.getByRole('radio', { name: /3-layer/ }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/^Correct\./);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(['light', 'dark'] as const)(
    'paints the shaded rasters in the %s theme’s own colours',
    async (colorScheme) => {
      const { page, errors, close } = await openPage(PATH, { colorScheme });
      const regions = await mounted(page.getByRole('region', { name: 'Train a network on XOR' }));
      const network = await mounted(
        page.getByRole('region', { name: 'A two-layer network for XOR' }),
      );
      for (const widget of [regions, network]) {
        // Mean luminance (0–1) of the first raster image the widget paints.
        const luminance = await widget
          .locator('image')
          .first()
          .evaluate(async (img) => {
            const src = img.getAttribute('href') ?? '';
            const picture = new Image(); // not fetch(): the CSP keeps connect-src to 'self'
            picture.src = src;
            await picture.decode();
            const bitmap = await createImageBitmap(picture);
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const ctx = canvas.getContext('2d')!;
            ctx.drawImage(bitmap, 0, 0);
            const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
            let sum = 0;
            for (let i = 0; i < data.length; i += 4) {
              sum += (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
            }
            return sum / (data.length / 4);
          });
        if (colorScheme === 'light') expect(luminance).toBeGreaterThan(0.6);
        else expect(luminance).toBeLessThan(0.4);
      }
      expect(errors).toEqual([]);
      await close();
    },
  );

  it('has no serious accessibility violations while training, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await openPage(PATH, { colorScheme });
      const trainer = await mounted(page.getByRole('region', { name: 'Train a network on XOR' }));
      await trainer.getByRole('button', { name: 'Step 1 epoch' }).click();
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });
  itSolvesEachExercise(PATH, ['xor-network-weights', 'two-layer-forward']);
});
