import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';

export interface LessonFile {
  id: string;
  title: string;
  order: number;
  draft: boolean;
  body: string;
}

/** The published lessons straight from content/lessons, in course order (what the site should show). */
export function lessonFiles(dir = 'content/lessons'): LessonFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const { frontmatter, content } = parseFrontmatter(readFileSync(`${dir}/${f}`, 'utf8'));
      return {
        id: f.replace(/\.mdx$/, ''),
        title: String(frontmatter.title),
        order: Number(frontmatter.order),
        draft: frontmatter.draft === true,
        body: content,
      };
    })
    .filter((l) => !l.draft)
    .sort((a, b) => a.order - b.order);
}

/**
 * The environment for a child `astro build` started from a test. Vitest exposes Vite's own
 * variables (BASE_URL, MODE, PROD, …) on process.env, and a child build would take them as
 * its own settings, so they are removed.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'TEST', 'NODE_ENV']) {
    delete env[key];
  }
  // Plain text for tests that read the build's messages: with CI=true Astro colours its output
  // even into a pipe, which splits "due: expected …" with escape codes.
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  return env;
}
