/**
 * Code cells and exercises in chromium, on the notebook test page (two cells and the
 * perceptron-output exercise): run keys, feedback for wrong and right answers, persistence
 * across reloads, the time limit, the worker's missing network, and export/import.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../src/notebook/exercises/index';
import { gradeSubmission } from '../../src/notebook/node/grade';
import { closeBrowser, openPage } from './browser';
import { setCode, storedBackups } from './page-helpers';

const PAGE = 'test/notebook/';
const reference = readFileSync('src/notebook/exercises/solutions/perceptron-output.ts', 'utf8');
const wrong = reference.replace('z >= 0', 'z > 0');
const exercise = getExercise('perceptron-output');
if (!exercise) throw new Error('perceptron-output missing');

afterAll(closeBrowser);

describe('notebook in the browser', () => {
  it('runs a cell with Shift+Enter, after the cells above it', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const second = page.locator('nb-cell').nth(1);
    await second.locator('.nb-static').focus();
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => second.locator('.nb-output').innerText(), { timeout: 10_000 })
      .toContain('andPerceptron');
    await expect
      .poll(() => page.locator('nb-cell').nth(0).locator('.nb-output').innerText())
      .toContain('z = -0.5');
    expect(errors).toEqual([]);
    await close();
  });

  it('gives a cell engine names only through imports, with a hint when one is missing', async () => {
    const { page, close } = await openPage(PAGE);
    const first = page.locator('nb-cell').nth(0);
    await setCode(page, first, 'const z = 0.5;\nstep(z)');
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => first.locator('.nb-output').innerText(), { timeout: 10_000 })
      .toContain(
        "ReferenceError: step is not defined. `step` is an engine export: add `import { step } from '@engine';` at the top, or declare it yourself. (line 2",
      );
    await setCode(page, first, "import { step } from '@engine';\nconst z = 0.5;\nstep(z)");
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => first.locator('.nb-output').innerText()).toMatch(/^1$/m);
    await close();
  });

  it('shows a specific message for a wrong answer, then the solved state, and keeps both on reload', async () => {
    // The page must agree with the grader, which judges the same code in the Node sandbox.
    const graded = await gradeSubmission(exercise, wrong);
    const passing = graded.checks.filter((c) => c.passed).length;
    const { page, errors, close } = await openPage(PAGE);
    await setCode(page, page.locator('nb-exercise'), wrong);
    await page.getByRole('button', { name: 'Check' }).click();
    const feedback = page.locator('nb-exercise .nb-feedback');
    await expect.poll(() => feedback.innerText(), { timeout: 10_000 }).toContain('> instead of ≥');
    expect(await feedback.innerText()).toContain('the sum is exactly 0');
    expect(await feedback.innerText()).toMatch(/Expected\s*1\s*Got\s*0/);
    // Failing checks are shown in full; the passing ones are folded until asked for.
    const folded = feedback.locator('details.nb-passing');
    await expect(folded.locator('summary').innerText()).resolves.toBe(
      `✓ ${passing} passing checks`,
    );
    await expect(folded.getByText('AND weights, input (1, 1)').isVisible()).resolves.toBe(false);
    await folded.locator('summary').click();
    await expect(folded.getByText('AND weights, input (1, 1)').isVisible()).resolves.toBe(true);

    await setCode(page, page.locator('nb-exercise'), reference);
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => feedback.innerText(), { timeout: 10_000 })
      .toContain(`Solved — all ${exercise.checks.length} checks pass.`);
    await expect.poll(() => page.locator('nb-chapter-progress').innerText()).toContain('1 / 5');

    await page.reload();
    await expect.poll(() => page.locator('nb-exercise .nb-ex-status').innerText()).toBe('Solved');
    expect(await page.locator('nb-exercise .nb-editor-host').innerText()).toContain(
      'z >= 0 ? 1 : 0',
    );
    expect(await page.locator('nb-chapter-progress').innerText()).toContain('1 / 5');
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps an edited cell’s code across a reload', async () => {
    const { page, close } = await openPage(PAGE);
    await setCode(page, page.locator('nb-cell:nth-of-type(1)'), 'const kept = 41 + 1;\nkept');
    await page.locator('nb-cell').first().getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('nb-cell').first().locator('.nb-output').innerText())
      .toBe('42');
    await page.reload();
    expect(await page.locator('nb-cell').first().locator('.nb-editor-host').innerText()).toContain(
      'const kept = 41 + 1;',
    );
    await close();
  });

  it('names the line of a syntax error the browser reports without one', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const cell = page.locator('nb-cell').first();
    await setCode(page, cell, 'let x = 1;\nlet x = 2;\nx');
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => cell.locator('.nb-output').innerText(), { timeout: 10_000 })
      .toMatch(/already been declared.*line 2/s);
    expect(errors).toEqual([]);
    await close();
  });

  it('stops an infinite loop after 2 s while the page stays responsive', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const cell = page.locator('nb-cell').first();
    await setCode(page, page.locator('nb-cell:nth-of-type(1)'), 'let i = 0;\nwhile (true) i++;');
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    // While the worker spins, the page still answers promptly.
    const t0 = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - t0).toBeLessThan(500);
    await expect
      .poll(() => cell.locator('.nb-output').innerText(), { timeout: 8_000 })
      .toContain('your code ran for more than 2 s — is there an infinite loop?');
    // The replaced worker runs the next cell.
    await setCode(page, page.locator('nb-cell:nth-of-type(1)'), '1 + 1');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell.locator('.nb-output').innerText(), { timeout: 8_000 }).toBe('2');
    expect(errors).toEqual([]);
    await close();
  });

  it('gives student code no network API, and messages it posts change nothing', async () => {
    const { page, close } = await openPage(PAGE);
    const cell = page.locator('nb-cell').first();
    await setCode(
      page,
      page.locator('nb-cell:nth-of-type(1)'),
      [
        'const g = self as any;',
        "['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'postMessage'].map((k) => k + ':' + typeof g[k]).join(' ')",
      ].join('\n'),
    );
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => cell.locator('.nb-output').innerText(), { timeout: 10_000 })
      .toBe(
        '"fetch:undefined XMLHttpRequest:undefined WebSocket:undefined EventSource:undefined importScripts:undefined postMessage:undefined"',
      );
    await close();
  });

  it('on the perceptron lesson, names the gate that wrong weights compute', async () => {
    const { page, errors, close } = await openPage('02-perceptron/');
    const host = 'nb-exercise[data-id="and-gate-weights"]';
    await setCode(page, page.locator(host), 'export const w: number[] = [-0.5, 1, 1];');
    await page.locator(host).getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.locator(`${host} .nb-feedback`).innerText(), { timeout: 10_000 })
      .toContain('These weights make the perceptron compute OR');
    expect(errors).toEqual([]);
    await close();
  });

  it('loads the progress schema only for stored progress it must refuse, and says why', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const schemaRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('progress-schema')) schemaRequests.push(r.url());
    });
    await setCode(page, page.locator('nb-exercise'), reference);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.locator('nb-exercise .nb-ex-status').innerText(), { timeout: 10_000 })
      .toBe('Solved');

    // Readable progress (the page's own, saved on leaving): shown, and zod never fetched.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('nb-exercise .nb-ex-status').innerText()).toBe('Solved');
    expect(schemaRequests).toEqual([]);

    // A count out of range: backed up, a fresh start, and the schema's words in the notice.
    const bad = await page.evaluate(() => {
      const key = 'dnn-workbook:progress';
      const progress = JSON.parse(localStorage.getItem(key) ?? '') as {
        exercises: Record<string, { attempts: number }>;
      };
      progress.exercises['perceptron-output'].attempts = -1;
      localStorage.setItem(key, JSON.stringify(progress));
      return localStorage.getItem(key);
    });
    await page.reload();
    await expect
      .poll(() => page.locator('.nb-notice').innerText())
      .toContain('exercises["perceptron-output"].attempts: expected a number >= 0, received -1');
    expect(schemaRequests).toHaveLength(1);
    expect(await page.locator('nb-exercise .nb-ex-status').innerText()).toBe('Not attempted');
    expect(await storedBackups(page)).toEqual([bad]);
    expect(errors).toEqual([]);
    await close();
  });

  it('says once, not per keystroke, when progress cannot be saved; the code stays on the page', async () => {
    const { page, errors, close } = await openPage(PAGE);
    // Storage that refuses every write of the progress (full, or blocked by a setting).
    await page.evaluate(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'dnn-workbook:progress') throw new DOMException('full', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    const cell = page.locator('nb-cell').first();
    await setCode(page, cell, 'const first = 1;\nfirst');
    await expect
      .poll(() => page.locator('.nb-notice p').innerText(), { timeout: 10_000 })
      .toBe('Your progress could not be saved (the browser storage is full or blocked).');
    await setCode(page, cell, 'const second = 2;\nsecond');
    await page.waitForTimeout(800); // past the store's 300 ms write delay
    expect(await page.locator('.nb-notice').count()).toBe(1);
    expect(await cell.locator('.nb-editor-host').innerText()).toContain('const second = 2;');
    expect(errors).toEqual([]);
    await close();
  });

  it('exports progress to a file and imports it back', async () => {
    const { page, errors, close } = await openPage(PAGE);
    await setCode(page, page.locator('nb-exercise'), reference);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => page.locator('nb-exercise .nb-ex-status').innerText(), { timeout: 10_000 })
      .toBe('Solved');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = await (await download).path();

    // A bad file changes nothing and says why.
    await page.locator('.nb-import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nope": 1}'),
    });
    await expect
      .poll(() => page.locator('.nb-tools-message').innerText())
      .toContain('Nothing was imported');

    // Lose everything, then import the exported file.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    expect(await page.locator('nb-exercise .nb-ex-status').innerText()).toBe('Not attempted');
    await page.locator('.nb-import-file').setInputFiles(file);
    await expect
      .poll(() => page.locator('.nb-tools-message').innerText())
      .toContain('Imported progress: 1 exercise (1 solved)');
    await expect.poll(() => page.locator('nb-exercise .nb-ex-status').innerText()).toBe('Solved');
    await expect.poll(() => page.locator('nb-chapter-progress').innerText()).toContain('1 / 5');
    expect(errors).toEqual([]);
    await close();
  });
});
