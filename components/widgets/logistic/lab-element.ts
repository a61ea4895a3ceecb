/**
 * Browser behaviour of <logistic-lab>: trains both models a few steps per animation frame
 * while playing, adds points from clicks on the plane or from the coordinate boxes, and
 * renders both planes, the loss curve, the status and the weight table from the store. With
 * "Train with my logisticStep", each step of logistic regression is the student's solved
 * function, called in the exercise worker (one round trip per step: each step needs the last
 * one's weights); if it throws, returns the wrong shape or runs too long, the engine trains on
 * with a message saying which. Loaded lazily (../lazy.ts).
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
  setMine,
  setPreset,
  setSolved,
  usesMine,
  yourStep,
  yourStepFailed,
  type LabState,
} from './lab-state';
import { renderLabLoss, renderPlane } from './lab-plot';
import { checkNumbers, firstResult } from '../student-output';
import {
  callStudentFunction,
  onProgress,
  solvedCode,
} from '../../../src/notebook/browser/student-function';

const EXERCISE = 'logistic-step';

/** Steps a second while playing, and whose code took them. */
interface Rate {
  trainer: 'yours' | 'engine';
  perSecond: number;
}

/** Gradient-descent steps per animation frame while playing (about 300 a second). */
const STEPS_PER_FRAME = 5;
const GRID = 36;
/** While playing, the figures are redrawn at most this often (the status every frame). */
const DRAW_EVERY_MS = 100;

class LabController extends WidgetController {
  private store: Store<LabState>;
  private loop = 0;
  private lastDraw = 0;
  /** The student's steps are being taken one after another (one worker round trip each). */
  private training = false;
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
      if (usesMine(this.store.get())) void this.yourStep();
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
    // The student's steps pace themselves by the worker's replies; each redraw looks in again.
    if (usesMine(s)) {
      void this.trainYours();
      return;
    }
    this.store.set((t) => advance(t, STEPS_PER_FRAME));
    if (this.store.get().playing) this.loop = requestAnimationFrame(this.tick);
  };

  /** Steps on the student's code while playing, one round trip each, until paused or failed. */
  private async trainYours() {
    if (this.training) return;
    this.training = true;
    try {
      while (!this.destroyed && this.store.get().playing && usesMine(this.store.get())) {
        await this.yourStep();
      }
    } finally {
      this.training = false;
    }
    // Paused, or fallen back to the engine: the frame loop takes over from here.
    this.schedule();
  }

  /** One step of logistic regression by the student's logisticStep, in the exercise worker. */
  private async yourStep() {
    const s = this.store.get();
    const n = s.models.w.length;
    const res = await callStudentFunction(EXERCISE, 'logisticStep', [
      [s.models.w, inputs(s.points), labels(s.points), s.lr],
    ]);
    const now = this.store.get();
    // Reset, new points, a new rate or the box unticked meanwhile: the answer is for a lab
    // that is gone.
    const same =
      now.models === s.models && now.points === s.points && now.lr === s.lr && usesMine(now);
    if (this.destroyed || !same) return;
    const verdict = firstResult(res, (v) => checkNumbers(v, n, `${n} weights (bias first)`));
    this.store.set((t) =>
      verdict.ok ? yourStep(t, verdict.value, verdict.ms) : yourStepFailed(t, verdict.message),
    );
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
