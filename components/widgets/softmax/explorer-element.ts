/**
 * Browser behaviour of <softmax-explorer>: the sliders, class count, temperature and buttons
 * write the store; both bar charts, the sums, the order line and the naive/shifted table are
 * rendered from it. With "Run on my softmax", the softmax bars, their sum and the order line
 * come from the student's solved `softmax` of z / T, called in the exercise worker; if it
 * throws, returns the wrong shape or runs too long, the engine's bars are drawn with a message
 * saying which. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed, formatNumber } from '../../../src/lib/format-number';
import {
  HUGE_LOGIT,
  defaultLogits,
  explorerView,
  resize,
  setLogit,
  withYourSoftmax,
  yourSoftmaxText,
  type ExplorerView,
  type YourView,
} from './softmax-logic';
import { renderBars } from './softmax-plot';
import { asSentence, checkNumbers, firstResult } from '../student-output';
import {
  callStudentFunction,
  onProgress,
  solvedCode,
} from '../../../src/notebook/browser/student-function';

const EXERCISE = 'softmax';

/**
 * State: the logits (4–10 of them; one may be far outside the sliders' range after "make one
 * logit huge") and the temperature; whether the exercise is solved and the box ticked; the
 * student's softmax of the scaled logits `yoursFor` (JSON) with the worker's time, or why it
 * could not be used (`failure`; `stalled` after a timeout, which is not retried on every slider
 * move but when the student's code changes or the box is ticked again). Lifecycle: one store
 * per element, from mount to teardown.
 */
interface ExplorerState {
  logits: number[];
  temperature: number;
  solved: boolean;
  mine: boolean;
  yours: number[] | null;
  yoursFor: string | null;
  yoursMs: number;
  failure: string | null;
  stalled: boolean;
}

const ENGINE = 'Bars from the engine’s softmax.';
const scaledKey = (s: Pick<ExplorerState, 'logits' | 'temperature'>) =>
  JSON.stringify(s.logits.map((z) => z / s.temperature));

class ExplorerController extends WidgetController {
  private store: Store<ExplorerState>;
  private readonly initial: Pick<ExplorerState, 'logits' | 'temperature'>;
  /** A request to the worker is out; `again`: the logits moved meanwhile. */
  private busy = false;
  private again = false;
  private destroyed = false;

  constructor(root: HTMLElement) {
    super(root);
    const logits = JSON.parse(root.dataset.logits ?? '[]') as number[];
    this.initial = {
      logits: logits.length ? logits : defaultLogits(4),
      temperature: Number(root.dataset.temperature) || 1,
    };
    this.store = createStore<ExplorerState>({
      ...this.initial,
      solved: solvedCode(EXERCISE) !== undefined,
      mine: false,
      yours: null,
      yoursFor: null,
      yoursMs: 0,
      failure: null,
      stalled: false,
    });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    // Any change of the logits or the temperature asks the student's softmax again (if on).
    let lastKey = scaledKey(this.store.get());
    this.cleanups.push(
      this.store.subscribe(() => {
        const key = scaledKey(this.store.get());
        if (key !== lastKey) {
          lastKey = key;
          this.askYours();
        }
      }),
    );
    this.wireMine();
    const count = this.q<HTMLSelectElement>('[data-count]');
    this.on(count, 'change', () =>
      this.store.set((s) => ({ ...s, logits: resize(s.logits, Number(count?.value)) })),
    );
    const t = this.q<HTMLInputElement>('[data-temperature-input]');
    this.on(t, 'input', () => {
      const v = t?.valueAsNumber ?? NaN;
      if (Number.isFinite(v) && v > 0) this.store.set((s) => ({ ...s, temperature: v }));
    });
    this.root.querySelectorAll<HTMLInputElement>('input[data-logit]').forEach((input) => {
      const i = Number(input.dataset.logit);
      this.on(input, 'input', () => {
        const v = input.valueAsNumber;
        if (Number.isFinite(v)) this.store.set((s) => ({ ...s, logits: setLogit(s.logits, i, v) }));
      });
    });
    // The largest logit becomes 1000: e^1000 overflows, which only the naive form notices.
    this.on(this.q('[data-huge]'), 'click', () =>
      this.store.set((s) => {
        const top = explorerView(s.logits, s.temperature).topLogit;
        return { ...s, logits: setLogit(s.logits, top, HUGE_LOGIT) };
      }),
    );
    this.on(this.q('[data-reset]'), 'click', () =>
      this.store.set((s) => ({ ...s, ...this.initial })),
    );
    this.redrawOn(this.q('[data-softmax-plot]'));
    this.render();
  }

