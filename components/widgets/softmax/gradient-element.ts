/**
 * Browser behaviour of <gradient-comparison>: the z₃ slider writes the store; the plot and
 * the table are drawn from it. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import { gradientCurves, wrongLogitGradients } from './softmax-logic';
import { renderGradientCurves } from './softmax-plot';

/** State: the wrong class's logit z₃. One store per element. */
interface GradientState {
  z: number;
}

class GradientController extends WidgetController {
  private store: Store<GradientState>;
  private readonly curves = gradientCurves();

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore({ z: Number(root.dataset.z) || 0 });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const input = this.q<HTMLInputElement>('[data-z-input]');
    this.on(input, 'input', () => {
      const v = input?.valueAsNumber ?? NaN;
      if (Number.isFinite(v)) this.store.set({ z: v });
    });
    this.redrawOn(this.q('[data-grad-plot]'));
    this.render();
  }

  protected render() {
    const { z } = this.store.get();
    const at = wrongLogitGradients(z);
    const text: [string, string][] = [
      ['[data-z-out]', formatFixed(z, 1)],
      ['[data-z-caption]', formatFixed(z, 1)],
      ['[data-sigmoid]', formatFixed(at.sigmoid, 4)],
      ['[data-se-grad]', formatFixed(at.squared, 4)],
      ['[data-probability]', formatFixed(at.probability, 4)],
      ['[data-ce-grad]', formatFixed(at.crossEntropy, 4)],
    ];
    for (const [sel, t] of text) {
      const el = this.q(sel);
      if (el) el.textContent = t;
    }
    const plot = this.q<HTMLElement>('[data-grad-plot]');
    const width = Math.max(240, Math.min(640, Math.floor(plot?.clientWidth ?? 480)));
    plot?.replaceChildren(renderGradientCurves(this.curves, at, width));
  }
}

/** Wire up one <gradient-comparison>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new GradientController(element);
  return () => controller.destroy();
}
