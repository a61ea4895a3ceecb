/**
 * A pool of sandboxed child processes, for grading a class: the same child as `runInSandbox`
 * (same flags: `--permission`, empty environment, 256 MB heap, no code generation from
 * strings) but kept alive and fed one job after another, so a class of 200 does not pay for
 * 2000 process starts. Jobs are spread over `size` workers (default: one per core).
 *
 * Isolation between jobs: each job runs sandbox.ts's CHILD program unchanged, which builds a
 * fresh vm context, evaluates the engine and harness into it and runs the student's code there;
 * the context is dropped afterwards, so nothing one submission does is seen by the next. Only
 * strings cross into and out of a context.
 *
 * State: `workers` (each a child process, its line buffer and the job it is running) and a
 * FIFO `queue` of waiting jobs. Lifecycle: workers start on first use; a worker that exits
 * (e.g. out of memory) or overruns its job's watchdog is killed, its job reports the failure
 * as `runInSandbox` would, and a fresh worker takes the next job. `close()` ends them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { compileRequest } from '../core/compile';
import type { RunResult } from '../core/protocol';
import {
  CHILD,
  DEFAULT_TIMEOUT_MS,
  failed,
  sandboxModules,
  timeoutError,
  type SandboxRequest,
} from './sandbox';

/**
 * The long-lived child: line 1 on stdin is the modules (JSON); every later line is a job
 * `{requests, timeoutMs}`, answered by one line of results. CHILD reads its job from stdin
 * and writes results to stdout; here it runs inside a function that hands it the job and
 * takes its output, so the per-job code is exactly the one-shot sandbox's.
 */
const WORKER = String.raw`
'use strict';
let modules = null;
function runJob(jobText) {
  let out = '';
  const process = {
    stdin: { setEncoding() {}, on(event, fn) { if (event === 'data') fn(jobText); else if (event === 'end') fn(); } },
    stdout: { write(text) { out = text; } },
  };
  ${CHILD}
  return out;
}
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let nl;
  while ((nl = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    if (modules === null) { modules = line; continue; }
    let out;
    try {
      out = runJob('{"modules":' + modules + ',' + line.slice(1));
    } catch (e) {
      out = JSON.stringify([{ failed: 'internal', message: String(e && e.message) }]);
    }
    process.stdout.write(out.replace(/\n/g, '\\n') + '\n');
  }
});
`;

interface Job {
  requests: SandboxRequest[];
  timeoutMs: number;
  resolve: (results: RunResult[]) => void;
}

interface Worker {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  job?: Job;
  timer?: ReturnType<typeof setTimeout>;
}

export interface PoolOptions {
  /** Number of child processes (default: the number of cores). */
  size?: number;
  /** Wall-clock limit per request, as in `runInSandbox` (default 2000 ms). */
  timeoutMs?: number;
}

export class SandboxPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Same contract as `runInSandbox`: requests in order, in one fresh context. */
  run(requests: SandboxRequest[]): Promise<RunResult[]> {
    if (this.closed) return Promise.reject(new Error('the sandbox pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ requests, timeoutMs: this.timeoutMs, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still queued are never run. */
  close(): void {
    this.closed = true;
    for (const w of this.workers.splice(0)) w.child.kill('SIGKILL');
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.workers.find((w) => !w.job);
      if (!worker && this.workers.length < this.size) worker = this.spawnWorker();
      if (!worker) return;
      this.start(worker, this.queue.shift() as Job);
    }
  }

  private spawnWorker(): Worker {
    const child = spawn(
      process.execPath,
      [
        '--permission',
        '--max-old-space-size=256',
        '--disallow-code-generation-from-strings',
        '-e',
        WORKER,
      ],
      { env: {}, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const worker: Worker = { child, stdout: '', stderr: '' };
    this.workers.push(worker);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      worker.stdout += chunk;
      const nl = worker.stdout.indexOf('\n');
      if (nl < 0) return;
      const line = worker.stdout.slice(0, nl);
      worker.stdout = worker.stdout.slice(nl + 1);
      this.finish(worker, line, undefined);
    });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      worker.stderr = (worker.stderr + c).slice(-10_000);
    });
    child.on('error', () => this.retire(worker, 'could not start'));
    child.on('exit', (code, signal) => this.retire(worker, signal ?? `exit code ${code}`));
    child.stdin?.on('error', () => undefined);
    child.stdin?.write(`${JSON.stringify(sandboxModules())}\n`);
    return worker;
  }

  private start(worker: Worker, job: Job): void {
    worker.job = job;
    worker.stderr = '';
    const line = JSON.stringify({
      requests: job.requests.map(compileRequest),
      timeoutMs: job.timeoutMs,
    });
    worker.timer = setTimeout(
      () => worker.child.kill('SIGKILL'),
      (job.timeoutMs + 1000) * job.requests.length + 5000,
    );
    worker.child.stdin?.write(`${line}\n`);
  }

  /** A job's answer (a line of results), or its worker's end (`stopped`). */
  private finish(worker: Worker, line: string | undefined, stopped: string | undefined): void {
    const job = worker.job;
    if (!job) return;
    clearTimeout(worker.timer);
    worker.job = undefined;
    let raw: unknown[] | undefined;
    try {
      raw = line === undefined ? undefined : (JSON.parse(line) as unknown[]);
    } catch {
      raw = undefined;
    }
    const oom = /heap out of memory|Allocation failed/i.test(worker.stderr);
    job.resolve(
      job.requests.map((req, i) => {
        const r = raw?.[i] as (RunResult & { failed?: string; message?: string }) | undefined;
        if (r && !r.failed) return r;
        if (r?.failed === 'timeout') return failed(req, timeoutError(job.timeoutMs));
        if (r?.failed)
          return failed(req, { kind: 'internal', name: 'Error', message: r.message ?? 'failed' });
        return failed(req, {
          kind: 'limit',
          name: 'Error',
          message: oom
            ? 'your code used too much memory'
            : `the sandbox stopped (${stopped ?? 'no answer'}) before this ran`,
        });
      }),
    );
    if (!this.closed) this.dispatch();
  }

  /** A worker ended: fail its job, forget it, and let a fresh one take the queue. */
  private retire(worker: Worker, why: string): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    this.finish(worker, undefined, why);
    if (!this.closed) this.dispatch();
  }
}
