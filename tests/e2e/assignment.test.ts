/**
 * The student's and the instructor's path through an assignment, in a real browser against
 * the built site (content/course.yaml and content/assignments/a1-perceptron.md): open the
 * assignment page, follow the checklist into the lesson, solve an exercise, come back, download
 * the submission, and grade that file with the CLI.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { seriousAxeViolations, setCode, storedBackups } from './page-helpers';
import { getExercise } from '../../src/notebook/exercises/index';

afterAll(closeBrowser);

const ASSIGNMENT = 'a1-perceptron';
const and = getExercise('and-gate-weights')!;

describe('an assignment, from the student to the gradebook', () => {
  it('solves an exercise, downloads the submission and grades it', async () => {
    const { page, errors, close } = await openPage(`assignments/${ASSIGNMENT}/`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(
      'Assignment 1',
    );
    // The due date in local time (the browser's own formatting) with a countdown.
    const due = page.locator('time[data-due]');
    await expect(due.innerText()).resolves.not.toContain('UTC');
    await expect(page.locator('[data-countdown]').innerText()).resolves.toMatch(/^\((in|closed) /);
    const item = page.locator(`[data-exercise="${and.id}"]`);
    await expect(item.locator('[data-status]').innerText()).resolves.toBe('Not attempted');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The checklist links into the lesson, at the exercise.
    await item.getByRole('link', { name: and.title }).click();
    await page.waitForURL(/\/02-perceptron\/#nb-title-and-gate-weights$/);
    await expect(page.locator(`[data-assignment-exercise="${and.id}"]`).count()).resolves.toBe(1); // marked in the sidebar
    const exercise = page.getByRole('region', { name: `Exercise: ${and.title}` });
    await setCode(
      page,
      exercise,
      readFileSync(`src/notebook/exercises/solutions/${and.id}.ts`, 'utf8'),
    );
    await exercise.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => exercise.locator('.nb-ex-status').innerText(), { timeout: 15_000 })
      .toBe('Solved');

    await page.goBack();
    await expect.poll(() => item.locator('[data-status]').innerText()).toBe('Solved');

    // Name and ID are asked for, then remembered.
    const button = page.getByRole('button', { name: 'Download submission' });
    await button.click();
    await expect(page.locator('[data-message]').innerText()).resolves.toBe(
      'Please enter your name first.',
    );
    await page.getByLabel('Your name').fill('Zoë Ångström');
    await page.getByLabel('Student ID').fill('S-042');
    const download = page.waitForEvent('download');
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${ASSIGNMENT}-S-042.json`);
    const dir = mkdtempSync(join(tmpdir(), 'submission-'));
    const path = join(dir, file.suggestedFilename());
    copyFileSync(await file.path(), path);
    const submission = JSON.parse(readFileSync(path, 'utf8')) as {
      format: string;
      exportedAt: string;
      assignment: string;
      student: { name: string; id: string };
      progress: { exercises: Record<string, { status: string }>; cells: object };
    };
    expect(submission.format).toBe('dnn-workbook-progress');
    expect(submission.assignment).toBe(ASSIGNMENT);
    expect(submission.student).toEqual({ name: 'Zoë Ångström', id: 'S-042' });
    expect(Object.keys(submission.progress.exercises)).toEqual([and.id]);
    expect(submission.progress.cells).toEqual({});

    await page.reload();
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Zoë Ångström');
    await expect(page.getByLabel('Student ID').inputValue()).resolves.toBe('S-042');
    expect(errors).toEqual([]);
    await close();

    // The instructor grades the downloaded file.
    const csv = join(dir, 'gradebook.csv');
    const graded = spawnSync(
      'npx',
      ['tsx', 'scripts/grade.ts', '--assignment', ASSIGNMENT, '--progress', path, '--csv', csv],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(graded.status, graded.stdout + graded.stderr).toBe(0);
    const [header, row] = readFileSync(csv, 'utf8').trim().split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    expect(cells).toMatchObject({
      name: 'Zoë Ångström',
      id: 'S-042',
      late: 'no',
      [and.id]: `${and.checks.length}/${and.checks.length}`,
      'or-gate-weights': '',
      points: '2',
      error: '',
    });
  });

  it('tells the student when stored progress could not be read, before they hand in a fresh start', async () => {
    const { page, errors, close } = await openPage(`assignments/${ASSIGNMENT}/`);
    const bad = JSON.stringify({
      schema: 1,
      cells: {},
      exercises: { [and.id]: { status: 'done' } },
    });
    await page.evaluate((v) => localStorage.setItem('dnn-workbook:progress', v), bad);
    await page.reload();
    const notice = page.locator('.nb-notice');
    await expect
      .poll(() => notice.innerText(), { timeout: 10_000 })
      .toMatch(
        /Your saved progress could not be read \(.*\)\. It was copied to "dnn-workbook:progress:backup:/,
      );
    // Styled as on the lesson pages (a fixed corner stack), and dismissable.
    expect(await page.locator('.nb-notices').evaluate((el) => getComputedStyle(el).position)).toBe(
      'fixed',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(await storedBackups(page)).toEqual([bad]);
    expect(errors).toEqual([]);
    await close();
  });
});
