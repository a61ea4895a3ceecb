/**
 * Preloads the two KaTeX faces almost every formula uses, on the built pages that contain math.
 *
 * Math is typeset at build time, but its fonts are only discovered once the stylesheet has
 * been parsed and the page laid out; by then the first paint has happened with fallback metrics,
 * and when KaTeX_Main and KaTeX_Math arrive the formulas change width and the paragraphs around
 * them re-wrap (a layout shift of ~0.085 on the lessons). A preload starts those two downloads
 * with the HTML instead. Other faces (bold, large delimiters, AMS) are small, rarer and left to
 * load on demand: preloading a face a page does not use wastes bandwidth and logs a warning.
 *
 * It runs after the build, over the HTML, so every page (lessons, and any page added later) gets
 * exactly the preloads its own math needs, with no per-page or per-layout code. The URL comes
 * from the page's own stylesheets, so it is the hashed URL the browser will ask for (base path
 * included) and the preloaded response is reused.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** A face worth preloading and the KaTeX markup that means a page uses it. */
const faces = [
  { name: 'KaTeX_Main-Regular', usedBy: /class="katex"/ },
  { name: 'KaTeX_Math-Italic', usedBy: /class="[^"]*\bmathnormal\b/ },
];

/**
 * The faces to preload for a built page: those its math uses outside closed <details> (the
 * home page's "What you will learn" lists hold formulas whose fonts load only when opened;
 * preloading them would be wasted bytes and a console warning).
 */
export function facesToPreload(html: string): string[] {
  const shown = html.replace(/<details(?![^>]*\sopen[\s>=])[^>]*>[\s\S]*?<\/details>/g, '');
  return faces.filter((f) => f.usedBy.test(shown)).map((f) => f.name);
}

export function katexFontPreload(): AstroIntegration {
  let base = '/';
  return {
    name: 'katex-font-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true, encoding: 'utf8' })).filter((f) =>
          f.endsWith('.html'),
        );
        let count = 0;
        for (const page of pages) {
          const html = await readFile(join(root, page), 'utf8');
          const used = facesToPreload(html);
          if (used.length === 0) continue;
          const css = await stylesheets(root, base, html);
          const links = used.map((face) => {
            const url = new RegExp(`url\\(["']?([^)"']*/${face}\\.[^)"']*\\.woff2)`).exec(css);
            if (!url) throw new Error(`${page}: no woff2 for ${face} in its stylesheets`);
            return `<link rel="preload" href="${url[1]}" as="font" type="font/woff2" crossorigin>`;
          });
          // Before the first stylesheet, so the fonts queue up next to it, not behind scripts.
          const at = html.search(/<link rel="stylesheet"|<style|<\/head>/);
          await writeFile(join(root, page), html.slice(0, at) + links.join('') + html.slice(at));
          count++;
        }
        logger.info(`preloaded KaTeX fonts on ${count} page${count === 1 ? '' : 's'}`);
      },
    },
  };
}

/** The text of a page's inline <style>s and of the local stylesheets it links. */
async function stylesheets(root: string, base: string, html: string): Promise<string> {
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  const files = await Promise.all(
    hrefs
      .filter((href) => href.startsWith(base))
      .map((href) => readFile(join(root, href.slice(base.length)), 'utf8').catch(() => '')),
  );
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  return [...files, ...inline].join('\n');
}
