/**
 * Browser behaviour of <logistic-lab>: trains both models a few steps per animation frame
 * while playing, adds points from clicks on the plane or from the coordinate boxes, and
 * renders both planes, the loss curve, the status and the weight table from the store. With
 * "Train with my logisticStep", each step of logistic regression is the student's solved
 * function, called in the exercise worker: many steps a round trip (a chained call, each step
 * fed the last one's weights), queued and shown at the engine's pace; if it throws, returns
 * the wrong shape or runs too long, the engine trains on with a message saying which. Loaded
 * lazily (../lazy.ts).
 *
 * State beyond the store: the animation frame loop, and the one round trip in flight (`fetching`).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { themeRamp } from '../colour';
import { formatFixed } from '../../../src/lib/format-number';
import { logisticProbability } from '../../../src/engine';
import {
  LAB_VIEW,
  correctCount,
  inputs,
  labels,
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
  mineText,
  playYours,
  queueYours,
  setMine,
  setPreset,
  setSolved,
  usesMine,
  yourNext,
  type LabState,
} from './lab-state';
import { renderLabLoss, renderPlane } from './lab-plot';
import { allResults, checkNumbers } from '../student-output';
import {
  chainStudentFunction,
  onProgress,
  solvedCode,
  type StudentCalls,
} from '../../../src/notebook/browser/student-function';

const EXERCISE = 'logistic-step';

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Steps a second while playing, and whose code took them. */
interface Rate {
  trainer: 'yours' | 'engine';
  perSecond: number;
}

/** Gradient-descent steps per animation frame while playing (about 300 a second). */
const STEPS_PER_FRAME = 5;
/**
 * The student's steps asked for in one round trip while playing: 12 frames' worth (200 ms of
 * playing). They are shown STEPS_PER_FRAME a frame, like the engine's, not all at once, so
 * both trainers move the figure at the same pace; and the next round trip is asked for as soon
 * as fewer than this many are queued, so it has about 200 ms to come back (round trips take
 * 10–30 ms, more on a busy machine) before the figure would wait for it.
 */
const STEPS_PER_TRIP = 12 * STEPS_PER_FRAME;
/**
 * A round trip starts no more calls after this many ms: a slow logisticStep takes fewer steps
 * a trip instead of the trip running into the worker's 2 s limit (which still catches a call
 * that never returns).
 */
const TRIP_CALLS_MS = 150;
const GRID = 36;
/** While playing, the figures are redrawn at most this often (the status every frame). */
const DRAW_EVERY_MS = 100;

