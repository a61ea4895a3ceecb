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
 *
 * Also, without a budget: how many steps a second the logistic regression lab (chapter 9)
 * plays on the engine and on the student's own logisticStep (the reference solution, stored
 * as solved), counted from the lab's status line over `--lab-seconds` of playing.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../scripts/static-server';
import { chromiumArgs, findChromium } from '../scripts/chromium';
import { solvedRecord } from '../scripts/solved-record';
import { STORAGE_KEY } from '../src/notebook/progress-store';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const PAGE = arg('page', 'test/notebook/');
const COLD = Number(arg('cold', '7'));
const WARM = Number(arg('warm', '25'));
const LAB_SECONDS = Number(arg('lab-seconds', '3'));
const LAB_PAGE = '09-logistic-regression/';

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

/** Progress with `logistic-step` solved by its reference solution, as the page stores it. */
function solvedProgress(): string {
  const code = readFileSync('src/notebook/exercises/solutions/logistic-step.ts', 'utf8');
  const record = solvedRecord('logistic-step', code);
  return JSON.stringify({ schema: 1, cells: {}, exercises: { 'logistic-step': record } });
}

/** The lab's step count, from its status line ("Step 1,234 · mean BCE …"). */
async function labStep(page: Page): Promise<number> {
  const text = (await page.locator('logistic-lab [data-status]').textContent()) ?? '';
  const m = /Step ([\d,]+)/.exec(text);
  if (!m) throw new Error(`unexpected lab status: ${text}`);
  return Number(m[1].replace(/,/g, ''));
}

/**
 * Steps a second while the lab plays, on the engine or on the student's code: Reset, Play,
 * skip the first half second (the first round trips start the worker), then count steps over
 * LAB_SECONDS. Stops short of MAX_STEPS (3000), where the lab pauses by itself.
 */
async function labRate(page: Page, yours: boolean): Promise<number> {
  const lab = page.locator('logistic-lab');
  await lab.getByRole('button', { name: 'Reset weights' }).click();
  await lab.getByRole('checkbox', { name: 'Train with my logisticStep' }).setChecked(yours);
  await lab.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(500);
  const [s0, t0] = [await labStep(page), performance.now()];
  await page.waitForTimeout(LAB_SECONDS * 1000);
  const [s1, t1] = [await labStep(page), performance.now()];
  await lab.getByRole('button', { name: 'Pause' }).click();
  const trainer = await lab.evaluate((el) => el.dataset.trainer);
  if (trainer !== (yours ? 'yours' : 'engine')) throw new Error(`the lab trained on ${trainer}`);
  return ((s1 - s0) * 1000) / (t1 - t0);
}

async function labRates(browser: Browser, siteUrl: string) {
  const context = await browser.newContext();
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    [STORAGE_KEY, solvedProgress()],
  );
  const page = await context.newPage();
  await page.goto(new URL(LAB_PAGE, siteUrl).href, { waitUntil: 'networkidle' });
  const lab = page.locator('logistic-lab');
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    document.querySelector('logistic-lab')?.hasAttribute('data-ready'),
  );
  const engine = await labRate(page, false);
  const yours = await labRate(page, true);
  await context.close();
  return { engine, yours };
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
    const lab = await labRates(browser, site.url);
    console.log(
      `logistic lab (${LAB_PAGE}), steps a second while playing: ${lab.engine.toFixed(0)} on the engine, ${lab.yours.toFixed(0)} on the student's logisticStep`,
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
