// `npm run audit` — a benchmark, not a test: runs Lighthouse 12 (its default mobile profile,
// simulated throttling) against the built site as `npm run serve` serves it, and reports the
// four category scores plus LCP, TBT and CLS per page. It never fails on a low score; it exits
// non-zero only when it could not measure at all.
//
//   npm run audit                         home page and every lesson
//   npm run audit -- notation/ 02-perceptron/   just these paths (relative to the base path)
//   npm run audit -- --all                every built page except 404 and test fixtures
//   npm run audit -- --runs 3             each page 3 times, the median run by performance
//   npm run audit -- --json               the table, then one JSON object as the last line
//   npm run audit -- --details            also list every audit that did not pass
//
// Scores depend on the CPU Lighthouse gets: on a busy machine TBT and performance drop, so
// compare runs made under the same load, and prefer --runs 3 or more.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { basePath, serveStatic } from './static-server';
// The same browser and flags as the browser tests, so the audit sees what they see.
import { chromiumArgs, findChromium } from '../tests/e2e/chromium';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageScore {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  /** Bytes over the wire for the page and everything it loaded (Lighthouse's total-byte-weight). */
  transfer_kb: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
  },
});
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 1);
const root = process.env.OUT_DIR ?? 'dist';

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built site in ${root}/; building it first.`);
  // The build's log goes to stderr, so stdout stays the table (and --json's last line).
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const pages = positionals.length > 0 ? positionals : pagesToAudit(root, values.all);
const base = basePath(process.env.BASE_PATH);
const site = await serveStatic(root, { base });
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: chromiumArgs,
});

const results: Record<string, PageScore> = {};
try {
  for (const page of pages) {
    const url = new URL(page.replace(/^\/+/, ''), site.url).href;
    const samples: Result[] = [];
    for (let i = 0; i < runs; i++) samples.push(await audit(url, chrome.port));
    const lhr = medianRun(samples);
    const key = new URL(lhr.finalDisplayedUrl).pathname;
    results[key] = scores(lhr);
    if (!values.json) console.error(`audited ${key}`);
    if (values.details) printFailures(key, lhr);
  }
} finally {
  chrome.kill();
  await site.close();
}

printTable(results);
if (values.json) console.log(JSON.stringify(results));

/** Home page plus every lesson (`NN-slug/`), or with `all` every page but 404 and fixtures. */
function pagesToAudit(dir: string, all: boolean): string[] {
  const dirs = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .filter((name) => (all ? !/fixture/.test(name) : /^\d{2}-/.test(name)))
    .sort();
  return ['', ...dirs.map((d) => `${d}/`)];
}

async function audit(url: string, port: number): Promise<Result> {
  const result = await lighthouse(url, {
    port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: [...categories],
  });
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  if (result.lhr.runtimeError) {
    throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
  }
  return result.lhr;
}

/** The run whose performance score is the median (Lighthouse's own advice for noisy runs). */
function medianRun(samples: Result[]): Result {
  const sorted = [...samples].sort(
    (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
  );
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function scores(lhr: Result): PageScore {
  const score = (id: (typeof categories)[number]) =>
    Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcp_ms: Math.round(metric('largest-contentful-paint')),
    tbt_ms: Math.round(metric('total-blocking-time')),
    cls: Number(metric('cumulative-layout-shift').toFixed(3)),
    transfer_kb: Math.round(metric('total-byte-weight') / 1024),
  };
}

function printFailures(key: string, lhr: Result) {
  for (const id of categories) {
    const failed = (lhr.categories[id]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative');
    for (const a of failed) {
      console.error(`  ${key} [${id}] ${a.id}: ${a.title} ${a.displayValue ?? ''}`.trimEnd());
    }
  }
}

function printTable(rows: Record<string, PageScore>) {
  const header = ['page', 'perf', 'a11y', 'best-pr.', 'seo', 'LCP', 'TBT', 'CLS', 'transfer'];
  const body = Object.entries(rows).map(([path, s]) => [
    path,
    String(s.performance),
    String(s.accessibility),
    String(s['best-practices']),
    String(s.seo),
    `${(s.lcp_ms / 1000).toFixed(1)} s`,
    `${s.tbt_ms} ms`,
    s.cls.toFixed(3),
    `${s.transfer_kb} KB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    ['', line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'),
  );
}
