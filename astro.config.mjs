// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { fileURLToPath } from 'node:url';
import { katexFontPreload } from './src/integrations/katex-font-preload';

// BASE_PATH lets the same build be served from a sub-folder (e.g. a GitHub project site at
// /course/). Normalise it so '/course', 'course/' and '/course/' all mean the same thing.
function basePath(raw = '/') {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  build: { format: 'directory' },
  // Astro 7's default processor runs no remark/rehype plugins; math needs the unified one.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  // katexFontPreload: the lessons' math fonts start loading with the HTML (no layout shift).
  integrations: [mdx(), katexFontPreload()],
  vite: {
    resolve: {
      alias: { '@engine': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
    },
  },
});
