/**
 * Browser behaviour of <logistic-lab>: trains both models a few steps per animation frame
 * while playing, adds points from clicks on the plane or from the coordinate boxes, and
 * renders both planes, the loss curve, the status and the weight table from the store.
 * Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { themeRamp } from '../colour';
import { formatFixed } from '../../../src/lib/format-number';
import { logisticProbability } from '../../../src/engine';
import {
  LAB_VIEW,
  correctCount,
  pointLosses,
  probabilityGrid,
  rowDifference,
  softmaxPositive,
  type PresetName,
} from './lab-logic';
import {
  addPoint,
  advance,
  initialLab,
  resetModels,
  setLr,
  setPreset,
  type LabState,
} from './lab-state';
import { renderLabLoss, renderPlane } from './lab-plot';

/** Gradient-descent steps per animation frame while playing (about 300 a second). */
const STEPS_PER_FRAME = 5;
const GRID = 36;
/** While playing, the figures are redrawn at most this often (the status every frame). */
const DRAW_EVERY_MS = 100;

class LabController extends WidgetController {
  private store: Store<LabState>;
  private loop = 0;
  private lastDraw = 0;

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore(
      initialLab(
        (root.dataset.preset as PresetName) || 'blobs',
        Number(root.dataset.seed) || 0,
        Number(root.dataset.lr) || 1,
      ),
    );
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const set = (f: (s: LabState) => LabState) => this.store.set(f);
    const preset = this.q<HTMLSelectElement>('[data-preset-select]');
    this.on(preset, 'change', () => set((s) => setPreset(s, preset?.value as PresetName)));
    const lr = this.q<HTMLInputElement>('[data-lr]');
    this.on(lr, 'change', () => set((s) => setLr(s, lr?.valueAsNumber ?? NaN)));
    const addClass = this.q<HTMLSelectElement>('[data-add-class]');
    this.on(addClass, 'change', () =>
      set((s) => ({ ...s, addClass: addClass?.value === '0' ? 0 : 1 })),
    );
    this.on(this.q('[data-play]'), 'click', () => set((s) => ({ ...s, playing: !s.playing })));
    this.on(this.q('[data-step]'), 'click', () => set((s) => advance({ ...s, playing: false }, 1)));
    this.on(this.q('[data-reset]'), 'click', () => set(resetModels));
    this.on(this.q('[data-add]'), 'click', () => {
      const x1 = this.q<HTMLInputElement>('[data-add-x1]')?.valueAsNumber ?? NaN;
      const x2 = this.q<HTMLInputElement>('[data-add-x2]')?.valueAsNumber ?? NaN;
      this.add(x1, x2);
    });
    // A click on the left plane adds a point of the chosen class where it landed.
    this.on(this.q('[data-plane]'), 'click', (e) => {
      const svg = this.q<
        SVGSVGElement & { scale?: (n: string) => { invert?: (v: number) => number } }
      >('[data-plane] svg');
      const x = svg?.scale?.('x')?.invert;
      const y = svg?.scale?.('y')?.invert;
      if (!svg || !x || !y) return;
      const rect = svg.getBoundingClientRect();
      const k = Number(svg.getAttribute('width')) / rect.width;
      this.add(x((e.clientX - rect.left) * k), y((e.clientY - rect.top) * k));
    });
    this.redrawOn(this.q('[data-plane]'), { theme: true });
    this.render();
  }

  private add(x1: number, x2: number) {
    const { lo, hi } = LAB_VIEW;
    if (!(x1 >= lo && x1 <= hi && x2 >= lo && x2 <= hi)) return;
    const round = (v: number) => Math.round(v * 100) / 100;
    this.store.set((s) => addPoint(s, { x1: round(x1), x2: round(x2), c: s.addClass }));
  }

  override destroy() {
    super.destroy();
    cancelAnimationFrame(this.loop);
  }

  private tick = () => {
    this.loop = 0;
    if (!this.store.get().playing) return;
    this.store.set((s) => advance(s, STEPS_PER_FRAME));
    if (this.store.get().playing) this.loop = requestAnimationFrame(this.tick);
  };

  protected render() {
    const s = this.store.get();
    const { w, W } = s.models;
    const play = this.q<HTMLButtonElement>('[data-play]');
    if (play) {
      play.textContent = s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(s.playing));
    }
    if (s.playing && !this.loop) this.loop = requestAnimationFrame(this.tick);
    const steps = s.losses.length - 1;
    const status = this.q('[data-status]');
    if (status) {
      status.textContent = `Step ${steps.toLocaleString('en')} · mean BCE ${formatFixed(s.losses[steps], 4)} · ${correctCount(w, s.points)}/${s.points.length} points right`;
    }
    const d = rowDifference(W);
    const rows = [w, W[0], W[1], d];
    this.root.querySelectorAll('[data-weights] tr').forEach((tr, r) => {
      tr.querySelectorAll('td').forEach((td, i) => {
        td.textContent = formatFixed(rows[r][i], 3);
      });
    });
    const now = performance.now();
    if (s.playing && now - this.lastDraw < DRAW_EVERY_MS) return;
    this.lastDraw = now;
    const plane = this.q<HTMLElement>('[data-plane]');
    const soft = this.q<HTMLElement>('[data-softmax-plane]');
    const loss = this.q<HTMLElement>('[data-loss]');
    const width = Math.max(220, Math.min(400, Math.floor(plane?.clientWidth ?? 320)));
    const colours = themeRamp(this.root, 0.55);
    const losses = pointLosses(w, s.points);
    plane?.replaceChildren(
      renderPlane(
        probabilityGrid((x) => logisticProbability(w, x), GRID),
        GRID,
        w,
        s.points,
        losses,
        width,
        colours,
        `Logistic regression after ${steps} steps: weights ${w.map((v) => formatFixed(v, 2)).join(', ')}; ${correctCount(w, s.points)} of ${s.points.length} points right.`,
      ),
    );
    soft?.replaceChildren(
      renderPlane(
        probabilityGrid((x) => softmaxPositive(W, x), GRID),
        GRID,
        d,
        s.points,
        losses,
        width,
        colours,
        `Two-logit softmax after ${steps} steps: row difference ${d.map((v) => formatFixed(v, 2)).join(', ')}.`,
      ),
    );
    loss?.replaceChildren(
      renderLabLoss(s.losses, Math.max(220, Math.floor(loss.clientWidth || 320))),
    );
  }
}

/** Wire up one <logistic-lab>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new LabController(element);
  return () => controller.destroy();
}
