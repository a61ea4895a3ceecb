import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface JsWeight {
  /** Number of JavaScript files fetched, plus inline scripts. */
  files: number;
  /** Raw bytes of all of it. */
  raw: number;
  /** The same, each file gzipped at level 9 (what a static host with compression sends). */
  gzip: number;
}

/**
 * Loads `url` and adds up every script the page fetches before the student interacts, plus
 * its inline scripts. Measured from the network, so lazily imported code is counted only once
 * something triggers it.
 */
export async function measureJs(page: Page, url: string): Promise<JsWeight> {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (type.includes('javascript')) bodies.push(response.body());
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
  );
  const all = [...(await Promise.all(bodies)), ...inline.map((s) => Buffer.from(s))];
  return {
    files: all.length,
    raw: all.reduce((n, b) => n + b.length, 0),
    gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}
