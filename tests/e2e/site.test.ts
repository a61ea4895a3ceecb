import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage, siteUrl } from './browser';
import { seriousAxeViolations } from './page-helpers';
import { lessonFiles } from '../lesson-files';
import { exerciseIdsByLesson } from '../../src/notebook/exercises/index';

const lessons = lessonFiles();
const lessonPaths = lessons.map((l) => `${l.id}/`);

afterAll(closeBrowser);

describe('home page', () => {
  it('lists every chapter in course order, with a start entry', async () => {
    const { page, errors, close } = await openPage('');
    const titles = await page
      .getByRole('region', { name: 'Chapters' })
      .getByRole('heading', { level: 3 })
      .allTextContents();
    expect(titles.map((t) => t.replace(/^Chapter \d+:\s*/, '').trim())).toEqual(
      lessons.map((l) => l.title),
    );
    const start = page.getByRole('link', { name: /^Start here:/ });
    await expect(start.getAttribute('href')).resolves.toMatch(new RegExp(`${lessons[0].id}/$`));
    expect(errors).toEqual([]);
    await close();
  });

  it('shows exercises solved / total for each chapter that has exercises', async () => {
    const { page, close } = await openPage('');
    for (const lesson of lessons) {
      const total = exerciseIdsByLesson[lesson.id]?.length ?? 0;
      const card = page.locator(`[data-chapter="${lesson.id}"]`);
      if (total === 0) {
        await expect(card.getByText(/exercises solved/).count()).resolves.toBe(0);
      } else {
        await expect
          .poll(() => card.getByText(/exercises solved/).innerText())
          .toBe(`0 / ${total} exercises solved`);
      }
    }
    await expect(page.getByRole('button', { name: 'Export progress' }).count()).resolves.toBe(1);
    await close();
  });

  it('offers "Continue" with the chapter opened last', async () => {
    const last = lessons[lessons.length - 1];
    const { page, close } = await openPage(`${last.id}/`);
    await page.goto(siteUrl(''));
    await expect(page.getByRole('link', { name: `Continue: ${last.title}` }).count()).resolves.toBe(
      1,
    );
    await close();
  });
});

