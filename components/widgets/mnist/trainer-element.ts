/**
 * Browser behaviour of <mnist-trainer>: starts the training worker, turns its messages into
 * store updates, and draws progress, the two curves, the confusion matrix and the gallery of
 * wrong digits. Training never runs on the main thread; figures are redrawn at most a few
 * times a second, so the page stays responsive. Loaded lazily (../lazy.ts).
 */
import workerUrl from './trainer-worker?worker&url';
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { loadDigitFiles } from './assets';
import { darkCell, inkMix, paintImage, palette, type Palette } from './paint';
import { SIDE } from './mnist-logic';
import { renderAccuracyCurve, renderLossCurve } from './trainer-plot';
import { bindRunControls, showRunFields } from './run-controls';
import { WORK_MEASURE, type DigitFiles, type FromWorker, type ToWorker } from './trainer-protocol';
import {
  configure,
  initialTrainer,
  receive,
  reset,
  secondsLeft,
  speed,
  type MnistTrainerState,
} from './trainer-state';

/** Figures are redrawn at most this often while training (milliseconds). */
const FIGURE_INTERVAL = 400;

class MnistTrainerController extends WidgetController {
  private readonly store: Store<MnistTrainerState> = createStore(initialTrainer());
  private worker: Worker | null = null;
  private figuresAt = 0;
  private figureTimer = 0;
  private colours: Palette | null = null;
  private galleryKey = '';
  private evalKey = '';
  private sentDigits = false;