  private wireMine() {
    const mine = this.q<HTMLInputElement>('[data-mine]');
    this.on(mine, 'change', () => {
      const on = mine?.checked ?? false;
      this.store.set((s) => ({ ...s, mine: on, failure: null, stalled: false }));
      this.askYours();
    });
    let code = solvedCode(EXERCISE);
    this.cleanups.push(
      onProgress(() => {
        // Progress on another exercise, or a save of the same code, changes nothing here.
        if (solvedCode(EXERCISE) === code) return;
        code = solvedCode(EXERCISE);
        // The student's code changed: what it gave before no longer counts.
        const solved = code !== undefined;
        this.store.set((s) => ({
          ...s,
          solved,
          mine: solved && s.mine,
          yours: null,
          yoursFor: null,
          failure: null,
          stalled: false,
        }));
        this.askYours();
      }),
    );
  }

  /**
   * Ask the worker for the student's softmax of the current z / T. One request at a time: a
   * slider dragged while one runs asks again, once, for wherever it is when the answer comes.
   */
  private askYours() {
    const s = this.store.get();
    if (!s.mine || !s.solved || s.stalled) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.again = false;
    const key = scaledKey(s);
    const scaled = JSON.parse(key) as number[];
    void callStudentFunction(EXERCISE, 'softmax', [[scaled]]).then((res) => {
      this.busy = false;
      if (this.destroyed) return;
      const verdict = firstResult(res, (v) =>
        checkNumbers(v, scaled.length, `${scaled.length} logits`, { finite: false }),
      );
      this.store.set((t) =>
        verdict.ok
          ? { ...t, yours: verdict.value, yoursFor: key, yoursMs: verdict.ms, failure: null }
          : {
              ...t,
              yours: null,
              yoursFor: null,
              failure: verdict.message,
              stalled: verdict.timedOut,
            },
      );
      this.root.dataset.mineMs = verdict.ok ? verdict.ms.toFixed(1) : '';
      if (this.again || scaledKey(this.store.get()) !== key) this.askYours();
    });
  }

  override destroy() {
    this.destroyed = true;
    super.destroy();
  }

  /** The student's bars when they are on and answered for these logits; else undefined. */
  private yourView(s: ExplorerState, view: ExplorerView): YourView | undefined {
    if (!s.mine || !s.yours || s.yoursFor !== scaledKey(s)) return undefined;
    return withYourSoftmax(view, view.scaled, s.yours);
  }

  /** Whose bars these are, or why the student's are not used. */
  private sourceText(s: ExplorerState, yours: YourView | undefined): string | undefined {
    if (!s.mine) return s.solved ? `${ENGINE} Tick the box to draw them with yours.` : ENGINE;
    if (yours) return yourSoftmaxText(yours, s.yoursMs);
    if (s.failure) {
      const retry = s.stalled
        ? 'It is tried again when your code changes or you tick the box again.'
        : 'It is tried again when the logits change.';
      return `${ENGINE} Yours could not be used: ${asSentence(s.failure)} ${retry}`;
    }
    // Waiting for the worker: keep the last report of the student's bars rather than flash a
    // new sentence per slider move; before the first one, say what is happening.
    const shown = this.q('[data-source]')?.textContent ?? '';
    return shown.startsWith('Bars from your') ? undefined : `${ENGINE} Yours is running…`;
  }

