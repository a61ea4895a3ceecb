/**
 * Browser behaviour of <batch-product>: the size selects write the store; the grids are rebuilt
 * when a size changes, and focusing or hovering an entry of Z lights the row of X, the column
 * of Wᵀ and the bias that make it. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { batchData, batchView, type BatchSizes } from './batch-logic';
import { entryText, productHtml } from './batch-html';

/** State: the four sizes and the entry of Z being explained. One store per element. */
interface BatchState {
  sizes: BatchSizes;
  cell: [number, number];
}

class BatchController extends WidgetController {
  private store: Store<BatchState>;
  private readonly data: ReturnType<typeof batchData>;

  constructor(root: HTMLElement) {
    super(root);
    this.data = batchData(Number(root.dataset.seed) || 0);
    const sizes = JSON.parse(root.dataset.sizes ?? '{}') as BatchSizes;
    this.store = createStore<BatchState>({ sizes, cell: [0, 0] });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.root.querySelectorAll<HTMLSelectElement>('select[data-size]').forEach((select) => {
      const key = select.dataset.size as keyof BatchSizes;
      this.on(select, 'change', () => {
        const v = Number(select.value);
        this.store.set((s) => {
          const next = { ...s.sizes, [key]: v };
          // Features and inputs per unit move together unless the student sets them apart.
          if (key === 'xCols' && s.sizes.xCols === s.sizes.wCols) next.wCols = v;
          const cell: [number, number] = [
            Math.min(s.cell[0], next.batch - 1),
            Math.min(s.cell[1], next.units - 1),
          ];
          return { sizes: next, cell };
        });
      });
    });
    const pick = (e: Event) => {
      const td = (e.target as Element | null)?.closest<HTMLElement>('[data-cell]');
      if (!td) return;
      const [r, c] = (td.dataset.cell ?? '0-0').split('-').map(Number);
      this.store.set((s) => (s.cell[0] === r && s.cell[1] === c ? s : { ...s, cell: [r, c] }));
    };
    this.on(this.root, 'focusin', pick);
    this.on(this.root, 'pointerover', pick);
    this.render();
  }

  protected render() {
    const t0 = performance.now();
    const { sizes, cell } = this.store.get();
    const view = batchView(this.data, sizes);
    const box = this.q<HTMLElement>('[data-product]');
    const key = JSON.stringify(sizes);
    if (box && key !== this.key) {
      this.key = key;
      const focused =
        document.activeElement?.closest('[data-cell]') !== null &&
        box.contains(document.activeElement);
      box.innerHTML = productHtml(view);
      if (focused) box.querySelector<HTMLElement>(`[data-cell="${cell[0]}-${cell[1]}"]`)?.focus();
      if (view.mismatch) {
        box
          .querySelectorAll('[data-shape="X"], [data-shape="Wᵀ"]')
          .forEach((el) => el.classList.add('is-bad'));
      }
      this.root.querySelectorAll<HTMLSelectElement>('select[data-size]').forEach((s) => {
        s.value = String(sizes[s.dataset.size as keyof BatchSizes]);
      });
    }
    const [r, j] = cell;
    box
      ?.querySelectorAll('[data-xrow]')
      .forEach((el) =>
        el.classList.toggle('is-lit', !view.mismatch && el.getAttribute('data-xrow') === String(r)),
      );
    box
      ?.querySelectorAll('[data-wcol]')
      .forEach((el) =>
        el.classList.toggle('is-lit', !view.mismatch && el.getAttribute('data-wcol') === String(j)),
      );
    box
      ?.querySelectorAll('[data-bcol]')
      .forEach((el) =>
        el.classList.toggle('is-lit', !view.mismatch && el.getAttribute('data-bcol') === String(j)),
      );
    box
      ?.querySelectorAll('[data-cell]')
      .forEach((el) =>
        el.classList.toggle('is-lit-cell', el.getAttribute('data-cell') === `${r}-${j}`),
      );
    const text = entryText(view, r, j);
    const out = this.q('[data-explain]');
    if (out && out.textContent !== text) out.textContent = text;
    // The last redraw's cost, read by the browser tests and the size/speed report.
    this.root.dataset.redrawMs = (performance.now() - t0).toFixed(1);
  }
}

/** Wire up one <batch-product>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new BatchController(element);
  return () => controller.destroy();
}