class LabController extends WidgetController {
  private store: Store<LabState>;
  private loop = 0;
  private lastDraw = 0;
  /** The round trip to the worker in flight, if one is. */
  private fetching: Promise<void> | null = null;
  private destroyed = false;
  /** Where the current stretch of playing started, for the steps-a-second figure. */
  private playFrom: { t: number; step: number; trainer: Rate['trainer'] } | null = null;
  private lastRate: Rate | undefined;

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore(
      initialLab(
        (root.dataset.preset as PresetName) || 'blobs',
        Number(root.dataset.seed) || 0,
        Number(root.dataset.lr) || 1,
        solvedCode(EXERCISE) !== undefined,
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
    this.on(this.q('[data-step]'), 'click', () => {
      set((s) => ({ ...s, playing: false }));
      if (usesMine(this.store.get())) void this.stepYours();
      else set((s) => advance(s, 1));
    });
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
    const mine = this.q<HTMLInputElement>('[data-mine]');
    this.on(mine, 'change', () => set((s) => setMine(s, mine?.checked ?? false)));
    // Only a change of the student's logisticStep counts (not progress on other exercises):
    // new code gets a fresh try after a failure.
    let code = solvedCode(EXERCISE);
    this.cleanups.push(
      onProgress(() => {
        if (solvedCode(EXERCISE) === code) return;
        code = solvedCode(EXERCISE);
        set((s) => setSolved(s, code !== undefined));
      }),
    );
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
    this.destroyed = true;
    super.destroy();
    cancelAnimationFrame(this.loop);
  }

  private tick = () => {
    this.loop = 0;
    const s = this.store.get();
    if (!s.playing) return;
    // The student's steps are fetched ahead (topUp); a frame shows as many as the engine takes.
    if (usesMine(s)) this.store.set((t) => playYours(t, STEPS_PER_FRAME));
    else this.store.set((t) => advance(t, STEPS_PER_FRAME));
    this.topUp();
    if (this.store.get().playing && !this.loop) this.loop = requestAnimationFrame(this.tick);
  };

  /** While playing on the student's code, keep a round trip's worth of their steps queued. */
  private topUp() {
    const s = this.store.get();
    const next = yourNext(s);
    if (!s.playing || !next || this.fetching || next.queued >= STEPS_PER_TRIP) return;
    void this.fetchYours(Math.min(STEPS_PER_TRIP, next.room));
  }

  /** Step pressed on the student's code: show a queued step, or take one in the worker. */
  private async stepYours() {
    await this.fetching;
    if (this.destroyed) return;
    const next = yourNext(this.store.get());
    if (next && next.queued === 0) await this.fetchYours(1);
    this.store.set((t) => playYours(t, 1));
  }

  /**
   * One round trip: up to `calls` steps of the student's logisticStep in the worker, each from
   * the last one's weights, starting where the queue ends. Each step's weights are checked (the
   * first that fails ends the batch, with its reason) and queued; queueYours drops them if the
   * lab changed meanwhile (Reset, new points, a new rate, the box unticked, new code).
   */
  private fetchYours(calls: number): Promise<void> {
    const s = this.store.get();
    const next = yourNext(s);
    if (!next) return Promise.resolve();
    const n = next.from.length;
    const args = [next.from, inputs(s.points), labels(s.points), s.lr];
    const trip = chainStudentFunction(EXERCISE, 'logisticStep', args, { calls, ms: TRIP_CALLS_MS })
      // The runner could not start (no worker): a reason to fall back like any other.
      .catch((e: unknown): StudentCalls => ({ ok: false, message: errorMessage(e) }))
      .then((res) => {
        if (this.destroyed) return;
        const run = allResults(res, (v) => checkNumbers(v, n, `${n} weights (bias first)`));
        this.store.set((t) =>
          queueYours(t, {
            from: next.from,
            points: s.points,
            lr: s.lr,
            weights: run.values,
            failure: run.failure,
            ms: run.ms,
            codeChanges: s.mine.codeChanges,
          }),
        );
      });
    this.fetching = trip.finally(() => {
      this.fetching = null;
      // The queue may already be short again (and the frame loop only asks after a frame).
      if (!this.destroyed) this.topUp();
    });
    return this.fetching;
  }

  /**
   * Steps a second over the current stretch of playing by one trainer, or the last stretch's
   * once paused (so the figure can still say how fast the student's code went).
   */
  private rate(s: LabState): Rate | undefined {
    const trainer = usesMine(s) ? 'yours' : 'engine';
    const step = s.losses.length - 1;
    const t = performance.now();
    const from = this.playFrom;
    if (!s.playing) this.playFrom = null;
    else if (!from || from.trainer !== trainer || step < from.step)
      this.playFrom = { t, step, trainer };
    else if (t - from.t > 500)
      this.lastRate = { trainer, perSecond: ((step - from.step) * 1000) / (t - from.t) };
    return this.lastRate;
  }

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
    const rate = this.rate(s);
    if (rate) this.root.dataset.stepsPerSecond = rate.perSecond.toFixed(0);
    const mine = this.q<HTMLInputElement>('[data-mine]');
    if (mine) {
      mine.disabled = !s.mine.solved;
      mine.checked = s.mine.on;
    }
    const unsolved = this.q<HTMLElement>('[data-unsolved]');
    if (unsolved) unsolved.hidden = s.mine.solved;
    const source = this.q('[data-source]');
    const text = mineText(s.mine, rate?.trainer === 'yours' ? rate.perSecond : undefined);
    if (source && source.textContent !== text) source.textContent = text;
    this.root.dataset.trainer = usesMine(s) ? 'yours' : 'engine';
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