  protected render() {
    const s = this.store.get();
    const { logits, temperature } = s;
    const engineView = explorerView(logits, temperature);
    const yours = this.yourView(s, engineView);
    const view = yours ?? engineView;
    const n = logits.length;
    const count = this.q<HTMLSelectElement>('[data-count]');
    if (count && Number(count.value) !== n) count.value = String(n);
    const t = this.q<HTMLInputElement>('[data-temperature-input]');
    if (t && t.valueAsNumber !== temperature) t.value = String(temperature);
    this.setText('[data-temperature-out]', formatFixed(temperature, 2));
    this.root.querySelectorAll<HTMLElement>('[data-logit-row]').forEach((row) => {
      const i = Number(row.dataset.logitRow);
      row.hidden = i >= n;
      const input = row.querySelector<HTMLInputElement>('input');
      if (i < n && input) {
        const shown = Math.max(-5, Math.min(5, logits[i]));
        if (input.valueAsNumber !== shown) input.value = String(shown);
        this.setText(`[data-logit-out="${i}"]`, formatFixed(logits[i], 1));
      }
    });
    this.root.querySelectorAll<HTMLElement>('[data-col]').forEach((cell) => {
      cell.hidden = Number(cell.dataset.col) >= n;
    });
    const fill = (row: string, values: number[]) => {
      this.root.querySelectorAll<HTMLElement>(`${row} td`).forEach((cell, i) => {
        cell.textContent = i < n ? formatNumber(values[i]) : '';
        cell.classList.toggle('is-bad', i < n && !Number.isFinite(values[i]));
      });
    };
    fill('[data-naive-row]', view.naive);
    fill('[data-stable-row]', engineView.softmax);
    const yoursRow = this.q<HTMLElement>('[data-yours-row]');
    if (yoursRow) yoursRow.hidden = !yours;
    if (yours) fill('[data-yours-row]', yours.softmax);
    const mine = this.q<HTMLInputElement>('[data-mine]');
    if (mine) {
      mine.disabled = !s.solved;
      mine.checked = s.mine;
    }
    const unsolved = this.q<HTMLElement>('[data-unsolved]');
    if (unsolved) unsolved.hidden = s.solved;
    const source = this.sourceText(s, yours);
    if (source !== undefined) this.setText('[data-source]', source);
    this.root.dataset.bars = yours ? 'yours' : 'engine';
    this.setText('[data-sigmoid-sum]', formatFixed(view.sigmoidSum, 3));
    this.setText('[data-softmax-sum]', formatFixed(view.softmaxSum, 3));
    this.setText(
      '[data-order]',
      `Largest logit: class ${view.topLogit + 1}; largest probability: class ${view.topProbability + 1}. ${view.orderKept ? 'The order is kept.' : 'The order is not kept.'}`,
    );
    this.setText(
      '[data-overflow]',
      view.naiveFinite
        ? 'Both forms agree: every e^z fits in a floating-point number.'
        : `A logit of ${formatNumber(Math.max(...view.scaled))} makes e^z overflow to Infinity, so the naive form gives NaN; shifted by the largest logit, every exponent is at most 0 and the result stays finite.`,
    );
    const a = this.q<HTMLElement>('[data-sigmoid-plot]');
    const b = this.q<HTMLElement>('[data-softmax-plot]');
    const width = Math.max(200, Math.min(420, Math.floor(b?.clientWidth ?? 320)));
    const key = JSON.stringify([logits, temperature, width, yours?.softmax ?? null]);
    if (key === this.key) return;
    this.key = key;
    a?.replaceChildren(
      renderBars(
        view.sigmoid,
        width,
        'sx-sigmoid',
        `Sigmoid of each logit: ${view.sigmoid.map((v) => formatFixed(v, 2)).join(', ')}; sum ${formatFixed(view.sigmoidSum, 2)}.`,
      ),
    );
    b?.replaceChildren(
      renderBars(
        view.softmax,
        width,
        'sx-softmax',
        `${yours ? 'Your softmax' : 'Softmax'} probabilities at T = ${formatFixed(temperature, 2)}: ${view.softmax.map((v) => (Number.isFinite(v) ? formatFixed(v, 2) : formatNumber(v))).join(', ')}; sum ${formatFixed(view.softmaxSum, 2)}.`,
      ),
    );
  }

  private setText(selector: string, text: string) {
    const el = this.q(selector);
    if (el && el.textContent !== text) el.textContent = text;
  }
}

/** Wire up one <softmax-explorer>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new ExplorerController(element);
  return () => controller.destroy();
}
