/**
 * Browser behaviour of <loss-switch>: chapter 6's trainer worker started twice, one per output
 * layer and loss, from the same settings and seed; their messages feed one store, and the page
 * draws both runs on shared plots with a table and a sentence comparing the steps each took to
 * the target accuracy. Training never runs on the main thread; figures are redrawn at most a
 * few times a second. Loaded lazily (../lazy.ts).
 */
import workerUrl from './trainer-worker?worker&url';
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { loadDigitFiles } from './assets';
import { WORK_MEASURE, type DigitFiles, type FromWorker, type ToWorker } from './trainer-protocol';
import { BATCH_SIZE, OUTPUTS, type OutputName } from './trainer-run';
import { renderSwitchAccuracy, renderSwitchLoss } from './switch-plot';
import { bindRunControls, showRunFields } from './run-controls';
import {
  configureSwitch,
  initialSwitch,
  loading,
  LOSS_NAME,
  LR_SETTING,
  ratesDiffer,
  receiveSwitch,
  runConfig,
  sideResults,
  switchStatus,
  SWITCH_OUTPUTS,
  verdict,
  type LossSwitchState,
  type SwitchSettings,
} from './switch-state';

/** Figures are redrawn at most this often while training (milliseconds). */
const FIGURE_INTERVAL = 400;

class LossSwitchController extends WidgetController {
  private readonly store: Store<LossSwitchState> = createStore(initialSwitch());
  private readonly workers = new Map<OutputName, Worker>();
  /** Runs whose worker already holds the digits. */
  private readonly sentDigits = new Set<OutputName>();
  private figuresAt = 0;
  private figureTimer = 0;
  private readonly stepsPerEpoch: number;

  constructor(root: HTMLElement) {
    super(root);
    this.stepsPerEpoch =
      Number(root.querySelector<HTMLElement>('[data-steps-per-epoch]')?.dataset.stepsPerEpoch) || 1;
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    bindRunControls(root, this.on.bind(this), {
      change: (patch) => this.change(patch),
      seedNow: () => this.store.get().settings.seed,
      play: () => this.play(),
      reset: () => {
        this.sendAll({ type: 'reset' });
        this.store.set((s) => initialSwitch(s.settings));
      },
    });
    this.redrawOn(this.q('[data-acc-plot]'), { theme: false });
    this.schedule(true);
  }

  override destroy() {
    super.destroy();
    clearTimeout(this.figureTimer);
    for (const w of this.workers.values()) w.terminate();
    this.workers.clear();
  }

  private change(change: Partial<SwitchSettings>) {
    const before = this.store.get();
    const after = configureSwitch(before, change);
    // A new target only rereads the curves; anything else replaces both runs.
    if (after.runs !== before.runs) this.sendAll({ type: 'reset' });
    this.store.set(after);
    if (after === before) this.schedule(true); // put the rejected value back in its field
  }

  private sendAll(message: ToWorker) {
    for (const w of this.workers.values()) w.postMessage(message);
  }

