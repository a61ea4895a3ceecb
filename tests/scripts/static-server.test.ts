import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basePath,
  immutable,
  negotiateEncoding,
  revalidate,
  serveStatic,
  type StaticServer,
} from '../../scripts/static-server';

// A tiny built site: a page, a nested page, a hashed asset, a woff2 and the 404 page.
const page = `<!doctype html><title>Home</title>${'<p>The perceptron. '.repeat(200)}`;
const script = `export const x = ${JSON.stringify('weights '.repeat(300))};`;
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(root, '_astro'));
  mkdirSync(join(root, '02-perceptron'));
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, '02-perceptron', 'index.html'), '<!doctype html><title>Two</title>');
  writeFileSync(join(root, '_astro', 'app.Ab12Cd34.js'), script);
  writeFileSync(join(root, '_astro', 'KaTeX_Main.Xy.woff2'), Buffer.alloc(2000, 7));
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (no automatic decompression), so the test sees exactly what was sent. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['GZIP;Q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('basePath', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['course', '/course/'],
    ['/course', '/course/'],
    ['/course/', '/course/'],
  ])('%s → %s', (raw, expected) => expect(basePath(raw)).toBe(expected));
});

describe('serveStatic at the root', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await serveStatic(root);
  });
  afterAll(() => site.close());

  it('sends brotli to a browser that accepts it, with Vary and a matching length', async () => {
    const r = await get(site.url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(page.length / 10);
    expect(brotliDecompressSync(r.body).toString()).toBe(page);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const r = await get(site.url, { 'accept-encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toBe(page);
  });

  it('sends the bytes unchanged (still with Vary) to a client that accepts no encoding', async () => {
    const r = await get(site.url);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.body.toString()).toBe(page);
  });

  it('never re-compresses an already compressed format', async () => {
    const r = await get(`${site.url}_astro/KaTeX_Main.Xy.woff2`, { 'accept-encoding': 'br' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers.vary).toBeUndefined();
    expect(r.headers['content-type']).toBe('font/woff2');
    expect(r.headers['cache-control']).toBe(immutable);
  });

  it("caches Astro's hashed assets for a year and makes pages revalidate", async () => {
    const asset = await get(`${site.url}_astro/app.Ab12Cd34.js`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(asset.body).toString()).toBe(script);
    const html = await get(`${site.url}02-perceptron/`);
    expect(html.headers['cache-control']).toBe(revalidate);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body.toString()).toContain('<title>Two</title>');
  });

  it('answers a revalidation with 304 and no body, by ETag or by date', async () => {
    const first = await get(site.url, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const byTag = await get(site.url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);
    const byDate = await get(site.url, {
      'if-modified-since': String(first.headers['last-modified']),
    });
    expect(byDate.status).toBe(304);
    const stale = await get(site.url, { 'if-none-match': 'W/"other"' });
    expect(stale.status).toBe(200);
  });

  it('redirects a directory without its slash, as static hosts do', async () => {
    const r = await get(`${site.url}02-perceptron?x=1`);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/02-perceptron/?x=1');
  });

  it('answers unknown paths and ../ escapes with the site 404 page, compressed too', async () => {
    for (const path of ['nope/', 'nope.js', '..%2f..%2fetc%2fpasswd', '_astro/']) {
      const r = await get(`${site.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(r.status, path).toBe(404);
      expect(r.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(r.body).toString()).toContain('Not found');
    }
  });

  it('sends headers only for HEAD, and refuses other methods', async () => {
    const head = await get(site.url, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
    const post = await get(site.url, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers a malformed escape with 400', async () => {
    expect((await get(`${site.url}%E0%A4%A`)).status).toBe(400);
  });
});

describe('serveStatic under a BASE_PATH', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await serveStatic(root, { base: '/course/' });
  });
  afterAll(() => site.close());

  it('serves the site under the prefix, with the same headers', async () => {
    expect(site.url).toMatch(/\/course\/$/);
    const r = await get(`${site.url}_astro/app.Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe(immutable);
    expect(gunzipSync(r.body).toString()).toBe(script);
  });

  it('redirects the bare prefix to the site root', async () => {
    const r = await get(site.url.replace(/\/$/, ''));
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/course/');
  });

  it('answers paths outside the prefix with 404', async () => {
    const origin = new URL(site.url).origin;
    for (const path of ['/', '/index.html', '/_astro/app.Ab12Cd34.js']) {
      expect((await get(`${origin}${path}`)).status, path).toBe(404);
    }
  });
});
