/**
 * The Node runner: student code in a child `node` process, for the CLI grader and the tests.
 *
 * Layers of isolation, each enough on its own for the escapes we test:
 * - the child runs with Node's permission model (`--permission`: no file system, child
 *   processes, workers or native addons), an empty environment and a small heap;
 * - inside it, code runs in a fresh vm context (`DONT_CONTEXTIFY`: an ordinary global with
 *   only the JavaScript built-ins — no require, process, fetch or timers) where code generation
 *   from strings is off, so `constructor.constructor('return process')` throws;
 * - nothing from the host realm is handed in: the engine and the harness are evaluated inside
 *   the context from source, and only strings cross the boundary;
 * - a wall-clock limit per request (vm timeout), and a watchdog that kills the child.
 *
 * The parent transpiles with sucrase; the child never sees TypeScript or the file system.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase/dist/index.js';
import { compileRequest } from '../core/compile';
import type {
  CellRequest,
  ErrorInfo,
  ExerciseRequest,
  ProgramResult,
  RunResult,
} from '../core/protocol';

export const DEFAULT_TIMEOUT_MS = 2000;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ENTRIES = ['src/notebook/core/harness', 'src/engine/index'];

let modulesCache: Record<string, string> | undefined;

/** The engine and the harness as CommonJS sources keyed by root-relative id, dependencies included. */
export function sandboxModules(): Record<string, string> {
  if (modulesCache) return modulesCache;
  const out: Record<string, string> = {};
  const queue = [...ENTRIES];
  while (queue.length) {
    const id = queue.shift() as string;
    if (id in out) continue;
    const ts = readFileSync(join(ROOT, `${id}.ts`), 'utf8');
    const js = transform(ts, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
    }).code;
    out[id] = js;
    for (const m of js.matchAll(/require\('([^']+)'\)/g)) {
      const spec = m[1];
      if (spec === '@engine') queue.push('src/engine/index');
      else if (spec.startsWith('.')) queue.push(posix.join(posix.dirname(id), spec));
      else
        throw new Error(`sandbox module ${id} imports '${spec}', which cannot run in the sandbox`);
    }
  }
  modulesCache = out;
  return out;
}

/**
 * In-context CommonJS loader; '@engine' maps to the engine's index. It leaves one global, a
 * frozen, non-writable API whose closures hold the harness and JSON functions captured before
 * any student code runs, and deletes the boot-time registry.
 */
const LOADER = String.raw`
(function () {
  const norm = (parts) => {
    const out = [];
    for (const p of parts) { if (p === '..') out.pop(); else if (p !== '.' && p !== '') out.push(p); }
    return out.join('/');
  };
  const { modules, cache } = globalThis.__nb;
  const load = (id) => {
    if (cache[id]) return cache[id].exports;
    const factory = modules[id];
    if (!factory) throw new Error('sandbox: no module ' + id);
    const module = { exports: {} };
    cache[id] = module;
    const dir = id.split('/').slice(0, -1);
    factory((spec) => load(spec === '@engine' ? 'src/engine/index' : norm([...dir, ...spec.split('/')])), module, module.exports);
    return module.exports;
  };
  const engine = Object.freeze(Object.assign({}, load('src/engine/index')));
  const harness = load('src/notebook/core/harness').createHarness(engine);
  const S = JSON.stringify;
  const P = JSON.parse;
  let req = null;
  let loaded = [];
  const api = Object.freeze({
    begin(r) { req = P(r); loaded = []; },
    prepare() { return S(harness.prepare(req)); },
    load(i, fn) { loaded[i] = fn; },
    fail(i, info) { loaded[i] = info === null ? null : P(info); },
    execute(files) { return S(harness.execute(req, loaded, P(files))); },
  });
  Object.defineProperty(globalThis, '__nbHarness', { value: api, writable: false, configurable: false, enumerable: false });
  delete globalThis.__nb;
})();
`;

