import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { brokenLinks, htmlFiles } from '../site-links';
import { buildEnv, lessonFiles } from '../lesson-files';
import { getBrowser, closeBrowser } from './browser';

const lessons = lessonFiles();

describe('the built site (dist/)', () => {
  it('has one page per published lesson, plus the home and 404 pages', () => {
    const pages = htmlFiles('dist').map((f) => f.replace(/^dist\//, ''));
    for (const l of lessons) expect(pages).toContain(`${l.id}/index.html`);
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
  });

  it('has no broken internal links or assets', () => {
    expect(htmlFiles('dist').flatMap((f) => brokenLinks('dist', '/', f))).toEqual([]);
  });

  it('typesets math at build time and ships no math JavaScript', () => {
    for (const l of lessons.filter((x) => x.body.includes('$'))) {
      const html = readFileSync(`dist/${l.id}/index.html`, 'utf8');
      expect(html).toContain('class="katex"');
      expect(html).not.toMatch(/<script[^>]*katex/i);
      // KaTeX's stylesheet is a local asset, not a CDN link.
      expect(html).not.toMatch(/https?:\/\/[^"]*katex/i);
    }
  });
});

describe('a build under BASE_PATH=/course/', () => {
  let out = '';
  let site: StaticServer;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'dist-base-'));
    const build = spawnSync('npm', ['run', 'build'], {
      env: buildEnv({ BASE_PATH: '/course/', OUT_DIR: out }),
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    site = await serveStatic(out, { base: '/course/' });
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    await closeBrowser();
    rmSync(out, { recursive: true, force: true });
  });

  it('keeps every internal link and asset under /course/', () => {
    expect(htmlFiles(out).flatMap((f) => brokenLinks(out, '/course/', f))).toEqual([]);
  });

  it('navigates and searches under the base path in a browser', async () => {
    const browser = await getBrowser();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(site.url);
    await page.getByRole('link', { name: /^Start here:/ }).click();
    await page.waitForURL(`${site.url}${lessons[0].id}/`);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('ImageNet');
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    await hit.waitFor();
    expect(await hit.getAttribute('href')).toMatch(/^\/course\//);
    expect(errors).toEqual([]);
    await context.close();
  });
});
