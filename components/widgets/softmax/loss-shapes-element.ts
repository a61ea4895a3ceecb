/**
 * Browser behaviour of <loss-shapes>: the p̂ slider writes the store; both panels and the
 * table are drawn from it. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import { lossCurves, lossesAt } from './softmax-logic';
import { renderLossPanel } from './softmax-plot';

/** State: the prediction p̂ ∈ (0, 1) for the true class. One store per element. */
interface ShapesState {
  p: number;
}

class ShapesController extends WidgetController {
  private store: Store<ShapesState>;
  private readonly curves = lossCurves();

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore({ p: Number(root.dataset.p) || 0.05 });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const input = this.q<HTMLInputElement>('[data-p-input]');
    this.on(input, 'input', () => {
      const v = input?.valueAsNumber ?? NaN;
      if (v > 0 && v < 1) this.store.set({ p: v });
    });
    this.redrawOn(this.q('[data-loss-plot]'));
    this.render();
  }

  protected render() {
    const { p } = this.store.get();
    const at = lossesAt(p);
    const text: [string, string][] = [
      ['[data-p-out]', formatFixed(p, 2)],
      ['[data-p-caption]', formatFixed(p, 2)],
      ['[data-se]', formatFixed(at.squared, 4)],
      ['[data-se-grad]', formatFixed(at.squaredGrad, 4)],
      ['[data-ce]', formatFixed(at.crossEntropy, 4)],
      ['[data-ce-grad]', formatFixed(at.crossEntropyGrad, 4)],
    ];
    for (const [sel, t] of text) {
      const el = this.q(sel);
      if (el) el.textContent = t;
    }
    const a = this.q<HTMLElement>('[data-loss-plot]');
    const b = this.q<HTMLElement>('[data-grad-plot]');
    const width = Math.max(200, Math.min(420, Math.floor(a?.clientWidth ?? 320)));
    a?.replaceChildren(renderLossPanel(this.curves, at, width, 'loss'));
    b?.replaceChildren(renderLossPanel(this.curves, at, width, 'gradient'));
  }
}

/** Wire up one <loss-shapes>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new ShapesController(element);
  return () => controller.destroy();
}
