// `npm start` serves the built workbook (dist/) like any static host would, on 127.0.0.1:
// compressed, with a host's cache headers (see static-server.ts), so what you preview and
// audit is what students get. PORT picks the port (default 4321; a busy port falls back to a
// free one); BASE_PATH must match the one the site was built with.
import { existsSync } from 'node:fs';
import { basePath, serveStatic } from './static-server';

const root = process.env.OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built site in ${root}/. Run \`npm run build\` first (npm start does both).`);
  process.exit(1);
}
const base = basePath(process.env.BASE_PATH);
const wanted = Number(process.env.PORT ?? 4321);
const site = await serveStatic(root, { port: wanted, base }).catch(() =>
  serveStatic(root, { port: 0, base }),
);
console.log(`\n  DNN Workbook is being served at ${site.url}\n  (Ctrl+C to stop)\n`);