  constructor(root: HTMLElement) {
    super(root);
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    bindRunControls(root, this.on.bind(this), {
      change: (patch) => this.change(patch),
      seedNow: () => this.store.get().config.seed,
      play: () => this.play(),
      reset: () => {
        this.send({ type: 'reset' });
        this.store.set(reset);
      },
    });
    this.redrawOn(this.q('[data-loss-plot]'), { theme: false });
    const theme = new MutationObserver(() => {
      this.colours = null;
      this.galleryKey = '';
      this.evalKey = '';
      this.schedule(true);
    });
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => theme.disconnect());
    this.schedule(true);
  }

  override destroy() {
    super.destroy();
    clearTimeout(this.figureTimer);
    this.worker?.terminate();
    this.worker = null;
  }

  private change(config: Parameters<typeof configure>[1]) {
    this.send({ type: 'reset' });
    this.store.set((s) => configure(s, config));
  }

  private send(message: ToWorker) {
    this.worker?.postMessage(message);
  }

  /** The worker is started on the first Start, so merely scrolling past costs nothing. */
  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL(workerUrl, document.baseURI), {
        type: 'module',
        name: 'mnist-trainer',
      });
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const start = performance.now();
        this.store.set((s) => receive(s, e.data));
        performance.measure(WORK_MEASURE, { start, end: performance.now() });
      };
      this.worker.onerror = (e) =>
        this.store.set((s) => receive(s, { type: 'error', message: e.message || 'worker failed' }));
    }
    return this.worker;
  }

  private play() {
    const s = this.store.get();
    if (s.status === 'training') {
      this.send({ type: 'pause' });
    } else if (s.status === 'paused') {
      this.store.set({ ...s, status: 'training' });
      this.send({ type: 'resume' });
    } else if (s.status !== 'loading') {
      this.store.set({ ...initialTrainer(s.config), status: 'loading' });
      void this.start(s.config);
    }
  }

  /**
   * Start a run in the worker, sending it both digits files the first time: the training
   * digits are fetched now (once per page), the held-out ones only if no figure has yet.
   */
  private async start(config: MnistTrainerState['config']) {
    try {
      const worker = this.ensureWorker();
      // Copies of both files, moved (not copied again) to the worker.
      const digits: DigitFiles | undefined = this.sentDigits ? undefined : await loadDigitFiles();
      if (this.store.get().status !== 'loading') return; // reset or reconfigured meanwhile
      worker.postMessage(
        { type: 'start', digits, config } satisfies ToWorker,
        digits ? [digits.train, digits.test] : [],
      );
      this.sentDigits = true;
    } catch (e) {
      this.store.set((st) =>
        receive(st, { type: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  protected render() {
    const s = this.store.get();
    this.renderControls(s);
    this.renderProgress(s);
    const due = this.figuresAt + FIGURE_INTERVAL - performance.now();
    const key = `${s.run}:${s.status}:${s.losses.length}:${s.accuracy.length}`;
    if (key === this.key) return;
    if (due > 0 && s.status === 'training') {
      // Too soon after the last redraw: come back when it is due.
      clearTimeout(this.figureTimer);
      this.figureTimer = window.setTimeout(() => this.schedule(), due);
      return;
    }
    this.key = key;
    const start = performance.now();
    this.figuresAt = start;
    this.renderFigures(s);
    // The confusion counts and the gallery change only with a new evaluation.
    const evalKey = `${s.run}:${s.accuracy.length}`;
    if (evalKey !== this.evalKey) {
      this.evalKey = evalKey;
      this.renderConfusion(s);
      this.renderGallery(s);
    }
    performance.measure(WORK_MEASURE, { start, end: performance.now() });
  }

  private renderControls(s: MnistTrainerState) {
    const play = this.q<HTMLButtonElement>('[data-play]');
    if (play) {
      const text =
        s.status === 'training'
          ? 'Pause'
          : s.status === 'paused'
            ? 'Resume'
            : s.status === 'done'
              ? 'Train again'
              : 'Start';
      if (play.textContent !== text) play.textContent = text;
      play.disabled = s.status === 'loading';
    }
    const { hidden, lr, epochs, seed } = s.config;
    showRunFields(this.root, { hidden, lr, epochs, seed });
  }

  private renderProgress(s: MnistTrainerState) {
    const bar = this.q<HTMLProgressElement>('[data-progress]');
    const p = s.progress;
    if (bar) {
      bar.max = p?.total ?? 1;
      bar.value = p?.seen ?? 0;
    }
    const status = this.q<HTMLElement>('[data-status]');
    if (!status) return;
    let text: string;
    if (s.status === 'idle') {
      text = `Ready: ${s.config.epochs} epochs of a 784-${s.config.hidden}-10 network, learning rate ${s.config.lr}, seed ${s.config.seed}. Press Start.`;
    } else if (s.status === 'loading') {
      text = 'Loading the training digits and starting the training worker…';
    } else if (s.status === 'error') {
      text = `Training stopped: ${s.error}`;
    } else {
      const v = speed(s);
      const left = secondsLeft(s);
      const epoch = p ? Math.min(s.config.epochs, Math.floor(p.epoch) + (p.done ? 0 : 1)) : 0;
      const parts = [
        `Epoch ${epoch} of ${s.config.epochs}`,
        `${(p?.seen ?? 0).toLocaleString('en')} digits seen`,
      ];
      if (s.latest && s.accuracy.length > 1) {
        parts.push(`held-out accuracy ${(100 * s.latest.accuracy).toFixed(1)} %`);
      }
      if (s.status === 'done') parts.push('done');
      else if (s.status === 'paused') parts.push('paused');
      else if (left !== null) parts.push(`about ${Math.ceil(left)} s left`);
      if (v) {
        parts.push(
          `${Math.round(v.digitsPerSecond).toLocaleString('en')} digits/s (${Math.round(v.msPerEpoch).toLocaleString('en')} ms per epoch)`,
        );
      }
      text = parts.join(' · ');
    }
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle('is-error', s.status === 'error');
  }

  private renderFigures(s: MnistTrainerState) {
    const lossEl = this.q<HTMLElement>('[data-loss-plot]');
    const accEl = this.q<HTMLElement>('[data-acc-plot]');
    const width = Math.max(220, Math.min(420, Math.floor(lossEl?.clientWidth ?? 320)));
    lossEl?.replaceChildren(renderLossCurve(s.losses, s.config.epochs, width));
    accEl?.replaceChildren(renderAccuracyCurve(s.accuracy, s.config.epochs, width));
  }

  private renderConfusion(s: MnistTrainerState) {
    const counts = s.latest?.confusion;
    const max = counts ? Math.max(1, ...counts.flat()) : 1;
    this.root
      .querySelectorAll<HTMLTableRowElement>('[data-confusion] tbody tr')
      .forEach((tr, r) => {
        tr.querySelectorAll('td').forEach((td, c) => {
          const n = counts?.[r][c];
          td.textContent = n === undefined ? '–' : String(n);
          // Shade by the share of the largest count; the square root keeps small errors visible.
          const v = n === undefined ? 0 : Math.sqrt(n / max);
          td.style.background = n
            ? `color-mix(in srgb, var(--fg) ${(100 * inkMix(v)).toFixed(1)}%, var(--bg))`
            : '';
          td.classList.toggle('is-dark', darkCell(v));
        });
      });
  }

  private renderGallery(s: MnistTrainerState) {
    const wrong = s.latest?.wrong ?? [];
    const key = wrong.map((w) => `${w.index}:${w.predicted}`).join(',');
    if (key === this.galleryKey) return;
    this.galleryKey = key;
    this.colours ??= palette(this.root);
    const colours = this.colours;
    const list = this.q<HTMLElement>('[data-gallery]');
    if (!list) return;
    if (!s.latest) {
      list.replaceChildren();
      return;
    }
    list.replaceChildren(
      ...wrong.map((w) => {
        const li = document.createElement('li');
        const canvas = document.createElement('canvas');
        canvas.setAttribute('aria-hidden', 'true');
        paintImage(
          canvas,
          Array.from(w.pixels, (p) => p / 255),
          SIDE,
          SIDE,
          colours,
        );
        li.append(canvas, `a ${w.label}, read as ${w.predicted}`);
        return li;
      }),
    );
  }
}

/** Wire up one <mnist-trainer>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new MnistTrainerController(element);
  return () => controller.destroy();
}
