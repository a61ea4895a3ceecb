/**
 * Browser behaviour of <perceptron-playground>: reads the controls into the store, renders
 * the plane, table, equation and status from it, drags the handles, plays the learning rule
 * and runs the random search. Loaded lazily by the element (see ../lazy.ts).
 */
import type * as Plot from '@observablehq/plot';
import { formatFixed } from '../../../src/lib/format-number';
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import {
  describeBoundary,
  isGateName,
  searchChunk,
  truthTable,
  type Point,
  type Weights,
} from './perceptron-logic';
import {
  dragHandle,
  initialState,
  reset,
  setAllWeights,
  setGate,
  setPlaying,
  setRate,
  setSearch,
  setWeight,
  step,
  type PlaygroundState,
} from './perceptron-state';
import { renderPlane } from './perceptron-plot';
import { createRng, type GateName } from '../../../src/engine';

const PLAY_INTERVAL_MS = 250;
const SEARCH_TOTAL = 20_000;
const SEARCH_PER_FRAME = 500;
const HANDLE_GRAB_PX = 24;

class PlaygroundController extends WidgetController {
  private store!: Store<PlaygroundState>;
  private plot: (SVGSVGElement & Plot.Plot) | null = null;
  private plotKey = '';
  private width = 0;
  private timer = 0;
  private searchFrame = 0;
  private dragging: 0 | 1 | null = null;

  constructor(root: HTMLElement) {
    super(root);
    const weights = JSON.parse(this.root.dataset.weights ?? '[0,0,0]') as Weights;
    const gate = this.root.dataset.gate ?? 'AND';
    this.store = createStore(
      initialState(weights, isGateName(gate) ? gate : 'AND', Number(this.root.dataset.lr) || 0.25),
    );
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.bindControls();
    this.bindPlane();
    this.bindLinks();
    if (this.root.dataset.search !== undefined)
      this.startSearch(Number(this.root.dataset.search) || 1);
    this.render();
  }

  override destroy() {
    super.destroy();
    cancelAnimationFrame(this.searchFrame);
    clearInterval(this.timer);
  }

  private bindControls() {
    const set = (f: (s: PlaygroundState) => PlaygroundState) => this.store.set(f);
    this.root.querySelectorAll<HTMLInputElement>('[data-weight]').forEach((input) => {
      const i = Number(input.dataset.weight) as 0 | 1 | 2;
      this.on(input, 'input', () => set((s) => setWeight(s, i, input.valueAsNumber)));
    });
    this.root.querySelectorAll<HTMLInputElement>('[data-weight-number]').forEach((input) => {
      const i = Number(input.dataset.weightNumber) as 0 | 1 | 2;
      this.on(input, 'input', () => set((s) => setWeight(s, i, input.valueAsNumber)));
      // On leaving the box, show the value actually in use (clamped, rounded).
      this.on(input, 'change', () => {
        input.value = String(this.store.get().w[i]);
      });
    });
    const gate = this.q<HTMLSelectElement>('[data-gate]');
    this.on(gate, 'change', () => {
      if (!gate || !isGateName(gate.value)) return;
      set((s) => setGate(s, gate.value as GateName));
      // The search's best score belongs to one gate: start over for the new one.
      if (this.root.dataset.search !== undefined)
        this.startSearch(Number(this.root.dataset.search));
    });
    this.on(this.q('[data-step]'), 'click', () => set((s) => step(setPlaying(s, false))));
    this.on(this.q('[data-play]'), 'click', () => set((s) => setPlaying(s, !s.playing)));
    this.on(this.q('[data-reset]'), 'click', () => set(reset));
    const lr = this.q<HTMLInputElement>('[data-lr]');
    this.on(lr, 'input', () => lr && set((s) => setRate(s, lr.valueAsNumber)));
    this.on(this.q('[data-search-again]'), 'click', () => {
      const seed = Number(this.root.dataset.search) + 1;
      this.root.dataset.search = String(seed);
      this.startSearch(seed);
    });
    this.on(this.q('[data-use-best]'), 'click', () => {
      const best = this.store.get().search.bestW;
      if (best) set((s) => setAllWeights(s, best));
    });
    this.redrawOn(this.q('[data-plane]'));
  }

