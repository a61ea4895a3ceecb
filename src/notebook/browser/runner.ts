/**
 * The page side of the runner: one Web Worker per runner, started from a blob: URL so it
 * inherits the page's CSP, spoken to over a private MessageChannel. Requests run one at a
 * time; each has a wall-clock limit, after which the worker is terminated and replaced.
 *
 * State: the current worker and its port (replaced on timeout), the queue of pending runs,
 * and a generation number that increases whenever the worker is replaced (so cells know their
 * shared names are gone).
 */
import workerUrl from './worker?worker&url';
import type { ProgramResult, RunRequest, RunResult } from '../core/protocol';

export const DEFAULT_TIMEOUT_MS = 2000;

export interface RunOutcome {
  result: RunResult;
  /** Wall time from sending the request to receiving the reply, ms. */
  ms: number;
  /** True when the run hit the time limit (the worker was replaced). */
  timedOut: boolean;
}

interface Reply {
  nonce?: string;
  type?: string;
  result?: RunResult;
  internal?: string;
  ok?: boolean;
}

function nonce(): string {
  const a = new Uint32Array(4);
  crypto.getRandomValues(a);
  return Array.from(a, (x) => x.toString(16).padStart(8, '0')).join('');
}

export class NotebookRunner {
  /** Increases each time a worker is started; 0 before the first. */
  generation = 0;
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private ready: Promise<void> | undefined;
  private pending = new Map<string, (r: Reply) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private restartListeners = new Set<() => void>();

  constructor(readonly timeoutMs = DEFAULT_TIMEOUT_MS) {}

  /** Called after the worker was replaced (cells lose their shared names). */
  onRestart(fn: () => void): () => void {
    this.restartListeners.add(fn);
    return () => this.restartListeners.delete(fn);
  }

  /** Start the worker now (e.g. on first focus) so the first run is warm. */
  warm(): Promise<void> {
    return this.start();
  }

  run(request: RunRequest): Promise<RunOutcome> {
    const next = this.queue.then(() => this.runNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const abs = new URL(workerUrl, document.baseURI).href;
    const blobUrl = URL.createObjectURL(
      new Blob([`import ${JSON.stringify(abs)};`], { type: 'text/javascript' }),
    );
    const worker = new Worker(blobUrl, { type: 'module', name: 'notebook' });
    const channel = new MessageChannel();
    this.worker = worker;
    this.port = channel.port1;
    this.generation++;
    this.ready = new Promise<void>((resolve, reject) => {
      channel.port1.onmessage = (e: MessageEvent<Reply>) => {
        if (e.data?.type === 'ready') {
          URL.revokeObjectURL(blobUrl);
          resolve();
          return;
        }
        const n = e.data?.nonce;
        const done = n ? this.pending.get(n) : undefined;
        if (done && n) {
          this.pending.delete(n);
          done(e.data);
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        reject(new Error(`the code runner failed to start: ${e.message || 'unknown error'}`));
      };
    });
    // Messages posted by student code with self.postMessage land here and are ignored.
    worker.onmessage = null;
    worker.postMessage({ type: 'connect' }, [channel.port2]);
    return this.ready;
  }

  private replace(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.port = undefined;
    this.ready = undefined;
    for (const fn of this.restartListeners) fn();
    void this.start().catch(() => undefined);
  }

  private async runNow(request: RunRequest): Promise<RunOutcome> {
    await this.start();
    const port = this.port as MessagePort;
    const id = nonce();
    const t0 = performance.now();
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.replace();
        resolve({
          result: timeoutResult(request, this.timeoutMs),
          ms: performance.now() - t0,
          timedOut: true,
        });
      }, this.timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        const ms = performance.now() - t0;
        if (reply.result) resolve({ result: reply.result, ms, timedOut: false });
        else
          resolve({
            result: failResult(request, reply.internal ?? 'no result'),
            ms,
            timedOut: false,
          });
      });
      port.postMessage({ nonce: id, request });
    });
  }
}

function programs(request: RunRequest, make: () => ProgramResult): RunResult {
  const n = request.kind === 'cell' ? 1 : request.sources.length;
  return { programs: Array.from({ length: n }, make) };
}

export function timeoutResult(request: RunRequest, ms: number): RunResult {
  return programs(request, () => ({
    logs: [],
    plots: [],
    error: {
      kind: 'timeout',
      name: 'Timeout',
      message: `your code ran for more than ${ms / 1000} s — is there an infinite loop?`,
    },
  }));
}

function failResult(request: RunRequest, message: string): RunResult {
  return programs(request, () => ({
    logs: [],
    plots: [],
    error: { kind: 'internal', name: 'Error', message },
  }));
}

let shared: NotebookRunner | undefined;
let exercisesRunner: NotebookRunner | undefined;

/** The page's runner for code cells (one worker, shared names). */
export function cellRunner(): NotebookRunner {
  shared ??= new NotebookRunner();
  return shared;
}

/** The page's runner for exercises: a separate worker, so an exercise never disturbs the cells. */
export function exerciseRunner(): NotebookRunner {
  exercisesRunner ??= new NotebookRunner();
  return exercisesRunner;
}
