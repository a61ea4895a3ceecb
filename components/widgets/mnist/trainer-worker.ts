/**
 * The MNIST trainer's Web Worker: parses the two digits files (training and held-out) the page
 * sends with the first start, then trains in slices of about SLICE_MS, posting the loss points,
 * evaluations and progress of each slice and yielding to its own event loop between slices, so "pause" and "reset" are heard at once. The page's main
 * thread only draws what arrives.
 *
 * State: the digits (from the first start), the current run and whether it is playing,
 * and a run number that tags every message so the page can ignore a replaced run's last words.
 */
import { parseMnistSplit, type MnistSplit } from '../../../src/engine/index';
import { MnistRun } from './trainer-run';
import type { FromWorker, ToWorker } from './trainer-protocol';

/** Train this long between messages: short enough for smooth progress, long enough to be cheap. */
const SLICE_MS = 50;

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

let digits: MnistSplit | undefined;
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

function start(message: Extract<ToWorker, { type: 'start' }>) {
  const id = ++runId;
  playing = false;
  run = null;
  try {
    if (message.digits) {
      digits = parseMnistSplit(
        new Uint8Array(message.digits.train),
        new Uint8Array(message.digits.test),
      );
    }
    if (!digits) throw new Error('the digits were not sent with the first start');
    run = new MnistRun(digits, message.config);
    trainMs = 0;
    playing = true;
    post({ type: 'started', run: id, evaluation: run.evaluate(), progress: run.progress });
    slice(id);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e) => {
  const message = e.data;
  if (message.type === 'start') start(message);
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