  /** Pointer dragging of the two handles; the plane's <svg> is replaced on every render. */
  private bindPlane() {
    const plane = this.q<HTMLElement>('[data-plane]');
    if (!plane) return;
    const toData = (e: PointerEvent): Point | null => {
      const svg = this.plot;
      const x = svg?.scale('x');
      const y = svg?.scale('y');
      if (!svg || !x?.invert || !y?.invert) return null;
      const rect = svg.getBoundingClientRect();
      const k = this.width / rect.width;
      return [
        x.invert((e.clientX - rect.left) * k) as number,
        y.invert((e.clientY - rect.top) * k) as number,
      ];
    };
    this.on(plane, 'pointerdown', (e) => {
      const handles = this.store.get().handles;
      const svg = this.plot;
      const x = svg?.scale('x');
      const y = svg?.scale('y');
      if (!handles || !svg || !x || !y) return;
      const rect = svg.getBoundingClientRect();
      const k = rect.width / this.width;
      let nearest: 0 | 1 | null = null;
      let best = HANDLE_GRAB_PX;
      handles.forEach((h, i) => {
        const px = rect.left + (x.apply(h[0]) as number) * k;
        const py = rect.top + (y.apply(h[1]) as number) * k;
        const d = Math.hypot(e.clientX - px, e.clientY - py);
        if (d < best) [best, nearest] = [d, i as 0 | 1];
      });
      if (nearest === null) return;
      e.preventDefault();
      this.dragging = nearest;
      plane.setPointerCapture(e.pointerId);
    });
    this.on(plane, 'pointermove', (e) => {
      if (this.dragging === null) return;
      const p = toData(e);
      const which = this.dragging;
      if (p) this.store.set((s) => dragHandle(s, which, p));
    });
    const stop = (e: PointerEvent) => {
      if (this.dragging === null) return;
      this.dragging = null;
      if (plane.hasPointerCapture(e.pointerId)) plane.releasePointerCapture(e.pointerId);
    };
    this.on(plane, 'pointerup', stop);
    this.on(plane, 'pointercancel', stop);
  }

  /** Hovering or focusing a slider row lights up its term in the equation, and back. */
  private bindLinks() {
    const light = (i: string | null) => {
      this.root.querySelectorAll<HTMLElement>('[data-link]').forEach((el) => {
        el.classList.toggle('is-linked', el.dataset.link === i);
      });
    };
    const linkOf = (e: Event) =>
      (e.target as Element | null)?.closest<HTMLElement>('[data-link]')?.dataset.link ?? null;
    this.on(this.root, 'pointerover', (e) => light(linkOf(e)));
    this.on(this.root, 'pointerleave', () => light(null));
    this.on(this.root, 'focusin', (e) => light(linkOf(e)));
    this.on(this.root, 'focusout', () => light(null));
    this.root.querySelectorAll<HTMLButtonElement>('[data-term]').forEach((term) => {
      this.on(term, 'click', () => {
        this.q<HTMLInputElement>(`[data-weight="${term.dataset.term}"]`)?.focus();
      });
    });
  }

  private startSearch(seed: number) {
    cancelAnimationFrame(this.searchFrame);
    const rng = createRng(seed);
    this.store.set((s) => setSearch(s, { tried: 0, best: 0, bestW: null }));
    const tick = () => {
      const s = this.store.get();
      this.store.set(setSearch(s, searchChunk(s.search, s.gate, rng, SEARCH_PER_FRAME)));
      if (this.store.get().search.tried < SEARCH_TOTAL) {
        this.searchFrame = requestAnimationFrame(tick);
      }
    };
    this.searchFrame = requestAnimationFrame(tick);
  }

  protected render() {
    const s = this.store.get();
    this.renderPlane(s);
    this.renderControls(s);
    this.renderTable(s);
    this.renderLearn(s);
    this.renderSearch(s);
    this.syncTimer(s);
  }

  private renderPlane(s: PlaygroundState) {
    const plane = this.q<HTMLElement>('[data-plane]');
    if (!plane) return;
    this.width = Math.max(200, Math.min(352, Math.floor(plane.clientWidth)));
    const highlight = s.learn.last?.index ?? null;
    const key = JSON.stringify([s.w, s.gate, s.handles, highlight, this.width]);
    if (key === this.plotKey) return;
    this.plotKey = key;
    this.plot = renderPlane({
      w: s.w,
      gate: s.gate,
      view: s.view,
      handles: s.handles,
      highlight,
      width: this.width,
    });
    plane.replaceChildren(this.plot);
    const caption = this.q('[data-caption]');
    if (caption) caption.textContent = describeBoundary(s.w);
  }

