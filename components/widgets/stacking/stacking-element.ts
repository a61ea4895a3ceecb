/**
 * Browser behaviour of <stacking-lab>: trains the engine MLP a few epochs per animation frame
 * while playing and redraws the plane, the status and the measured straightness of the
 * boundary. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import { themeRamp } from '../colour';
import {
  boundaryPoints,
  createStackRun,
  logitGrid,
  probabilities,
  straightness,
  trainStack,
  type StackConfig,
  type StackRun,
} from './stacking-logic';
import { renderStack } from './stacking-plot';

/** Epochs per animation frame while playing, and where a run stops by itself. */
const EPOCHS_PER_FRAME = 10;
const MAX_EPOCHS = 1500;
const GRID = 48;

/**
 * State: the configuration and whether it is playing; `epoch` mirrors the run so the store
 * changes when it trains. The run itself (model, optimizer) is mutable and lives beside the
 * store; a new configuration replaces it. One store per element.
 */
interface StackState {
  config: StackConfig;
  playing: boolean;
  epoch: number;
}

class StackController extends WidgetController {
  private store: Store<StackState>;
  private run: StackRun;
  private loop = 0;

  constructor(root: HTMLElement) {
    super(root);
    const config: StackConfig = {
      hidden: Number(root.dataset.hidden) || 4,
      layers: Number(root.dataset.layers) || 1,
      activation: root.dataset.activation === 'sigmoid' ? 'sigmoid' : 'none',
      seed: Number(root.dataset.seed) || 0,
    };
    this.run = createStackRun(config);
    this.store = createStore<StackState>({ config, playing: false, epoch: 0 });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const configure = (patch: Partial<StackConfig>) => {
      const next = { ...this.store.get().config, ...patch };
      this.run = createStackRun(next);
      this.store.set((s) => ({ ...s, config: next, epoch: 0 }));
    };
    const act = this.q<HTMLSelectElement>('[data-activation-select]');
    const layers = this.q<HTMLSelectElement>('[data-layers-select]');
    const hidden = this.q<HTMLSelectElement>('[data-hidden-select]');
    const seed = this.q<HTMLInputElement>('[data-seed]');
    this.on(act, 'change', () =>
      configure({ activation: act?.value === 'sigmoid' ? 'sigmoid' : 'none' }),
    );
    this.on(layers, 'change', () => configure({ layers: Number(layers?.value) || 1 }));
    this.on(hidden, 'change', () => configure({ hidden: Number(hidden?.value) || 4 }));
    this.on(seed, 'change', () => {
      const v = seed?.valueAsNumber ?? NaN;
      if (Number.isInteger(v) && v >= 0) configure({ seed: v });
    });
    this.on(this.q('[data-play]'), 'click', () => this.setPlaying(!this.store.get().playing));
    this.on(this.q('[data-step]'), 'click', () => {
      this.setPlaying(false);
      this.train(100);
    });
    this.on(this.q('[data-reset]'), 'click', () => {
      this.setPlaying(false);
      configure({});
    });
    this.redrawOn(this.q('[data-plane]'), { theme: true });
    this.render();
  }

  override destroy() {
    cancelAnimationFrame(this.loop);
    super.destroy();
  }

  private train(n: number) {
    trainStack(this.run, Math.min(n, MAX_EPOCHS - this.run.epoch));
    this.store.set((s) => ({ ...s, epoch: this.run.epoch }));
  }

  private setPlaying(playing: boolean) {
    cancelAnimationFrame(this.loop);
    this.store.set((s) => ({ ...s, playing }));
    if (!playing) return;
    const tick = () => {
      if (this.run.epoch >= MAX_EPOCHS) {
        this.store.set((s) => ({ ...s, playing: false }));
        return;
      }
      this.train(EPOCHS_PER_FRAME);
      this.loop = requestAnimationFrame(tick);
    };
    this.loop = requestAnimationFrame(tick);
  }

  protected render() {
    const t0 = performance.now();
    const { playing, config } = this.store.get();
    const run = this.run;
    const logits = logitGrid(run, GRID);
    const pts = boundaryPoints(logits, GRID);
    const dev = straightness(pts);
    const box = this.q<HTMLElement>('[data-plane]');
    const width = Math.max(220, Math.min(416, Math.floor(box?.clientWidth ?? 360)));
    const key = JSON.stringify([run.epoch, config, width]);
    if (box && key !== this.key) {
      this.key = key;
      const described = `The plane after ${run.epoch} epochs with ${config.activation === 'none' ? 'no activation' : 'sigmoid'} hidden layers; accuracy ${Math.round(run.accuracy * 100)}%`;
      box.replaceChildren(
        renderStack(
          probabilities(logits),
          GRID,
          run.data,
          width,
          themeRamp(this.root, 0.45),
          described,
        ),
      );
    }
    const play = this.q('[data-play]');
    if (play) {
      play.textContent = playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(playing));
    }
    const status = `Epoch ${run.epoch.toLocaleString('en')} · loss ${formatFixed(run.loss, 4)} · ${Math.round(run.accuracy * 100)}% of points right`;
    const s = this.q('[data-status]');
    if (s && s.textContent !== status) s.textContent = status;
    const verdict = Number.isNaN(dev)
      ? 'No boundary in view: the network gives every point the same class.'
      : dev < 0.01
        ? `The boundary is a straight line (largest distance of its points from one line: ${formatFixed(dev, 3)}).`
        : `The boundary bends (its points stray up to ${formatFixed(dev, 2)} from the best straight line).`;
    const v = this.q('[data-verdict]');
    if (v && v.textContent !== verdict) v.textContent = verdict;
    // The last redraw's cost (grid, boundary measure and figure), read by tests and reports.
    this.root.dataset.redrawMs = (performance.now() - t0).toFixed(1);
  }
}

/** Wire up one <stacking-lab>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new StackController(element);
  return () => controller.destroy();
}