describe('lesson pages', () => {
  it('next walks through every chapter in order and previous walks back', async () => {
    const { page, errors, close } = await openPage(lessonPaths[0]);
    for (let i = 0; i < lessons.length; i++) {
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        lessons[i].title,
      );
      await expect(page.getByText(`Chapter ${i + 1} of ${lessons.length}`).count()).resolves.toBe(
        1,
      );
      const current = page
        .getByRole('navigation', { name: 'Chapters' })
        .locator('[aria-current="page"]');
      await expect(current.textContent()).resolves.toContain(lessons[i].title);
      const next = page
        .getByRole('navigation', { name: 'Previous and next chapter' })
        .getByRole('link', { name: /Next/ });
      if (i === lessons.length - 1) {
        await expect(next.count()).resolves.toBe(0);
      } else {
        await next.click();
        await page.waitForURL(siteUrl(lessonPaths[i + 1]));
      }
    }
    for (let i = lessons.length - 1; i > 0; i--) {
      await page
        .getByRole('navigation', { name: 'Previous and next chapter' })
        .getByRole('link', { name: /Previous/ })
        .click();
      await page.waitForURL(siteUrl(lessonPaths[i - 1]));
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('renders math with KaTeX at build time, leaving no raw delimiters', async () => {
    for (const lesson of lessons.filter((l) => /\$/.test(l.body))) {
      const { page, close } = await openPage(`${lesson.id}/`);
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('$$');
      expect(text).not.toMatch(/\$[^$\s][^$]*\$/);
      // KaTeX's fonts come from the site itself.
      const fontsOk = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
      });
      expect(fontsOk).toBe(true);
      await close();
    }
    // Frontmatter (summaries, objectives) is typeset too, on the home page as well.
    const { page, close } = await openPage('');
    expect(await page.locator('main').innerText()).not.toMatch(/\$[^$\s][^$]*\$/);
    await close();
  });

  it('shows an outline of the headings and the objectives', async () => {
    const { page, close } = await openPage(lessonPaths[0]);
    const outline = page.getByRole('navigation', { name: 'On this page' });
    expect(await outline.getByRole('link').count()).toBeGreaterThan(2);
    await expect(
      page.getByRole('heading', { name: 'By the end of this chapter you can' }).count(),
    ).resolves.toBe(1);
    await close();
  });

  it('reads well at 360 px wide: nothing scrolls sideways', async () => {
    for (const path of ['', ...lessonPaths]) {
      const { page, close } = await openPage(path, { width: 360, height: 740 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow on /${path}`).toBeLessThanOrEqual(0);
      await close();
    }
  });
});

describe('print', () => {
  it('prints the lesson without navigation chrome', async () => {
    const { page, close } = await openPage(lessonPaths[0]);
    await page.emulateMedia({ media: 'print' });
    for (const name of ['Chapters', 'On this page', 'Previous and next chapter']) {
      await expect(page.getByRole('navigation', { name }).isVisible()).resolves.toBe(false);
    }
    await expect(page.getByRole('search').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    expect(await page.locator('.katex').first().isVisible()).toBe(true);
    await close();
  });

  it('draws every figure of a lesson for printing, even those never scrolled to', async () => {
    const { page, errors, close } = await openPage('03-xor-mlp/');
    const tags = ['perceptron-playground', 'xor-network', 'xor-trainer'];
    const widgets = page.locator(tags.join(', '));
    const ready = page.locator(tags.map((t) => `${t}[data-ready]`).join(', '));
    const total = await widgets.count();
    expect(total).toBeGreaterThan(1);
    expect(await ready.count()).toBeLessThan(total); // the lower ones wait for a scroll
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => ready.count()).toBe(total);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('notation page', () => {
  it('is linked from the home page and every lesson, and its tables are labelled', async () => {
    const { page, errors, close } = await openPage('');
    await page.getByRole('link', { name: 'Notation', exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/notation/'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Notation');
    const symbols = page.getByRole('table', { name: /^Every symbol/ });
    await expect(symbols.getByRole('rowheader').count()).resolves.toBeGreaterThanOrEqual(15);
    await expect(symbols.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Symbol',
      'Meaning',
      'Shape',
      'From chapter',
    ]);
    await expect(page.getByRole('table', { name: /both conventions/ }).count()).resolves.toBe(1);
    // Math is typeset at build time: KaTeX markup, and no TeX source left in the text.
    await expect(page.locator('.katex').count()).resolves.toBeGreaterThan(30);
    await expect(page.locator('main').innerText()).resolves.not.toMatch(/\$|\\mathbf/);
    for (const path of lessonPaths) {
      await page.goto(siteUrl(path));
      const link = page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', {
        name: /^Notation/,
      });
      await expect(link.getAttribute('href')).resolves.toMatch(/\/notation\/$/);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('is found by search', async () => {
    const { page, errors, close } = await openPage('');
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await box.fill('one-hot');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    await expect(results.getByRole('link').allTextContents()).resolves.toContain('Notation');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('theme', () => {
  it('follows the system, and the toggle is remembered across reload', async () => {
    const { page, errors, close } = await openPage('', { colorScheme: 'dark' });
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await bg();
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    const lightBg = await bg();
    expect(lightBg).not.toBe(darkBg);
    await page.reload();
    await expect(
      page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    expect(await bg()).toBe(lightBg);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('search', () => {
  it('finds a lesson by a word from its body', async () => {
    const lesson = lessons[0];
    const { page, errors, close } = await openPage(lessonPaths[lessonPaths.length - 1]);
    const box = page.getByRole('searchbox', { name: 'Search lessons' });
    await box.fill('ImageNet');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.waitFor();
    const first = results.getByRole('link').first();
    await expect(first.textContent()).resolves.toBe(lesson.title);
    await first.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${lesson.id}/`));
    expect(errors).toEqual([]);
    await close();
  });
});

describe('every page', () => {
  it('has no serious or critical accessibility violations, in both themes', async () => {
    for (const path of ['', ...lessonPaths, 'notation/', 'no-such-page/']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await openPage(path, { colorScheme });
        expect(await seriousAxeViolations(page), `${colorScheme} /${path}`).toEqual([]);
        await close();
      }
    }
    // Two axe scans per page: the budget grows with the course (about 4 s a page on 2 cores).
  }, 240_000);

  it('logs no console errors', async () => {
    for (const path of ['', ...lessonPaths, 'notation/']) {
      const { page, errors, close } = await openPage(path);
      await page.waitForLoadState('networkidle');
      expect(errors, `/${path}`).toEqual([]);
      await close();
    }
  });

  it('answers unknown addresses with the 404 page', async () => {
    const { page, close } = await openPage('no-such-page/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Page not found',
    );
    await close();
  });
});
