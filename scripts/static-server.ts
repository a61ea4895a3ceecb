import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a plain static host does: files by path, `dir/` → `dir/index.html`,
 * everything else the site's 404.html with status 404. `base` mounts the site under a prefix,
 * as a GitHub project site would (`/course/`).
 */
export async function serveStatic(
  root: string,
  {
    port = 0,
    host = '127.0.0.1',
    base = '/',
  }: { port?: number; host?: string; base?: string } = {},
): Promise<StaticServer> {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.startsWith(prefix)
        ? await findFile(rootDir, path.slice(prefix.length))
        : null;
      if (!file) {
        const notFound = await readFile(join(rootDir, '404.html')).catch(() => 'Not found');
        res.writeHead(404, { 'content-type': types['.html'] });
        res.end(notFound);
        return;
      }
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(await readFile(file));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}${prefix}`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

async function findFile(root: string, relative: string): Promise<string | null> {
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no ../ escapes
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}
