import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (engine, notebook, content, scripts) and browser tests that
// drive Debian's chromium against the already-built site in dist/ (npm test builds first).
export default defineConfig({
  // Same alias as astro.config.mjs: code cells and exercises import the engine as '@engine'.
  resolve: {
    alias: { '@engine': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Lazy widgets and live training take longer than expect.poll's 1 s default when the
          // machine is busy; a poll still returns as soon as its condition holds.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
