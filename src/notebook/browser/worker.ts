/**
 * The notebook worker: compiles and runs student code, and sends back raw outputs only.
 *
 * It is started from a blob: URL (see runner.ts), so it inherits the page's
 * Content-Security-Policy: scripts only from the site itself and blob:, no eval, network only
 * to the site. On top of that, the network and messaging APIs are removed from its global
 * before any student code runs. Results go back over the MessagePort received in the first
 * message; the port and everything used to send on it are captured in this module's closure,
 * out of reach of student code, and each reply carries the request's nonce.
 */
import * as engine from '../../engine/index';
import { compileRequest } from '../core/compile';
import { createHarness, type Loaded, type ProgramFn } from '../core/harness';
import type { ErrorInfo, RunRequest } from '../core/protocol';

interface Incoming {
  nonce: string;
  request?: RunRequest;
  reset?: boolean;
}

const scope = self as unknown as Record<string, unknown> & {
  onmessage: ((e: MessageEvent) => void) | null;
};
const makeUrl = URL.createObjectURL.bind(URL);
const revokeUrl = URL.revokeObjectURL.bind(URL);
const BlobCtor = Blob;
const loadModule = (url: string) =>
  import(/* @vite-ignore */ url) as Promise<{ default: ProgramFn }>;
const harness = createHarness({ ...engine });

const REMOVED = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'BroadcastChannel',
  'indexedDB',
  'caches',
  'Worker',
  'SharedWorker',
  'postMessage',
  'close',
];

function strip(): void {
  for (const name of REMOVED) {
    for (
      let o: object | null = scope;
      o && o !== Object.prototype;
      o = Object.getPrototypeOf(o) as object | null
    ) {
      try {
        if (Object.prototype.hasOwnProperty.call(o, name))
          delete (o as Record<string, unknown>)[name];
      } catch {
        // Not configurable here; shadowed below.
      }
    }
    try {
      Object.defineProperty(scope, name, {
        value: undefined,
        writable: false,
        configurable: false,
      });
    } catch {
      // Already gone and locked.
    }
  }
}

async function load(source: string): Promise<{ loaded: Loaded; url: string }> {
  if (!source)
    return { loaded: { kind: 'internal', name: 'Error', message: 'not compiled' }, url: '' };
  const module = `export default ${source}`;
  const url = makeUrl(new BlobCtor([module], { type: 'text/javascript' }));
  try {
    return { loaded: (await loadModule(url)).default, url };
  } catch (e) {
    const err = e as Error;
    const info: ErrorInfo = {
      kind: 'syntax',
      name: String(err?.name ?? 'SyntaxError'),
      message: String(err?.message ?? e),
    };
    // The browser gives no position for a module that fails to parse; find it ourselves.
    if (info.name === 'SyntaxError') {
      const { locateSyntaxError } = await import('../core/locate-syntax-error');
      const where = locateSyntaxError(module);
      if (where) {
        info.line = where.line;
        // Line 1 also holds the wrapper and the inherited names; its column would mislead.
        if (where.line > 1) info.column = where.column;
      }
    }
    return { loaded: info, url };
  }
}

async function handle(req: RunRequest) {
  const hreq = compileRequest(req);
  const prepared = harness.prepare(hreq);
  const loaded = await Promise.all(prepared.map((p) => load(p.source)));
  const result = harness.execute(
    hreq,
    loaded.map((l) => l.loaded),
    loaded.map((l) => l.url),
  );
  for (const l of loaded) if (l.url) revokeUrl(l.url);
  return result;
}

scope.onmessage = (first: MessageEvent) => {
  const port = first.ports[0];
  if (!port) return;
  scope.onmessage = null;
  const send = port.postMessage.bind(port) as (m: unknown) => void;
  strip();
  let busy = Promise.resolve();
  port.onmessage = (e: MessageEvent<Incoming>) => {
    const { nonce, request, reset } = e.data;
    busy = busy.then(async () => {
      if (reset) {
        harness.reset();
        send({ nonce, ok: true });
        return;
      }
      if (!request) return;
      try {
        send({ nonce, result: await handle(request) });
      } catch (err) {
        send({ nonce, internal: String((err as Error)?.message ?? err) });
      }
    });
  };
  send({ type: 'ready' });
};
