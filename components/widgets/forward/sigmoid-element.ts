/**
 * Browser behaviour of <sigmoid-explorer>: sliders write the store; the figure and readout are
 * rendered from it. When the student ticks "Draw my sigmoid", their solved exercise code is
 * called on the whole x grid in the exercise worker and drawn over the engine's curve.
 * Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import { compareWithEngine, readout, xGrid } from './forward-logic';
import { renderSigmoid } from './sigmoid-plot';
import {
  callStudentFunction,
  onProgress,
  solvedCode,
} from '../../../src/notebook/browser/student-function';

/**
 * State: w, b and the marked x from the sliders; `mine` (the checkbox); the student's values
 * on the grid and the (w, b) they were computed for; a status line. One store per element.
 */
interface SigmoidState {
  w: number;
  b: number;
  x: number;
  solved: boolean;
  mine: boolean;
  yours: number[] | null;
  yoursFor: string | null;
  status: string;
}

const NOT_SOLVED =
  'Solve the exercise “The logistic sigmoid” below, and your own function can be drawn here.';
const SOLVED = 'You solved the exercise: tick the box to draw your function.';

class SigmoidController extends WidgetController {
  private store: Store<SigmoidState>;
  private readonly exercise: string;
  private request = 0;

  constructor(root: HTMLElement) {
    super(root);
    this.exercise = root.dataset.exercise ?? 'sigmoid';
    const solved = solvedCode(this.exercise) !== undefined;
    const num = (k: string, d: number) =>
      Number.isFinite(Number(root.dataset[k])) ? Number(root.dataset[k]) : d;
    this.store = createStore<SigmoidState>({
      w: num('w', 1),
      b: num('b', 0),
      x: num('x', 1),
      solved,
      mine: false,
      yours: null,
      yoursFor: null,
      status: solved ? SOLVED : NOT_SOLVED,
    });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.root.querySelectorAll<HTMLInputElement>('input[data-slider]').forEach((input) => {
      const key = input.dataset.slider as 'w' | 'b' | 'x';
      this.on(input, 'input', () => {
        const v = input.valueAsNumber;
        if (!Number.isFinite(v)) return;
        this.store.set((s) => ({ ...s, [key]: v }));
        if (key !== 'x' && this.store.get().mine) void this.fetchYours();
      });
    });
    const mine = this.q<HTMLInputElement>('[data-mine]');
    this.on(mine, 'change', () => {
      this.store.set((s) => ({ ...s, mine: mine?.checked ?? false }));
      if (mine?.checked) void this.fetchYours();
    });
    this.cleanups.push(
      onProgress(() => {
        const solvedNow = solvedCode(this.exercise) !== undefined;
        this.store.set((s) =>
          s.solved === solvedNow
            ? s
            : {
                ...s,
                solved: solvedNow,
                mine: solvedNow && s.mine,
                status: solvedNow ? SOLVED : NOT_SOLVED,
              },
        );
        if (this.store.get().mine) void this.fetchYours();
      }),
    );
    this.redrawOn(this.q('[data-plot]'));
    this.render();
  }

  /** Ask the worker for the student's g(w·x + b) on the grid; a newer request wins. */
  private async fetchYours() {
    const n = ++this.request;
    const { w, b } = this.store.get();
    this.store.set((s) => ({ ...s, status: 'Running your sigmoid…' }));
    const res = await callStudentFunction(
      this.exercise,
      'sigmoid',
      xGrid().map((x) => [w * x + b]),
    );
    if (n !== this.request) return;
    if (!res.ok) {
      this.store.set((s) => ({
        ...s,
        yours: null,
        yoursFor: null,
        status: `Could not run your sigmoid (${res.message}); the figure shows the engine’s.`,
      }));
      return;
    }
    const values = res.results.map((r) => (r.ok && typeof r.value === 'number' ? r.value : NaN));
    const cmp = compareWithEngine(values, w, b);
    const status =
      cmp.bad !== undefined
        ? `Your sigmoid gave something that is not a finite number at x = ${formatFixed(cmp.bad, 1)} (w·x + b = ${formatFixed(w * cmp.bad + b, 1)}).`
        : `Your sigmoid, drawn dotted, agrees with the engine’s to within ${cmp.maxDiff.toExponential(1)} at all ${values.length} points (computed by your code in ${Math.round(res.ms)} ms).`;
    this.store.set((s) => ({ ...s, yours: values, yoursFor: `${w},${b}`, status }));
  }

  protected render() {
    const t0 = performance.now();
    const s = this.store.get();
    const box = this.q<HTMLElement>('[data-plot]');
    const width = Math.max(260, Math.min(640, Math.floor(box?.clientWidth ?? 520)));
    const yours = s.mine && s.yours && s.yoursFor === `${s.w},${s.b}` ? s.yours : undefined;
    const key = JSON.stringify([s.w, s.b, s.x, width, yours ? s.yoursFor : null]);
    if (key !== this.key) {
      this.key = key;
      box?.replaceChildren(renderSigmoid({ w: s.w, b: s.b, x: s.x, yours, width }));
    }
    const text = readout(s.w, s.b, s.x);
    const out = this.q('[data-readout]');
    if (out && out.textContent !== text) out.textContent = text;
    const mine = this.q<HTMLInputElement>('[data-mine]');
    if (mine) {
      mine.disabled = !s.solved;
      mine.checked = s.mine;
    }
    const status = this.q('[data-mine-status]');
    if (status && status.textContent !== s.status) status.textContent = s.status;
    // The last redraw's cost, read by the browser tests and the size/speed report.
    this.root.dataset.redrawMs = (performance.now() - t0).toFixed(1);
  }
}

/** Wire up one <sigmoid-explorer>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new SigmoidController(element);
  return () => controller.destroy();
}
