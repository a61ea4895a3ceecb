/**
 * Browser behaviour of <xor-trainer>: trains the engine MLP a few epochs per animation frame
 * while playing, and renders the loss curve, decision regions and verdict from the store.
 * Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { formatFixed } from '../../../src/lib/format-number';
import { createStore, type Store } from '../store';
import { DEFAULT_PLATEAU, outputGrid, outputsOnXor } from './xor-logic';
import {
  advance,
  configure,
  initialTrainer,
  reset,
  setPlaying,
  type TrainerState,
} from './trainer-state';
import { XOR_VIEW, renderLoss, renderRegions } from './xor-plot';
import { themeRamp } from '../colour';
import { gates } from '../../../src/engine';

/** Epochs trained per animation frame while playing (about 1,200 a second). */
const EPOCHS_PER_FRAME = 20;
/** Resolution of the decision-region grid. */
const GRID = 40;

class TrainerController extends WidgetController {
  private store!: Store<TrainerState>;
  private loop = 0;

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore(
      initialTrainer({
        hidden: Number(this.root.dataset.hidden) || 2,
        lr: Number(this.root.dataset.lr) || 2,
        seed: Number(this.root.dataset.seed) || 0,
      }),
    );
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const set = (f: (s: TrainerState) => TrainerState) => this.store.set(f);
    const hidden = this.root.querySelector<HTMLSelectElement>('[data-hidden-select]');
    const lr = this.root.querySelector<HTMLInputElement>('[data-lr]');
    const seed = this.root.querySelector<HTMLInputElement>('[data-seed]');
    this.on(hidden, 'change', () => set((s) => configure(s, { hidden: Number(hidden?.value) })));
    this.on(lr, 'change', () => set((s) => configure(s, { lr: lr?.valueAsNumber ?? NaN })));
    this.on(seed, 'change', () => set((s) => configure(s, { seed: seed?.valueAsNumber ?? NaN })));
    this.on(this.root.querySelector('[data-play]'), 'click', () =>
      set((s) => setPlaying(s, !s.playing)),
    );
    this.on(this.root.querySelector('[data-step]'), 'click', () =>
      set((s) => advance(setPlaying(s, false), 1)),
    );
    this.on(this.root.querySelector('[data-reset]'), 'click', () => set(reset));
    this.redrawOn(this.q('[data-regions]'), { theme: true });
    this.render();
  }

  override destroy() {
    super.destroy();
    cancelAnimationFrame(this.loop);
    this.loop = 0;
  }

  /** While playing, train a few epochs per frame; stops when the state says so. */
  private syncLoop(playing: boolean) {
    if (playing && !this.loop) {
      const tick = () => {
        this.store.set((s) => advance(s, EPOCHS_PER_FRAME));
        this.loop = this.store.get().playing ? requestAnimationFrame(tick) : 0;
      };
      this.loop = requestAnimationFrame(tick);
    } else if (!playing && this.loop) {
      cancelAnimationFrame(this.loop);
      this.loop = 0;
    }
  }

  protected render() {
    const s = this.store.get();
    this.syncLoop(s.playing);
    this.renderControls(s);
    const loss = this.root.querySelector<HTMLElement>('[data-loss]');
    const regions = this.root.querySelector<HTMLElement>('[data-regions]');
    const width = Math.max(180, Math.min(340, Math.floor(regions?.clientWidth ?? 300)));
    const key = `${s.version}:${width}`;
    if (key !== this.key) {
      this.key = key;
      loss?.replaceChildren(renderLoss(s.run.losses, width));
      const grid = outputGrid(s.run.model, XOR_VIEW.lo, XOR_VIEW.hi, GRID);
      regions?.replaceChildren(renderRegions(grid, GRID, width, themeRamp(this.root, 0.75)));
    }
    this.renderText(s);
  }

  private renderControls(s: TrainerState) {
    const play = this.root.querySelector<HTMLButtonElement>('[data-play]');
    if (play) {
      play.textContent = s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(s.playing));
    }
    const fields: [string, string][] = [
      ['[data-hidden-select]', String(s.config.hidden)],
      ['[data-lr]', String(s.config.lr)],
      ['[data-seed]', String(s.config.seed)],
    ];
    for (const [sel, value] of fields) {
      const el = this.root.querySelector<HTMLInputElement | HTMLSelectElement>(sel);
      if (el && document.activeElement !== el && el.value !== value) el.value = value;
    }
  }

  private renderText(s: TrainerState) {
    const { run } = s;
    const loss = run.losses[run.losses.length - 1];
    const right = Math.round(run.accuracy * 4);
    const status = `Epoch ${run.epoch.toLocaleString('en')} · loss ${loss.toFixed(4)} · ${right}/4 inputs right`;
    this.setText(
      '[data-status]',
      run.epoch === 0 ? `${status}. Press Play to train with gradient descent.` : status,
    );
    let verdict = '';
    if (s.status === 'solved') {
      verdict = `Solved: all four outputs are on the right side of 0.5 (first reached after ${(run.solvedAt ?? run.epoch).toLocaleString('en')} epochs).`;
    } else if (s.status === 'stuck') {
      const before = run.losses[run.losses.length - 1 - DEFAULT_PLATEAU.window];
      verdict =
        `Stuck: over the last ${DEFAULT_PLATEAU.window.toLocaleString('en')} epochs the loss only went from ` +
        `${before.toFixed(4)} to ${loss.toFixed(4)}, and just ${right}/4 inputs are right. ` +
        'Gradient descent has settled on a plateau it cannot leave. Try another seed, or 4 hidden units.';
    }
    const v = this.root.querySelector<HTMLElement>('[data-verdict]');
    if (v && v.textContent !== verdict) {
      v.textContent = verdict;
      v.className = `xt-verdict${s.status === 'solved' ? ' is-solved' : s.status === 'stuck' ? ' is-stuck' : ''}`;
    }
    const outs = outputsOnXor(run);
    const list = gates.XOR.inputs
      .map((x, i) => `(${x[0]}, ${x[1]}) → ${formatFixed(outs[i], 3)}`)
      .join(' · ');
    this.setText('[data-outputs]', `Outputs now: ${list}`);
  }

  private setText(selector: string, text: string) {
    const el = this.root.querySelector(selector);
    if (el && el.textContent !== text) el.textContent = text;
  }
}

/** Wire up one <xor-trainer>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new TrainerController(element);
  return () => controller.destroy();
}
