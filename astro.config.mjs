// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { fileURLToPath } from 'node:url';
import { rehypeCourseLinks } from './src/content/course-links.ts';
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
  // Scratch builds (tests over other lesson folders) keep their own content cache, so one
  // build's cached entries never point another at files that are gone.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // Astro 7's default processor runs no remark/rehype plugins; math needs the unified one.
  markdown: {
    // rehypeCourseLinks: links to lessons the course file leaves out become plain text.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, rehypeCourseLinks],
    }),
  },
  // katexFontPreload: the lessons' math fonts start loading with the HTML (no layout shift).
  integrations: [mdx(), katexFontPreload()],
  vite: {
    resolve: {
      alias: { '@engine': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
    },
  },
});
