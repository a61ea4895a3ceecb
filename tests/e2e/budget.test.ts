import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, getBrowser, siteUrl } from './browser';
import { measureJs } from './js-weight';
import { lessonFiles } from '../lesson-files';
import { loadAssignments, loadCourse } from '../../src/content/course';
import { exercises } from '../../src/notebook/exercises/index';

afterAll(closeBrowser);

// The notebook's editor and runner load on demand: before a student touches a cell, a page
// ships at most 100 KB of gzipped JavaScript.
const budget = 100 * 1024;

describe('JavaScript shipped before interaction', () => {
  const lessons = lessonFiles().map((l) => l.id);
  const assignments = loadAssignments(loadCourse(), { lessons, exercises });
  it.each([
    '',
    ...lessons.map((id) => `${id}/`),
    ...assignments.map((a) => `assignments/${a.id}/`),
  ])('/%s stays within 100 KB gzip', async (path) => {
    const context = await (await getBrowser()).newContext();
    const page = await context.newPage();
    const weight = await measureJs(page, siteUrl(path));
    expect(weight.gzip).toBeLessThanOrEqual(budget);
    await context.close();
  });
});
