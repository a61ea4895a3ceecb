/**
 * How fast a student gets feedback after pressing Run, in chromium against the built site
 * (npm run build first): the median time from the click to the output on the page, for the
 * first run on a fresh page (cold: runner chunk, editor and worker all load) and for later
 * runs (warm worker). Also the JavaScript a lesson page ships, gzipped, before the student
 * touches a cell and after the first run.
 *
 *   npm run bench:runner [-- --page test/notebook/ --cold 7 --warm 25]
 *
 * Budgets: median ≤ 400 ms cold, ≤ 100 ms warm, ≤ 100 KB gzip JS before a cell is touched.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../scripts/static-server';
import { chromiumArgs, findChromium } from '../scripts/chromium';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const PAGE = arg('page', 'test/notebook/');
const COLD = Number(arg('cold', '7'));
const WARM = Number(arg('warm', '25'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Click the first cell's Run button and time it, in the page, until its output changes. */
function timedRun(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector('nb-cell') as HTMLElement;
        const output = cell.querySelector('.nb-output') as HTMLElement;
        const button = cell.querySelector('.nb-run') as HTMLButtonElement;
        const t0 = performance.now();
        new MutationObserver((_, obs) => {
          obs.disconnect();
          resolve(performance.now() - t0);
        }).observe(output, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
  );
}

/** Gzipped size of the site's scripts among `urls` (blob: bootstraps are a few bytes and skipped). */
async function scriptBytes(urls: Set<string>): Promise<number> {
  let total = 0;
  for (const url of urls) {
    if (!url.startsWith('http')) continue;
    const body = await (await fetch(url)).arrayBuffer();
    total += gzipSync(Buffer.from(body)).length;
  }
  return total;
}

async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) scripts.add(r.url());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { context, page, scripts };
}

async function main() {
  const site = await serveStatic('dist');
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const url = new URL(PAGE, site.url).href;
  try {
    const cold: number[] = [];
    let before = 0;
    let after = 0;
    for (let i = 0; i < COLD; i++) {
      const { context, page, scripts } = await openFresh(browser, url);
      const initial = new Set(scripts);
      cold.push(await timedRun(page));
      if (i === 0) {
        await page.waitForTimeout(300);
        before = await scriptBytes(initial);
        after = await scriptBytes(scripts);
      }
      await context.close();
    }
    const { context, page } = await openFresh(browser, url);
    await timedRun(page);
    const warm: number[] = [];
    for (let i = 0; i < WARM; i++) warm.push(await timedRun(page));
    await context.close();
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(`page: ${PAGE}`);
    console.log(
      `cold run (first on the page), median of ${COLD}: ${median(cold).toFixed(0)} ms  [${cold.map((x) => x.toFixed(0)).join(', ')}]`,
    );
    console.log(`warm run, median of ${WARM}: ${median(warm).toFixed(1)} ms`);
    console.log(
      `JS before touching a cell: ${kb(before)} gzip; after the first run (editor, runner, worker): ${kb(after)} gzip`,
    );
    const ok = median(cold) <= 400 && median(warm) <= 100 && before <= 100 * 1024;
    console.log(
      ok ? 'within budget (cold ≤ 400 ms, warm ≤ 100 ms, ≤ 100 KB before touching)' : 'OVER BUDGET',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    await site.close();
  }
}

void main();
