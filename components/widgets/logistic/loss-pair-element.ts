/**
 * Browser behaviour of <loss-pair>: both runs of logistic regression (BCE and squared error)
 * take a few steps per animation frame while playing, on the main thread (40 points and three
 * weights each: microseconds a step), and the plane, the progress plot, the table and the
 * sentence are drawn from the store. Loaded lazily (../lazy.ts).
 *
 * State beyond the store: the animation frame loop.
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import {
  PAIR_MAX_STEPS,
  advancePair,
  configurePair,
  initialPair,
  pairSides,
  pairVerdict,
  stepsTaken,
  targetCount,
  type PairPreset,
  type PairSettings,
  type PairStart,
  type PairState,
} from './loss-pair-logic';
import { renderPairPlane, renderPairProgress } from './loss-pair-plot';

/**
 * Steps of each run per animation frame while playing (about 120 a second): slow enough to
 * watch squared error sit on its plateau, fast enough that it gets past it in seconds.
 */
const STEPS_PER_FRAME = 2;
/** While playing, the figures are redrawn at most this often (the status every frame). */
const DRAW_EVERY_MS = 100;

class LossPairController extends WidgetController {
  private readonly store: Store<PairState>;
  private loop = 0;
  private lastDraw = 0;

  constructor(root: HTMLElement) {
    super(root);
    const d = root.dataset;
    this.store = createStore(
      initialPair({
        preset: (d.preset as PairPreset) || 'blobs',
        start: (d.start as PairStart) || 'wrong',
        lr: Number(d.lr) || 1,
        seed: Number(d.seed) || 0,
      }),
    );
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const field = (name: keyof PairSettings, read: (v: string) => PairSettings[typeof name]) => {
      const el = this.q<HTMLSelectElement>(`select[data-field="${name}"]`);
      this.on(el, 'change', () => {
        if (el) this.store.set((s) => configurePair(s, { [name]: read(el.value) }));
      });
    };
    field('preset', (v) => v as PairPreset);
    field('start', (v) => v as PairStart);
    field('lr', Number);
    this.on(this.q('[data-play]'), 'click', () =>
      this.store.set((s) => (stepsTaken(s) >= PAIR_MAX_STEPS ? s : { ...s, playing: !s.playing })),
    );
    this.on(this.q('[data-step]'), 'click', () =>
      this.store.set((s) => advancePair({ ...s, playing: false }, 1)),
    );
    this.on(this.q('[data-reset]'), 'click', () => this.store.set((s) => initialPair(s.settings)));
    this.redrawOn(this.q('[data-plane]'));
    this.cleanups.push(() => cancelAnimationFrame(this.loop));
    this.render();
  }

  private readonly tick = () => {
    this.loop = 0;
    const s = this.store.get();
    if (!s.playing) return;
    this.store.set(advancePair(s, STEPS_PER_FRAME));
  };

  protected render() {
    const s = this.store.get();
    if (s.playing && !this.loop) this.loop = requestAnimationFrame(this.tick);
    const play = this.q<HTMLButtonElement>('[data-play]');
    if (play) {
      play.textContent = s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(s.playing));
      play.disabled = stepsTaken(s) >= PAIR_MAX_STEPS;
    }
    const step = this.q<HTMLButtonElement>('[data-step]');
    if (step) step.disabled = stepsTaken(s) >= PAIR_MAX_STEPS;
    for (const [name, value] of Object.entries(s.settings)) {
      const el = this.q<HTMLSelectElement>(`select[data-field="${name}"]`);
      if (el && el.value !== String(value)) el.value = String(value);
    }
    const sides = pairSides(s);
    const n = s.points.length;
    const status = this.q('[data-status]');
    if (status) {
      const parts = sides.map((d) => `${d.label} ${d.right[d.right.length - 1]}/${n} right`);
      const text = `Step ${stepsTaken(s).toLocaleString('en')} · ${parts.join(' · ')}`;
      if (status.textContent !== text) status.textContent = text;
    }
    const rows = this.root.querySelectorAll<HTMLTableRowElement>('[data-results] tbody tr');
    sides.forEach((d, i) => {
      const cells = rows[i]?.querySelectorAll('td');
      if (!cells) return;
      const values = [
        `${d.right[d.right.length - 1]} of ${n}`,
        d.reached === null ? '–' : d.reached.toLocaleString('en'),
        stepsTaken(s) === 0 ? '–' : formatFixed(d.gradient, 4),
        `(${d.w.map((v) => formatFixed(v, 2)).join(', ')})`,
      ];
      values.forEach((v, k) => {
        if (cells[k] && cells[k].textContent !== v) cells[k].textContent = v;
      });
    });
    const head = this.q('[data-target-head]');
    const t = `Steps to ${targetCount(s.points)} of ${n}`;
    if (head && head.textContent !== t) head.textContent = t;
    const verdict = this.q('[data-verdict]');
    const v = pairVerdict(s);
    if (verdict && verdict.textContent !== v) verdict.textContent = v;

    const key = `${s.weights.bce.length}|${s.settings.preset}|${s.settings.seed}|${s.weights.bce[0].join()}`;
    if (key === this.key) return;
    const now = performance.now();
    if (s.playing && now - this.lastDraw < DRAW_EVERY_MS) return;
    this.key = key;
    this.lastDraw = now;
    const plane = this.q<HTMLElement>('[data-plane]');
    const progress = this.q<HTMLElement>('[data-progress-plot]');
    const width = Math.max(220, Math.min(380, Math.floor(plane?.clientWidth ?? 320)));
    plane?.replaceChildren(renderPairPlane(s, width));
    progress?.replaceChildren(renderPairProgress(s, width));
  }
}

/** Wire up one <loss-pair>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new LossPairController(element);
  return () => controller.destroy();
}
