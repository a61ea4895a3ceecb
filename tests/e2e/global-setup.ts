import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

let site: StaticServer | undefined;

// Browser tests run against the real static output, exactly what a host would serve.
export async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!existsSync('dist/index.html')) {
    throw new Error('No built site in dist/. Run `npm run build` first (`npm test` does).');
  }
  site = await serveStatic('dist');
  project.provide('baseURL', site.url);
  project.provide('chromiumPath', chromiumPath);
}

export async function teardown() {
  await site?.close();
}
