/**
 * The MNIST trainer's Web Worker: loads the digits once, then trains in slices of about
 * SLICE_MS, posting the loss points, evaluations and progress of each slice and yielding to
 * its own event loop between slices, so "pause" and "reset" are heard at once. The page's main
 * thread only draws what arrives.
 *
 * State: the digits (loaded on the first start), the current run and whether it is playing,
 * and a run number that tags every message so the page can ignore a replaced run's last words.
 */
import { fetchMnist, type MnistData } from '../../../src/engine/index';
import { MnistRun } from './trainer-run';
import type { FromWorker, ToWorker } from './trainer-protocol';

/** Train this long between messages: short enough for smooth progress, long enough to be cheap. */
const SLICE_MS = 50;

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let data: Promise<MnistData> | undefined;
let run: MnistRun | null = null;
let runId = 0;
let playing = false;
let trainMs = 0;

function post(message: FromWorker) {
  scope.postMessage(message);
}

function slice(id: number) {
  if (!run || !playing || id !== runId) return;
  const start = performance.now();
  const { losses, evaluations } = run.advance(() => performance.now() - start >= SLICE_MS);
  trainMs += performance.now() - start;
  const progress = run.progress;
  post({ type: 'slice', run: id, losses, evaluations, progress, trainMs });
  if (progress.done) playing = false;
  else setTimeout(() => slice(id), 0);
}

async function start(message: Extract<ToWorker, { type: 'start' }>) {
  const id = ++runId;
  playing = false;
  run = null;
  try {
    if (!data) post({ type: 'loading' });
    data ??= fetchMnist(message.url);
    const digits = await data;
    if (id !== runId) return;
    run = new MnistRun(digits, message.config);
    trainMs = 0;
    playing = true;
    post({ type: 'started', run: id, evaluation: run.evaluate(), progress: run.progress });
    slice(id);
  } catch (e) {
    data = undefined;
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const message = e.data;
  if (message.type === 'start') void start(message);
  else if (message.type === 'pause') {
    playing = false;
    post({ type: 'paused', run: runId });
  } else if (message.type === 'resume') {
    if (run && !playing && !run.progress.done) {
      playing = true;
      slice(runId);
    }
  } else {
    runId++;
    run = null;
    playing = false;
  }
};