  private renderControls(s: PlaygroundState) {
    s.w.forEach((v, i) => {
      const range = this.q<HTMLInputElement>(`[data-weight="${i}"]`);
      if (range && range.valueAsNumber !== v) range.value = String(v);
      const box = this.q<HTMLInputElement>(`[data-weight-number="${i}"]`);
      // Leave a box alone while it is being typed in (it may hold "-" or "1.").
      if (box && document.activeElement !== box && box.valueAsNumber !== v) {
        box.value = String(v);
      }
      const term = this.q<HTMLElement>(`[data-term="${i}"]`);
      if (term) {
        term.textContent = v < 0 ? `(${formatFixed(v)})` : formatFixed(v);
        term.setAttribute('aria-label', `w${i} = ${formatFixed(v)}`);
      }
    });
    const gate = this.q<HTMLSelectElement>('[data-gate]');
    if (gate && gate.value !== s.gate) gate.value = s.gate;
    const name = this.q('[data-gate-name]');
    if (name) name.textContent = s.gate;
  }

  private renderTable(s: PlaygroundState) {
    const rows = truthTable(s.w, s.gate);
    const visited = s.learn.last?.index ?? -1;
    const body = this.q('[data-rows]');
    if (body) {
      body.replaceChildren(
        ...rows.map((r, i) => {
          const tr = document.createElement('tr');
          tr.className = `${r.correct ? 'is-right' : 'is-wrong'}${i === visited ? ' is-visited' : ''}`;
          const cells = [r.x[0], r.x[1], formatFixed(r.z), r.y, r.target];
          cells.push(r.correct ? '✓ yes' : '✗ no');
          for (const c of cells) {
            const td = document.createElement('td');
            td.textContent = String(c);
            tr.append(td);
          }
          return tr;
        }),
      );
    }
    const correct = rows.filter((r) => r.correct).length;
    const score = this.q('[data-score]');
    const text = `${correct}/4`;
    if (score && score.querySelector('strong')?.textContent !== text) {
      score.innerHTML = `<strong>${text}</strong> correct`;
    }
  }

  private renderLearn(s: PlaygroundState) {
    const play = this.q<HTMLButtonElement>('[data-play]');
    if (play) {
      play.textContent = s.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(s.playing));
    }
    const status = this.q('[data-learn-status]');
    if (!status) return;
    const { learn } = s;
    let text: string;
    if (learn.status === 'ready') {
      text = 'Epoch 0: press Step to apply the rule to one input, or Play to run it.';
    } else {
      const last = learn.last;
      const x = last ? truthTable(s.w, s.gate)[last.index].x : null;
      const visit = x
        ? `Input (${x[0]}, ${x[1]}) ${last?.changed ? 'was wrong: weights updated' : 'was right: no change'}.`
        : '';
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      text = `Epoch ${learn.epoch}, step ${learn.steps}. ${visit} Mistakes in this epoch: ${learn.errors}.`;
      if (learn.status === 'converged')
        text += ` Converged after ${plural(learn.epoch, 'epoch')}: a whole epoch without a mistake, so the weights will not change again.`;
      if (learn.status === 'gave-up')
        text += ` Stopped after ${plural(learn.epoch, 'epoch')}, each with a mistake: no line separates this gate.`;
    }
    if (status.textContent !== text) status.textContent = text;
  }

  private renderSearch(s: PlaygroundState) {
    const status = this.q('[data-search-status]');
    if (!status) return;
    const { tried, best } = s.search;
    const text =
      tried === 0
        ? 'Random search: starting…'
        : `Random search on ${s.gate}: tried ${tried.toLocaleString('en')} random weight settings; best score ${best}/4.`;
    if (status.textContent !== text) status.textContent = text;
    const use = this.q<HTMLButtonElement>('[data-use-best]');
    if (use) use.disabled = s.search.bestW === null;
  }

  private syncTimer(s: PlaygroundState) {
    if (s.playing && !this.timer) {
      this.timer = window.setInterval(() => this.store.set(step), PLAY_INTERVAL_MS);
    } else if (!s.playing && this.timer) {
      clearInterval(this.timer);
      this.timer = 0;
    }
  }
}

/** Wire up one <perceptron-playground>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new PlaygroundController(element);
  return () => controller.destroy();
}
