// Prints what the built site weighs: dist/ on disk, and the JavaScript each page (home, lessons,
// assignments) ships before the student interacts (gzip, measured from the network in
// Chromium). `npm run report:sizes` after `npm run build`; the figures go into closing notes
// and the README.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server';
import { chromiumArgs, findChromium } from './chromium';
import { measureJs } from './js-weight';
import { lessonFiles } from './lesson-files';

function du(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => statSync(join(dir, f)))
    .filter((s) => s.isFile())
    .reduce((n, s) => n + s.size, 0);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const site = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
console.log(`dist/ total: ${kb(du('dist'))} (pagefind index ${kb(du('dist/pagefind'))})`);
console.log('page | JS files | raw | gzip');
// Assignment pages as built (the course may list none); they load the progress store too.
const assignments = readdirSync('dist/assignments', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `assignments/${d.name}/`);
for (const path of ['', ...lessonFiles().map((l) => `${l.id}/`), ...assignments]) {
  const page = await browser.newPage();
  const w = await measureJs(page, new URL(path, site.url).href);
  console.log(`/${path} | ${w.files} | ${kb(w.raw)} | ${kb(w.gzip)}`);
  await page.close();
}
await browser.close();
await site.close();
