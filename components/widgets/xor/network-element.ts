/**
 * Browser behaviour of <xor-network>: the nine weight boxes write the store; the diagram's
 * edges, both Plot figures and the table are rendered from it. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { formatFixed } from '../../../src/lib/format-number';
import { createStore, type Store } from '../store';
import { XOR_STEP_NET, setNetWeight, stepNetTable, type StepNet } from './xor-logic';
import { renderHiddenSpace, renderInputPlane } from './xor-plot';
import { themeRamp } from '../colour';

/**
 * State: the step network's nine weights. Lifecycle: one store per element, from connect
 * to disconnect; inputs write through `setNetWeight`, the views re-render from the state.
 */
interface NetState {
  net: StepNet;
}

class NetworkController extends WidgetController {
  private store!: Store<NetState>;

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore<NetState>({ net: XOR_STEP_NET });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.root.querySelectorAll<HTMLInputElement>('input[data-unit]').forEach((input) => {
      const u = Number(input.dataset.unit) as 0 | 1 | 2;
      const i = Number(input.dataset.index) as 0 | 1 | 2;
      this.on(input, 'input', () => {
        const v = input.valueAsNumber;
        if (Number.isFinite(v)) {
          this.store.set((s) => ({
            net: setNetWeight(s.net, u, i, Math.max(-5, Math.min(5, v))),
          }));
        }
      });
    });
    this.on(this.root.querySelector('[data-reset]'), 'click', () => {
      this.store.set({ net: XOR_STEP_NET });
      this.root.querySelectorAll<HTMLInputElement>('input[data-unit]').forEach((input) => {
        const u = Number(input.dataset.unit);
        input.value = String(
          (u === 2 ? XOR_STEP_NET.output : XOR_STEP_NET.hidden[u])[Number(input.dataset.index)],
        );
      });
    });
    const light = (e: Event | null) => {
      const link = (e?.target as Element | null)?.closest<Element>('[data-link]');
      const k = link?.getAttribute('data-link') ?? null;
      this.root.querySelectorAll('[data-link]').forEach((el) => {
        el.classList.toggle('is-linked', el.getAttribute('data-link') === k);
      });
    };
    this.on(this.root, 'focusin', light);
    this.on(this.root, 'pointerover', light);
    this.on(this.root, 'focusout', () => light(null));
    this.on(this.root, 'pointerleave', () => light(null));
    this.redrawOn(this.q('[data-input-plane]'), { theme: true });
    this.render();
  }

  protected render() {
    const { net } = this.store.get();
    const a = this.root.querySelector<HTMLElement>('[data-input-plane]');
    const b = this.root.querySelector<HTMLElement>('[data-hidden-space]');
    const width = Math.max(180, Math.min(340, Math.floor(a?.clientWidth ?? 300)));
    const key = JSON.stringify([net, width]);
    if (key !== this.key) {
      this.key = key;
      a?.replaceChildren(renderInputPlane(net, width, themeRamp(this.root, 0.3)));
      b?.replaceChildren(renderHiddenSpace(net, width));
    }
    [0, 1, 2].forEach((u) => {
      const w = u === 2 ? net.output : net.hidden[u];
      w.forEach((v, i) => {
        const edge = this.root.querySelector(`[data-edge="${u}-${i}"]`);
        edge?.setAttribute('stroke-width', String(1 + Math.min(4, Math.abs(v) * 1.5)));
        edge?.classList.toggle('is-negative', v < 0);
        const label = this.root.querySelector(`[data-edge-label="${u}-${i}"]`);
        if (label) label.textContent = formatFixed(v, 1);
      });
    });
    const rows = stepNetTable(net);
    this.root.querySelector('[data-rows]')?.replaceChildren(
      ...rows.map((r) => {
        const tr = document.createElement('tr');
        tr.className = r.correct ? 'is-right' : 'is-wrong';
        for (const c of [
          r.x[0],
          r.x[1],
          r.h[0],
          r.h[1],
          r.y,
          r.target,
          r.correct ? '✓ yes' : '✗ no',
        ]) {
          const td = document.createElement('td');
          td.textContent = String(c);
          tr.append(td);
        }
        return tr;
      }),
    );
    const score = this.root.querySelector('[data-score] strong');
    const text = `${rows.filter((r) => r.correct).length}/4`;
    if (score && score.textContent !== text) score.textContent = text;
  }
}

/** Wire up one <xor-network>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new NetworkController(element);
  return () => controller.destroy();
}