/** The child process: plain JavaScript, run with `node --permission -e` (pool.ts reuses it per job). */
export const CHILD = String.raw`
'use strict';
const vm = require('node:vm');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const job = JSON.parse(input);
  const ctx = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  const run = (code, filename, timeout) =>
    new vm.Script(code, { filename }).runInContext(ctx, timeout ? { timeout } : {});
  run('globalThis.__nb = { modules: Object.create(null), cache: Object.create(null) };', 'boot.js');
  for (const id of Object.keys(job.modules)) {
    run('__nb.modules[' + JSON.stringify(id) + '] = (function (require, module, exports) {' + job.modules[id] + '\n})', id + '.ts');
  }
  run(${JSON.stringify(LOADER)}, 'loader.js');
  const results = [];
  for (const req of job.requests) {
    run('__nbHarness.begin(' + JSON.stringify(JSON.stringify(req)) + ')', 'request.js');
    const prepared = JSON.parse(run('__nbHarness.prepare()', 'prepare.js'));
    prepared.forEach((p, i) => {
      if (!p.source) return run('__nbHarness.fail(' + i + ', null)', 'load.js');
      try {
        run('__nbHarness.load(' + i + ', ' + p.source + ')', p.filename);
      } catch (e) {
        const m = new RegExp('^' + p.filename.replace(/\./g, '\\.') + ':(\\d+)').exec(String(e && e.stack));
        const info = { kind: 'syntax', name: String(e && e.name), message: String(e && e.message) };
        if (m) info.line = Number(m[1]);
        run('__nbHarness.fail(' + i + ', ' + JSON.stringify(JSON.stringify(info)) + ')', 'load.js');
      }
    });
    const files = JSON.stringify(JSON.stringify(prepared.map((p) => p.filename)));
    try {
      const out = run('__nbHarness.execute(' + files + ')', 'execute.js', job.timeoutMs);
      results.push(JSON.parse(out));
    } catch (e) {
      const timedOut = e && e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
      results.push({ failed: timedOut ? 'timeout' : 'internal', message: String(e && e.message) });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
`;

export interface SandboxOptions {
  timeoutMs?: number;
}

/** What the sandbox was asked to run; sources are TypeScript. */
export type SandboxRequest = CellRequest | ExerciseRequest;

export function failed(req: SandboxRequest, error: ErrorInfo): RunResult {
  const n = req.kind === 'cell' ? 1 : req.sources.length;
  return {
    programs: Array.from({ length: n }, (): ProgramResult => ({ logs: [], plots: [], error })),
  };
}

export function timeoutError(ms: number): ErrorInfo {
  return {
    kind: 'timeout',
    name: 'Timeout',
    message: `your code ran for more than ${ms / 1000} s — is there an infinite loop?`,
  };
}

/**
 * Run requests in order in one fresh child process (cells share names as on a page).
 * Each request has its own time limit; one that runs too long reports a timeout error.
 */
export async function runInSandbox(
  requests: SandboxRequest[],
  options: SandboxOptions = {},
): Promise<RunResult[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const job = { modules: sandboxModules(), requests: requests.map(compileRequest), timeoutMs };
  const { stdout, code, signal, stderr } = await spawnChild(
    JSON.stringify(job),
    (timeoutMs + 1000) * requests.length + 5000,
  );
  let raw: unknown[] | undefined;
  try {
    raw = JSON.parse(stdout) as unknown[];
  } catch {
    raw = undefined;
  }
  return requests.map((req, i) => {
    const r = raw?.[i] as (RunResult & { failed?: string; message?: string }) | undefined;
    if (r && !r.failed) return r;
    if (r?.failed === 'timeout') return failed(req, timeoutError(timeoutMs));
    if (r?.failed)
      return failed(req, { kind: 'internal', name: 'Error', message: r.message ?? 'failed' });
    const oom = /heap out of memory|Allocation failed/i.test(stderr);
    return failed(req, {
      kind: 'limit',
      name: 'Error',
      message: oom
        ? 'your code used too much memory'
        : `the sandbox stopped (${signal ?? `exit code ${code}`}) before this ran`,
    });
  });
}

function spawnChild(
  input: string,
  watchdogMs: number,
): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--permission',
        '--max-old-space-size=256',
        '--disallow-code-generation-from-strings',
        '-e',
        CHILD,
      ],
      { env: {}, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c.slice(0, 10_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), watchdogMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
