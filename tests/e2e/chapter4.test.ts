import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closeBrowser, openPage } from './browser';
import {
  itChecksThePage,
  itSolvesEachExercise,
  mounted,
  setCode,
  settledSvg,
  submitCode,
  wrongThenRight,
} from './page-helpers';
import { forwardLayers, preActivation, sigmoid } from '../../src/engine';
import { randomNet, setWeight } from '../../components/widgets/forward/forward-logic';
import { formatFixed } from '../../src/lib/format-number';

afterAll(closeBrowser);

const PATH = '04-forward-propagation/';
const STEPPER = 'Forward propagation, one unit at a time';
const SIGMOID = 'A sigmoid unit and the step';
const NET = randomNet([2, 3, 2], 5);
const X = [1, 0.5];

const texts = (l: Locator) => l.allTextContents();

describe('chapter 4: forward propagation', () => {
  it('stepping lights the unit’s row, its inputs and its sum, with the engine’s numbers', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STEPPER }));
    const status = widget.locator('[data-status]');
    const trace = forwardLayers(NET, X);
    await widget.getByRole('button', { name: 'Start over' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Step 0 of 10/);
    await expect(widget.locator('[data-z="2-2"]').textContent()).resolves.toBe('?');
    // Steps 1–3: z₁⁽²⁾, a₁⁽²⁾, z₂⁽²⁾. The lit row is unit 2's, times [1; x]. The highlights are
    // drawn in the next animation frame after the status text, so they are polled.
    for (let i = 0; i < 3; i++) await widget.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Step 3 of 10: z2 of layer 2/);
    await expect.poll(() => widget.locator('td[data-link^="W1-2-"].is-active').count()).toBe(3);
    await expect.poll(() => widget.locator('td[data-link].is-active').count()).toBe(3);
    await expect.poll(() => widget.locator('[data-act^="1-"].is-active').count()).toBe(3);
    await expect(widget.locator('[data-z="2-2"]').textContent()).resolves.toBe(
      formatFixed(trace.z[0][1], 3),
    );
    await expect(widget.locator('[data-a="2-2"]').textContent()).resolves.toBe('?');
    await expect.poll(() => widget.locator('line.is-active').count()).toBe(3);
    // The unit's point on the sigmoid beside it.
    await expect
      .poll(() =>
        widget.locator('[data-curve] .sx-point circle, [data-curve] circle.sx-point').count(),
      )
      .toBe(1);
    // Step 4: a₂⁽²⁾ = g(z₂⁽²⁾).
    await widget.getByRole('button', { name: 'Next step' }).click();
    await expect
      .poll(() => widget.locator('[data-a="2-2"]').textContent())
      .toBe(formatFixed(trace.a[1][1], 4));
    // Run layer finishes layer 2 (6 steps) without touching layer 3.
    await widget.getByRole('button', { name: 'Run layer' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Step 6 of 10/);
    expect(await texts(widget.locator('[data-a^="2-"]'))).toEqual(
      trace.a[1].map((v) => formatFixed(v, 4)),
    );
    expect(await texts(widget.locator('[data-a^="3-"]'))).toEqual(['?', '?']);
    await widget.getByRole('button', { name: 'Run layer' }).click();
    expect(await texts(widget.locator('[data-a^="3-"]'))).toEqual(
      trace.a[2].map((v) => formatFixed(v, 4)),
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('editing a weight or the input recomputes every output; clicking a unit jumps to it', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STEPPER }));
    await widget.getByRole('spinbutton', { name: /^W⁽²⁾₁₀,/ }).fill('-3');
    const edited = setWeight(NET, 1, 0, 0, -3);
    await expect
      .poll(() => texts(widget.locator('[data-a^="3-"]')))
      .toEqual(forwardLayers(edited, X).a[2].map((v) => formatFixed(v, 4)));
    await widget.getByRole('spinbutton', { name: 'Input x2' }).fill('-1');
    const trace = forwardLayers(edited, [1, -1]);
    await expect
      .poll(() => widget.locator('[data-value="3-2"]').textContent())
      .toBe(formatFixed(trace.a[2][1], 3));
    await widget.getByRole('button', { name: /^a₂⁽²⁾: show how it is computed/ }).click();
    await expect
      .poll(() => widget.locator('[data-status]').textContent())
      .toBe(
        `Step 4 of 10: a2 of layer 2 = ${formatFixed(trace.a[1][1], 4)} (the sigmoid of z = ${formatFixed(trace.z[0][1], 3)}).`,
      );
    await widget.getByRole('button', { name: /^a₁⁽³⁾: show how it is computed/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => widget.locator('[data-status]').textContent()).toMatch(/^Step 8 of 10/);
    // A new seed gives new weights in the boxes.
    await widget.getByLabel('Seed of the weights').fill('9');
    await widget.getByLabel('Seed of the weights').press('Tab');
    await expect
      .poll(() => widget.getByRole('spinbutton', { name: /^W⁽¹⁾₁₀,/ }).inputValue())
      .toBe(String(randomNet([2, 3, 2], 9)[0][0][0]));
    expect(errors).toEqual([]);
    await close();
  });

  it('focusing a weight lights its edge and its terms in the equations', async () => {
    const { page, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STEPPER }));
    await widget.getByRole('spinbutton', { name: /^W⁽¹⁾₂₀,/ }).focus();
    await expect
      .poll(() => widget.locator('line[data-link="W1-2-0"]').getAttribute('class'))
      .toContain('is-linked');
    // The symbol term and the number term of z₂⁽²⁾'s equation.
    expect(await widget.locator('.fw-term.is-linked').count()).toBe(2);
    expect(await widget.locator('line.is-linked').count()).toBe(1);
    await close();
  });

  it('runs the layers on the student’s own layerForward, and falls back when it fails', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STEPPER }));
    const mine = widget.getByRole('checkbox', { name: /Run the layers on my/ });
    const source = widget.locator('[data-source]');
    await expect(mine.isDisabled()).resolves.toBe(true);
    // A correct solution that differs from the engine by 3e-13 (within the checks' tolerance),
    // so the figure's report shows whose numbers it is using.
    const different = `export function layerForward(W: number[][], a: number[]): number[] {
  return W.map((row) => {
    if (row.length !== a.length + 1) throw new Error('bad row');
    const z = row.reduce((s, w, k) => s + w * (k === 0 ? 1 : a[k - 1]), 0);
    return 1 / (1 + Math.exp(-z)) + 3e-13;
  });
}
`;
    const exercise = await submitCode(page, 'layer-forward', different);
    await expect(exercise.locator('.nb-ex-status').innerText()).resolves.toBe('Solved');
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => mine.isDisabled()).toBe(false);
    await mine.check();
    await expect
      .poll(() => source.textContent(), { timeout: 15_000 })
      .toMatch(/^Computed by your layerForward: 2 calls .* engine’s sigmoid layer: 3\.0e-13\.$/);
    const hidden = preActivation(NET[0], X).map((z) => sigmoid(z) + 3e-13);
    expect(await texts(widget.locator('[data-a^="2-"]'))).toEqual(
      hidden.map((v) => formatFixed(v, 4)),
    );
    // Broken later (the exercise stays solved): a throw, then a wrong shape.
    await setCode(
      page,
      exercise,
      `export function layerForward(W: number[][], a: number[]): number[] {\n  throw new Error('not today');\n}\n`,
    );
    await widget.getByRole('spinbutton', { name: 'Input x1' }).fill('0.5');
    await expect
      .poll(() => source.textContent(), { timeout: 15_000 })
      .toBe(
        'Your layerForward could not compute layer 2: Error: not today. The figure shows the engine’s numbers instead.',
      );
    const engine = forwardLayers(NET, [0.5, 0.5]).a[2].map((v) => formatFixed(v, 4));
    expect(await texts(widget.locator('[data-a^="3-"]'))).toEqual(engine);
    await setCode(
      page,
      exercise,
      `export function layerForward(W: number[][], a: number[]): number[] {\n  return [0.5];\n}\n`,
    );
    await widget.getByRole('spinbutton', { name: 'Input x1' }).fill('1');
    await expect
      .poll(() => source.textContent(), { timeout: 15_000 })
      .toMatch(/could not compute layer 2: it returned 1 numbers for a layer of 3 units/);
    expect(errors).toEqual([]);
    await close();
  });

  it('a student’s layerForward that never returns is stopped, and the engine takes over', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: STEPPER }));
    const solution = `import { sigmoid } from '@engine';
export function layerForward(W: number[][], a: number[]): number[] {
  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad row');
  if (a.length === 3) while (true) {}
  return W.map((r) => sigmoid(r.reduce((s, w, k) => s + w * (k === 0 ? 1 : a[k - 1]), 0)));
}
`;
    // Solve it honestly first; then the code loops on a layer with three inputs (the stepper's
    // second layer). The exercise stays solved, so the stepper runs the new code.
    await wrongThenRight(page, 'layer-forward');
    const exercise = page.getByRole('region', {
      name: 'Exercise: One layer of forward propagation',
    });
    await setCode(page, exercise, solution);
    await widget.scrollIntoViewIfNeeded();
    await widget.getByRole('checkbox', { name: /Run the layers on my/ }).check();
    await expect
      .poll(() => widget.locator('[data-source]').textContent(), { timeout: 20_000 })
      .toMatch(/could not compute layer 3: your code ran for more than 2 s/);
    expect(errors).toEqual([]);
    await close();
  });

  it('the sigmoid explorer approaches the step as w grows, and draws as in its snapshot', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: SIGMOID }));
    await widget.getByRole('slider', { name: 'Weight w' }).fill('8');
    await widget.getByRole('slider', { name: 'Input x' }).fill('0.5');
    await expect
      .poll(() => widget.locator('[data-readout]').textContent())
      .toContain(`g = ${formatFixed(sigmoid(4), 4)}`);
    await widget.getByRole('slider', { name: 'Bias b' }).fill('-4');
    await expect
      .poll(() => widget.locator('[data-readout]').textContent())
      .toContain('it switches at x = 0.50');
    await expect(settledSvg(widget.locator('[data-plot]'))).resolves.toMatchFileSnapshot(
      '../widgets/__snapshots__/sigmoid-explorer.svg',
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('once the sigmoid exercise is solved, the student’s own function draws the curve', async () => {
    const { page, errors, close } = await openPage(PATH);
    const widget = await mounted(page.getByRole('region', { name: SIGMOID }));
    const mine = widget.getByRole('checkbox', { name: /Draw my sigmoid/ });
    await expect(mine.isDisabled()).resolves.toBe(true);
    await wrongThenRight(page, 'sigmoid');
    await widget.scrollIntoViewIfNeeded();
    await expect.poll(() => mine.isDisabled()).toBe(false);
    await mine.check();
    await expect
      .poll(() => widget.locator('[data-mine-status]').textContent(), { timeout: 15_000 })
      .toMatch(/agrees with the engine’s to within \S+ at all 161 points/);
    expect(await widget.locator('[data-plot] .sx-yours').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });

  itSolvesEachExercise(PATH, ['network-forward']);

  itChecksThePage(PATH, [STEPPER, SIGMOID], async (page) => {
    await page
      .getByRole('region', { name: STEPPER })
      .getByRole('button', { name: 'Next step' })
      .click();
  });
});