  /** Each run gets its own worker, started on the first Start; scrolling past costs nothing. */
  private worker(output: OutputName): Worker {
    let w = this.workers.get(output);
    if (!w) {
      w = new Worker(new URL(workerUrl, document.baseURI), {
        type: 'module',
        name: `loss-switch-${output}`,
      });
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const start = performance.now();
        this.store.set((s) => receiveSwitch(s, output, e.data));
        performance.measure(WORK_MEASURE, { start, end: performance.now() });
      };
      w.onerror = (e) =>
        this.store.set((s) =>
          receiveSwitch(s, output, { type: 'error', message: e.message || 'worker failed' }),
        );
      this.workers.set(output, w);
    }
    return w;
  }

  private play() {
    const s = this.store.get();
    const status = switchStatus(s);
    if (status === 'training') {
      this.sendAll({ type: 'pause' });
    } else if (status === 'paused') {
      // Resume only the runs that were paused; a finished run stays finished.
      const runs = { ...s.runs };
      for (const o of SWITCH_OUTPUTS) {
        if (runs[o].status !== 'paused') continue;
        runs[o] = { ...runs[o], status: 'training' };
        this.workers.get(o)?.postMessage({ type: 'resume' } satisfies ToWorker);
      }
      this.store.set({ ...s, runs });
    } else if (status !== 'loading') {
      this.store.set(loading(s));
      void this.start(s.settings);
    }
  }

  /**
   * Start both runs, sending each worker both digits files the first time (fetched once per
   * page, then one copy per worker).
   */
  private async start(settings: SwitchSettings) {
    try {
      const files = new Map<OutputName, DigitFiles>();
      for (const o of SWITCH_OUTPUTS) {
        if (!this.sentDigits.has(o)) files.set(o, await loadDigitFiles());
      }
      if (switchStatus(this.store.get()) !== 'loading') return; // reset or reconfigured meanwhile
      for (const output of SWITCH_OUTPUTS) {
        const digits = files.get(output);
        const message: ToWorker = { type: 'start', digits, config: runConfig(settings, output) };
        this.worker(output).postMessage(message, digits ? [digits.train, digits.test] : []);
        this.sentDigits.add(output);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.store.set((st) => receiveSwitch(st, 'squared-error', { type: 'error', message }));
    }
  }

  /**
   * Steps in the whole run: the x-axis of both plots. The steps per epoch come from the build
   * (it knows the digits file) so the axes are right before the digits are fetched.
   */
  private totalSteps(s: LossSwitchState): number {
    return this.stepsPerEpoch * s.settings.epochs;
  }

  protected render() {
    const s = this.store.get();
    const status = switchStatus(s);
    this.renderControls(s, status);
    this.renderStatus(s, status);
    const key = [
      s.settings.target,
      ...SWITCH_OUTPUTS.map(
        (o) => `${s.runs[o].run}:${s.runs[o].losses.length}:${s.runs[o].accuracy.length}`,
      ),
      status,
    ].join('|');
    if (key === this.key) return;
    const due = this.figuresAt + FIGURE_INTERVAL - performance.now();
    if (due > 0 && status === 'training') {
      // Too soon after the last redraw: come back when it is due.
      clearTimeout(this.figureTimer);
      this.figureTimer = window.setTimeout(() => this.schedule(), due);
      return;
    }
    this.key = key;
    const start = performance.now();
    this.figuresAt = start;
    const accEl = this.q<HTMLElement>('[data-acc-plot]');
    const lossEl = this.q<HTMLElement>('[data-loss-plot]');
    const width = Math.max(220, Math.min(420, Math.floor(accEl?.clientWidth ?? 320)));
    const steps = this.totalSteps(s);
    accEl?.replaceChildren(renderSwitchAccuracy(s, steps, width));
    lossEl?.replaceChildren(renderSwitchLoss(s, steps, width));
    this.renderTable(s);
    performance.measure(WORK_MEASURE, { start, end: performance.now() });
  }

  private renderControls(s: LossSwitchState, status: ReturnType<typeof switchStatus>) {
    const play = this.q<HTMLButtonElement>('[data-play]');
    if (play) {
      const text =
        status === 'training'
          ? 'Pause'
          : status === 'paused'
            ? 'Resume'
            : status === 'done'
              ? 'Train again'
              : 'Start both';
      if (play.textContent !== text) play.textContent = text;
      play.disabled = status === 'loading';
    }
    showRunFields(this.root, { ...s.settings });
  }

  private renderStatus(s: LossSwitchState, status: ReturnType<typeof switchStatus>) {
    const { hidden, seed, epochs } = s.settings;
    let text: string;
    if (status === 'idle') {
      const lr = (o: OutputName) => s.settings[LR_SETTING[o]];
      const rates = ratesDiffer(s.settings)
        ? `learning rates ${SWITCH_OUTPUTS.map((o) => `${lr(o)} (${LOSS_NAME[o]})`).join(' and ')}`
        : `learning rate ${lr('squared-error')}`;
      text = `Ready: two 784-${hidden}-10 networks from seed ${seed}, ${rates}, ${epochs} epochs each. Press Start both.`;
    } else if (status === 'loading') {
      text = 'Loading the digits and starting the two training workers…';
    } else if (status === 'error') {
      const failed = SWITCH_OUTPUTS.find((o) => s.runs[o].status === 'error') ?? 'squared-error';
      text = `Training stopped: ${s.runs[failed].error}`;
    } else {
      const parts = SWITCH_OUTPUTS.map((o) => {
        const p = s.runs[o].progress;
        const done = p ? Math.round((100 * p.seen) / p.total) : 0;
        return `${OUTPUTS[o].label} ${done} %`;
      });
      const tail = status === 'done' ? 'done' : status === 'paused' ? 'paused' : 'training';
      text = `${parts.join(' · ')} · ${tail}`;
    }
    const el = this.q<HTMLElement>('[data-status]');
    if (el && el.textContent !== text) el.textContent = text;
    el?.classList.toggle('is-error', status === 'error');
    const bar = this.q<HTMLProgressElement>('[data-progress]');
    if (bar) {
      const seen = SWITCH_OUTPUTS.reduce((n, o) => n + (s.runs[o].progress?.seen ?? 0), 0);
      const total = SWITCH_OUTPUTS.reduce((n, o) => n + (s.runs[o].progress?.total ?? 0), 0);
      bar.max = total || 1;
      bar.value = seen;
    }
    const summary = this.q<HTMLElement>('[data-verdict]');
    const v = verdict(s);
    if (summary && summary.textContent !== v) summary.textContent = v;
  }

  private renderTable(s: LossSwitchState) {
    const rows = this.root.querySelectorAll<HTMLTableRowElement>('[data-results] tbody tr');
    sideResults(s).forEach((r, i) => {
      const cells = rows[i]?.querySelectorAll('td');
      if (!cells) return;
      const values = [
        r.reached ? r.reached.step.toLocaleString('en') : r.done ? 'not reached' : '–',
        r.reached ? (r.reached.step * BATCH_SIZE).toLocaleString('en') : '–',
        r.best === null ? '–' : `${(100 * r.best).toFixed(1)} %`,
      ];
      values.forEach((v, k) => {
        if (cells[k] && cells[k].textContent !== v) cells[k].textContent = v;
      });
      const rate = rows[i]?.querySelector('[data-rate]');
      const lr = `learning rate ${r.lr}`;
      if (rate && rate.textContent !== lr) rate.textContent = lr;
    });
    const head = this.q<HTMLElement>('[data-target-head]');
    const t = `Steps to ${(100 * s.settings.target).toFixed(0)} %`;
    if (head && head.textContent !== t) head.textContent = t;
  }
}

/** Wire up one <loss-switch>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new LossSwitchController(element);
  return () => controller.destroy();
}
