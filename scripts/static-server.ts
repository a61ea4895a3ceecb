import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
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

// What static hosts (Netlify, Cloudflare Pages, GitHub Pages) compress on the way out: text
// and a few uncompressed binary formats. woff2, png and Pagefind's index files are already
// compressed, and compressing them again only costs time.
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.txt',
  '.xml',
  '.svg',
  '.ico',
  '.ttf',
  '.wasm',
]);

/** Cache-Control for a long-lived, content-hashed asset: its name changes when it does. */
export const immutable = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: a browser may keep it but must check it first. */
export const revalidate = 'public, max-age=0, must-revalidate';

export type Encoding = 'br' | 'gzip' | 'identity';

const encoders: Record<Exclude<Encoding, 'identity'>, (b: Buffer) => Promise<Buffer>> = {
  // Quality 6, nginx's default for on-the-fly brotli: within ~10% of the maximum (11) in size,
  // but ~20x faster. At 11 the first request for the 450 KB runner chunk took seconds on a
  // busy machine, long enough for lazily loaded widgets in the browser tests to time out.
  br: (b) =>
    promisify(brotliCompress)(b, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_SIZE_HINT]: b.length,
      },
    }),
  gzip: (b) => promisify(gzip)(b, { level: 9 }),
};

/**
 * The encoding to send for an Accept-Encoding header: brotli when acceptable, else gzip, else
 * none. Honours q-values (`gzip;q=0` refuses gzip) and `*`.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/** BASE_PATH as the site was built with it ('course', '/course', '/course/' → '/course/'). */
export function basePath(raw = '/'): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface Representation {
  body: Buffer;
  etag: string;
  mtime: Date;
}

/**
 * Serves a built site the way a static host does: files by path, `dir/` → `dir/index.html`
 * (`dir` redirects to `dir/`), everything else the site's 404.html with status 404. `base`
 * mounts the site under a prefix, as a GitHub project site would (`/course/`).
 *
 * Like a real host it compresses text (brotli or gzip, negotiated by Accept-Encoding, with
 * `Vary: Accept-Encoding`), marks Astro's content-hashed `_astro/` files immutable for a year,
 * makes everything else revalidate, and answers conditional requests with 304. Compressed
 * bodies are kept in memory, keyed by file, modification time and encoding.
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
  const cache = new Map<string, Promise<Representation>>();

  const represent = async (file: string, encoding: Encoding): Promise<Representation> => {
    const info = await stat(file);
    const key = `${file}\0${info.mtimeMs}\0${encoding}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = readFile(file).then(async (raw) => ({
        body: encoding === 'identity' ? raw : await encoders[encoding](raw),
        // Weak: the same validator for every encoding of the same bytes.
        etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
        mtime: info.mtime,
      }));
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };

  const send = async (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    status: number,
    cacheControl: string,
  ) => {
    const ext = extname(file);
    const canCompress = compressible.has(ext);
    const encoding = canCompress ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
    const { body, etag, mtime } = await represent(file, encoding);
    const headers: Record<string, string | number> = {
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      etag,
      'last-modified': mtime.toUTCString(),
    };
    if (canCompress) headers.vary = 'Accept-Encoding';
    if (status === 200 && fresh(req, etag, mtime)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end('Bad request');
      return;
    }
    if (`${path}/` === prefix) return redirect(res, `${prefix}${url.search}`);
    const found = path.startsWith(prefix)
      ? await findFile(rootDir, path.slice(prefix.length))
      : null;
    if (found?.directory) return redirect(res, `${url.pathname}/${url.search}`);
    if (!found) {
      const notFound = join(rootDir, '404.html');
      if (await stat(notFound).catch(() => null)) {
        return send(req, res, notFound, 404, revalidate);
      }
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end('Not found');
      return;
    }
    const hashed = path.startsWith(`${prefix}_astro/`);
    await send(req, res, found.file, 200, hashed ? immutable : revalidate);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
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
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeIdleConnections();
      }),
  };
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(301, { location, 'cache-control': revalidate });
  res.end();
}

/** A conditional GET the client's cached copy still satisfies (If-None-Match wins). */
function fresh(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => weak(t) === weak(etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

/**
 * The file a path names; `directory` when it names a directory with an index.html but lacks
 * the trailing slash (relative links in that page would resolve wrongly without it).
 */
async function findFile(
  root: string,
  relative: string,
): Promise<{ file: string; directory: boolean } | null> {
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no ../ escapes
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return { file: candidate, directory: false };
  if (!info?.isDirectory()) return null;
  const index = join(candidate, 'index.html');
  if (!(await stat(index).catch(() => null))?.isFile()) return null;
  return { file: index, directory: relative !== '' && !relative.endsWith('/') };
}
