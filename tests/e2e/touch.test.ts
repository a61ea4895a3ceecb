/**
 * The figures a student works with a finger, on a phone-sized page with real touch events
 * (Chrome DevTools' Input.dispatchTouchEvent, which goes through the same pointer-event path as
 * a touchscreen): drawing a digit, dragging the perceptron's line, adding a point to the logistic
 * lab. A drag on a figure must move the figure, not scroll the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { mounted } from './page-helpers';

afterAll(closeBrowser);

const PHONE = { width: 375, height: 740, touch: true } as const;

/** One finger put down at the first point, moved through the rest, and lifted. */
async function touchDrag(page: Page, points: readonly (readonly [number, number])[]) {
  const cdp = await page.context().newCDPSession(page);
  const at = ([x, y]: readonly [number, number]) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]) });
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

describe('figures under a finger', () => {
  it('draws a digit with a finger stroke, and the page does not scroll', async () => {
    const { page, errors, close } = await openPage('06-mnist/', PHONE);
    const widget = await mounted(page.getByRole('region', { name: 'Draw a digit' }));
    const values = () =>
      widget
        .getByRole('table', { name: "The model's ten outputs" })
        .locator('.dd-value')
        .allTextContents();
    await expect.poll(values, { timeout: 15_000 }).not.toContain('–');
    const blank = await values();
    const pad = widget.locator('[data-pad]');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const before = await scrollY(page);
    // Straight down the middle of the pad, the way a finger writes a 1.
    await touchDrag(
      page,
      Array.from(
        { length: 13 },
        (_, k) => [box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.06 * k)] as const,
      ),
    );
    await expect.poll(values).not.toEqual(blank);
    await expect
      .poll(() => widget.locator('[data-answer]').textContent())
      .toMatch(/^The network reads a \d/);
    expect(await scrollY(page)).toBe(before);
    expect(errors).toEqual([]);
    await close();
  });

  it('drags the perceptron’s line by its handle with a finger', async () => {
    const { page, errors, close } = await openPage('02-perceptron/', PHONE);
    const widget = await mounted(
      page.getByRole('region', { name: 'Perceptron playground: find weights for AND' }),
    );
    const sliders = () =>
      Promise.all(
        [0, 1, 2].map((i) => widget.getByRole('spinbutton', { name: `w${i} value` }).inputValue()),
      );
    const start = await sliders();
    const handle = widget.locator('.pp-handle circle').first();
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    const before = await scrollY(page);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await touchDrag(
      page,
      Array.from({ length: 11 }, (_, k) => [x + 8 * k, y + 4 * k] as const),
    );
    await expect.poll(sliders).not.toEqual(start);
    expect(await scrollY(page)).toBe(before);
    expect(errors).toEqual([]);
    await close();
  });

  it('adds a point to the logistic lab with a tap', async () => {
    const { page, errors, close } = await openPage('09-logistic-regression/', PHONE);
    const lab = await mounted(page.getByRole('region', { name: 'Logistic regression lab' }));
    const plane = lab.locator('[data-plane] svg');
    await expect.poll(() => plane.count()).toBe(1);
    await plane.scrollIntoViewIfNeeded();
    const points = () => lab.locator('[data-plane] svg circle').count();
    const before = await points();
    const box = (await plane.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(points).toBe(before + 1);
    expect(errors).toEqual([]);
    await close();
  });
});
