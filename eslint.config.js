import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default defineConfig(
  {
    // assembly/ is AssemblyScript (usize, v128, …), type-checked by its own compiler.
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'public/',
      'tmp/',
      'assembly/',
      '**/*.astro',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine must run unchanged in Node, the page and a worker: no DOM, Astro or Plot.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['astro*', '@observablehq/*', 'node:*', '../notebook/*', '../../components/*'],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    // vitest's `expect(promise).resolves` and Playwright locators trip this rule needlessly.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // A code cell shows the value of its last expression, so a bare expression is the point.
    files: ['content/cells/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  prettier,
);
