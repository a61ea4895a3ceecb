import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, getBrowser, siteUrl } from './browser';
import { measureJs } from './js-weight';
import { lessonFiles } from '../lesson-files';

afterAll(closeBrowser);

// The notebook's editor and runner load on demand: before a student touches a cell, a page
// ships at most 100 KB of gzipped JavaScript.
const budget = 100 * 1024;

describe('JavaScript shipped before interaction', () => {
  it.each(['', ...lessonFiles().map((l) => `${l.id}/`)])(
    '/%s stays within 100 KB gzip',
    async (path) => {
      const context = await (await getBrowser()).newContext();
      const page = await context.newPage();
      const weight = await measureJs(page, siteUrl(path));
      expect(weight.gzip).toBeLessThanOrEqual(budget);
      await context.close();
    },
  );
});
