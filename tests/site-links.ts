import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every .html file under a built site. */
export function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(root, f));
}

/**
 * Internal references (href/src) in a built page that a static host would answer with 404, or
 * that escape the base path. Returns human-readable problems, empty when all is well.
 */
export function brokenLinks(root: string, base: string, file: string): string[] {
  const html = readFileSync(file, 'utf8');
  const problems: string[] = [];
  // The page's own URL, so relative references (e.g. ../notation/ in a lesson) resolve as a
  // browser would resolve them.
  const pageUrl = new URL(
    base +
      relative(root, file)
        .split(sep)
        .join('/')
        .replace(/index\.html$/, ''),
    'http://site.invalid',
  );
  for (const [, attr, raw] of html.matchAll(/\s(href|src)="([^"]+)"/g)) {
    const written = raw.replaceAll('&amp;', '&');
    if (/^(https?:|mailto:|data:|#)/.test(written)) continue;
    const resolved = new URL(written, pageUrl);
    const url = written.startsWith('/') ? written : resolved.pathname + resolved.search;
    if (!url.startsWith(base)) {
      problems.push(`${file}: ${attr}="${url}" is outside the base path ${base}`);
      continue;
    }
    const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
    const target = join(root, path);
    const ok =
      (existsSync(target) && statSync(target).isFile()) || existsSync(join(target, 'index.html'));
    if (!ok) problems.push(`${file}: ${attr}="${url}" does not exist in the build`);
  }
  return problems;
}
