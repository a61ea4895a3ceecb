import { readFileSync } from 'node:fs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../site-links';
import { facesToPreload } from '../../src/integrations/katex-font-preload';

// Every page the build produced, found by globbing dist/ rather than listed, so pages added
// later (assignments, notation, new lessons) are checked without touching this file.
const pages = htmlFiles('dist').sort();

describe('the built HTML', () => {
  it('finds the pages', () => {
    expect(pages).toContain('dist/index.html');
    expect(pages.length).toBeGreaterThan(3);
  });

  // The project's .htmlvalidate.mjs: the recommended preset, with KaTeX's inline styles allowed.
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  it.each(pages)('%s is valid (html-validate, recommended)', async (file) => {
    const report = await validator.validateFile(file);
    const problems = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector})`),
    );
    expect(problems).toEqual([]);
  });

  // Without these preloads the formulas re-wrap when their fonts arrive (a layout shift); with
  // needless ones, a page downloads fonts it never shows.
  it.each(pages)('%s preloads exactly the KaTeX faces its visible math uses', (file) => {
    const html = readFileSync(file, 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const preloaded = [...head.matchAll(/<link rel="preload" href="[^"]*\/(KaTeX_[\w-]+)\./g)];
    expect(preloaded.map((m) => m[1])).toEqual(facesToPreload(html));
  });
});
