import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import { itSolvesEachExercise, mounted, seriousAxeViolations, svgSnapshot } from './page-helpers';
import { gates, perceptronOutput, trainPerceptron } from '../../src/engine';
import { playgroundSetup } from '../widgets/lesson-playground';

afterAll(closeBrowser);

const PATH = '02-perceptron/';

/** The truth table's rows as [x1, x2, z, y, t, right?] text. */
function tableRows(widget: Locator): Promise<string[][]> {
  return widget
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')),
    );
}

/** Weights as the widget's number boxes show them. */
async function weights(widget: Locator): Promise<number[]> {
  const out: number[] = [];
  for (const i of [0, 1, 2]) {
    out.push(Number(await widget.getByRole('spinbutton', { name: `w${i} value` }).inputValue()));
  }
  return out;
}

/** Outputs the engine gives for these weights on the four gate inputs. */
const engineOutputs = (w: number[]) => gates.AND.inputs.map((x) => String(perceptronOutput(w, x)));

describe('chapter 2: perceptron playground', () => {
  it('moving a weight moves the boundary and updates the truth table and score', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: find weights for AND' }),
    );
    const caption = widget.locator('figcaption [data-caption]');
    const before = await caption.textContent();
    const rowsBefore = await tableRows(widget);
    expect(rowsBefore.map((r) => r[3])).toEqual(engineOutputs(await weights(widget)));

    // Keyboard: the bias slider, 20 steps of 0.05 to the left.
    const bias = widget.getByRole('slider', { name: /w0/ });
    await bias.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => weights(widget)).toEqual([-1.5, 1, 1]);
    await expect.poll(() => caption.textContent()).not.toBe(before);
    const rowsAfter = await tableRows(widget);
    expect(rowsAfter.map((r) => r[2])).not.toEqual(rowsBefore.map((r) => r[2]));
    expect(rowsAfter.map((r) => r[3])).toEqual(engineOutputs([-1.5, 1, 1]));
    await expect(widget.getByText(/correct$/).textContent()).resolves.toBe('4/4 correct');

    // Typing a number works too, and the slider follows.
    await widget.getByRole('spinbutton', { name: 'w2 value' }).fill('-2');
    await expect.poll(() => widget.getByRole('slider', { name: /w2/ }).inputValue()).toBe('-2');
    await expect
      .poll(async () => (await tableRows(widget)).map((r) => r[3]))
      .toEqual(engineOutputs([-1.5, 1, -2]));
    expect(errors).toEqual([]);
    await close();
  });

  it('dragging a handle on the line changes the weights', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: find weights for AND' }),
    );
    const start = await weights(widget);
    const handle = widget.locator('.pp-handle circle').first();
    const box = await handle.boundingBox();
    if (!box) throw new Error('no drag handle drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 6 });
    await page.mouse.up();
    const end = await weights(widget);
    expect(end).not.toEqual(start);
    expect((await tableRows(widget)).map((r) => r[3])).toEqual(engineOutputs(end));
    expect(errors).toEqual([]);
    await close();
  });

  it('focusing a slider lights up its term in the equation', async () => {
    const { page, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: find weights for AND' }),
    );
    await widget.getByRole('slider', { name: /w1/ }).focus();
    const term = widget.getByRole('button', { name: /^w1 = / });
    await expect.poll(() => term.getAttribute('class')).toContain('is-linked');
    await expect(
      widget.getByRole('button', { name: /^w2 = / }).getAttribute('class'),
    ).resolves.not.toContain('is-linked');
    await close();
  });

  it('draws the AND perceptron’s plane as in its snapshot', async () => {
    const { page, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: find weights for AND' }),
    );
    await widget.getByRole('spinbutton', { name: 'w0 value' }).fill('-1.5');
    await expect.poll(() => widget.getByText(/correct$/).textContent()).toBe('4/4 correct');
    await expect(svgSnapshot(widget.locator('[data-plane]'))).resolves.toMatchFileSnapshot(
      '../widgets/__snapshots__/perceptron-plane-and.svg',
    );
    await close();
  });

  it('"learn" reaches 4/4 on AND and stops where the engine does', async () => {
    const setup = playgroundSetup('02-perceptron.mdx', 'Perceptron playground: the learning rule');
    const engine = trainPerceptron(gates.AND, {
      lr: setup.lr,
      maxEpochs: 100,
      w0: [...setup.weights],
    });
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: the learning rule' }),
    );
    await widget.getByRole('button', { name: 'Step' }).click();
    const status = widget
      .getByRole('group', { name: 'Perceptron learning rule' })
      .locator('[data-learn-status]');
    await expect.poll(() => status.textContent()).toMatch(/^Epoch 1, step 1\./);
    await widget.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 45_000, interval: 250 })
      .toMatch(new RegExp(`Converged after ${engine.epochs} epochs`));
    await expect(widget.getByText(/correct$/).textContent()).resolves.toBe('4/4 correct');
    await expect(weights(widget)).resolves.toEqual(engine.weights);
    await expect(
      widget.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    expect((await tableRows(widget)).map((r) => r[5])).toEqual(Array(4).fill('✓ yes'));
    expect(errors).toEqual([]);
    await close();
  });

  it('the self-check quiz answers a wrong choice, then a right one, with feedback', async () => {
    const { page, errors, close } = await openPage(PATH);
    const question = page.getByRole('radiogroup', { name: /What does it output for the input/ });
    const quiz = page.locator('multiple-choice', { has: question });
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toBe('Pick an answer first.');
    await question.getByRole('radio', { name: '0', exact: true }).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/^Not quite\./);
    // Keyboard: arrow keys move within the radio group.
    await question.getByRole('radio', { name: '0', exact: true }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(question.getByRole('radio', { name: '1', exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await expect(quiz.getByRole('status').textContent()).resolves.toMatch(/^Correct\./);
    expect(errors).toEqual([]);
    await close();
  });

  it('has no serious accessibility violations after the widgets have been used', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: the learning rule' }),
    );
    await widget.getByRole('button', { name: 'Step' }).click();
    await widget.getByRole('combobox', { name: 'Gate' }).selectOption('XOR');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
  itSolvesEachExercise(PATH, [
    'perceptron-output',
    'and-gate-weights',
    'or-gate-weights',
    'nand-gate-weights',
    'perceptron-update',
  ]);
});
