/**
 * Browser behaviour of <softmax-explorer>: the sliders, class count, temperature and buttons
 * write the store; both bar charts, the sums, the order line and the naive/shifted table are
 * rendered from it. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed, formatNumber } from '../../../src/lib/format-number';
import { HUGE_LOGIT, defaultLogits, explorerView, resize, setLogit } from './softmax-logic';
import { renderBars } from './softmax-plot';

/**
 * State: the logits (4–10 of them; one may be far outside the sliders' range after "make one
 * logit huge") and the temperature. Lifecycle: one store per element, from mount to teardown.
 */
interface ExplorerState {
  logits: number[];
  temperature: number;
}

class ExplorerController extends WidgetController {
  private store: Store<ExplorerState>;
  private readonly initial: ExplorerState;

  constructor(root: HTMLElement) {
    super(root);
    const logits = JSON.parse(root.dataset.logits ?? '[]') as number[];
    this.initial = {
      logits: logits.length ? logits : defaultLogits(4),
      temperature: Number(root.dataset.temperature) || 1,
    };
    this.store = createStore(this.initial);
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
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
    this.on(this.q('[data-reset]'), 'click', () => this.store.set(this.initial));
    this.redrawOn(this.q('[data-softmax-plot]'));
    this.render();
  }

  protected render() {
    const { logits, temperature } = this.store.get();
    const view = explorerView(logits, temperature);
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
    fill('[data-stable-row]', view.softmax);
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
    const key = JSON.stringify([logits, temperature, width]);
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
        `Softmax probabilities at T = ${formatFixed(temperature, 2)}: ${view.softmax.map((v) => formatFixed(v, 2)).join(', ')}; sum ${formatFixed(view.softmaxSum, 2)}.`,
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
