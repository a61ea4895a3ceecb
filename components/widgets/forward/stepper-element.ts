/**
 * Browser behaviour of <forward-stepper>: inputs, weight boxes, the seed and the step buttons
 * write the store; the diagram's values and highlights, the matrices' slots and lit row, the
 * sigmoid with each unit's point and the list of equations are rendered from it. With "run on
 * my code", each layer's activations come from the student's solved `layerForward`, called in
 * the exercise worker; if it throws, returns the wrong shape or runs too long, the engine's
 * numbers are shown with a message saying why. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { formatFixed } from '../../../src/lib/format-number';
import { preActivation, sigmoid } from '../../../src/engine';
import {
  checkLayerOutput,
  endOfLayer,
  forwardSteps,
  knownValues,
  randomNet,
  setWeight,
  type Step,
} from './forward-logic';
import { stepHtml, stepText } from './forward-html';
import { renderUnitCurve, type UnitPoint } from './sigmoid-plot';
import {
  callStudentFunction,
  onProgress,
  solvedCode,
} from '../../../src/notebook/browser/student-function';

const EXERCISE = 'layer-forward';

/**
 * State: the network's weights, the input, the seed they came from; how many steps are done
 * and whether the student is walking (one step lit) or sees them all; whether the layers run
 * on the student's code, the activations it produced (for the net and input in `actsFor`) and
 * a sentence saying whose numbers are shown. One store per element, from mount to teardown.
 */
export interface StepperState {
  net: number[][][];
  x: number[];
  seed: number;
  done: number;
  walking: boolean;
  solved: boolean;
  mine: boolean;
  acts: number[][] | null;
  actsFor: string | null;
  source: string;
}

export type StepperAction = 'next' | 'prev' | 'layer' | 'all' | 'restart';

/** The next state for a button, given the steps (pure, so it is easy to test). */
export function stepperAction(
  s: StepperState,
  action: StepperAction,
  steps: readonly Step[],
): StepperState {
  const total = steps.length;
  switch (action) {
    case 'next':
      return { ...s, done: s.walking ? Math.min(total, s.done + 1) : 1, walking: true };
    case 'prev':
      return { ...s, done: Math.max(0, s.done - 1), walking: true };
    case 'layer':
      return { ...s, done: endOfLayer(steps, s.walking ? s.done : 0), walking: true };
    case 'all':
      return { ...s, done: total, walking: false };
    case 'restart':
      return { ...s, done: 0, walking: true };
  }
}

const ENGINE_SOURCE = 'The engine computes these numbers.';
const netKey = (s: Pick<StepperState, 'net' | 'x'>) => JSON.stringify([s.net, s.x]);

class StepperController extends WidgetController {
  private store: Store<StepperState>;
  private request = 0;

  constructor(root: HTMLElement) {
    super(root);
    const sizes = JSON.parse(root.dataset.sizes ?? '[2, 3, 2]') as number[];
    const seed = Number(root.dataset.seed) || 0;
    const x = JSON.parse(root.dataset.x ?? '[1, 0.5]') as number[];
    const net = randomNet(sizes, seed);
    const solved = solvedCode(EXERCISE) !== undefined;
    this.store = createStore<StepperState>({
      net,
      x,
      seed,
      done: forwardSteps(net, x).length,
      walking: false,
      solved,
      mine: false,
      acts: null,
      actsFor: null,
      source: solved
        ? `${ENGINE_SOURCE} You solved “One layer of forward propagation”: tick the box to use your code.`
        : `${ENGINE_SOURCE} Solve the exercise “One layer of forward propagation” below, and your own function can compute them instead.`,
    });
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.wireInputs(sizes);
    const act = (a: StepperAction) => () =>
      this.store.set((s) => stepperAction(s, a, this.steps(s)));
    this.on(this.q('[data-next]'), 'click', act('next'));
    this.on(this.q('[data-prev]'), 'click', act('prev'));
    this.on(this.q('[data-layer]'), 'click', act('layer'));
    this.on(this.q('[data-all]'), 'click', act('all'));
    this.on(this.q('[data-restart]'), 'click', act('restart'));
    this.wireJumpsAndLinks();
    const mine = this.q<HTMLInputElement>('[data-mine]');
    this.on(mine, 'change', () => {
      this.store.set((s) => ({ ...s, mine: mine?.checked ?? false }));
      this.refreshMine();
    });
    this.cleanups.push(
      onProgress(() => {
        const solvedNow = solvedCode(EXERCISE) !== undefined;
        this.store.set((s) => (s.solved === solvedNow ? s : { ...s, solved: solvedNow }));
        this.refreshMine();
      }),
    );
    this.redrawOn(this.q('[data-curve]'));
    this.render();
  }

  private wireInputs(sizes: number[]) {
    this.root.querySelectorAll<HTMLInputElement>('input[data-x]').forEach((input) => {
      const k = Number(input.dataset.x);
      this.on(input, 'input', () => {
        const v = input.valueAsNumber;
        if (!Number.isFinite(v)) return;
        this.store.set((s) => ({
          ...s,
          x: s.x.map((xi, i) => (i === k ? Math.max(-5, Math.min(5, v)) : xi)),
        }));
        this.refreshMine();
      });
    });
    this.root.querySelectorAll<HTMLInputElement>('input[data-w]').forEach((input) => {
      const [j, i, k] = (input.dataset.w ?? '0-0-0').split('-').map(Number);
      this.on(input, 'input', () => {
        const v = input.valueAsNumber;
        if (!Number.isFinite(v)) return;
        this.store.set((s) => ({
          ...s,
          net: setWeight(s.net, j, i, k, Math.max(-10, Math.min(10, v))),
        }));
        this.refreshMine();
      });
    });
    const seed = this.q<HTMLInputElement>('[data-seed]');
    this.on(seed, 'change', () => {
      const v = seed?.valueAsNumber ?? NaN;
      if (!Number.isInteger(v) || v < 0) return;
      const net = randomNet(sizes, v);
      this.root.querySelectorAll<HTMLInputElement>('input[data-w]').forEach((input) => {
        const [j, i, k] = (input.dataset.w ?? '0-0-0').split('-').map(Number);
        input.value = String(net[j][i][k]);
      });
      this.store.set((s) => ({ ...s, net, seed: v }));
      this.refreshMine();
    });
  }

  private wireJumpsAndLinks() {
    const jump = (e: Event) => {
      const node = (e.target as Element | null)?.closest<SVGGElement>('[data-node][role="button"]');
      if (!node) return;
      const steps = this.steps(this.store.get());
      const i = steps.findIndex((s) => s.kind === 'a' && s.node === node.dataset.node);
      if (i >= 0) this.store.set((s) => ({ ...s, done: i + 1, walking: true }));
    };
    this.on(this.root, 'click', jump);
    this.on(this.root, 'keydown', (e) => {
      const onNode = (e.target as Element | null)?.closest('[data-node][role="button"]');
      if (onNode && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        jump(e);
      }
    });
    const light = (e: Event | null) => {
      const k = (e?.target as Element | null)?.closest('[data-link]')?.getAttribute('data-link');
      this.root.querySelectorAll('[data-link]').forEach((el) => {
        el.classList.toggle('is-linked', k != null && el.getAttribute('data-link') === k);
      });
    };
    this.on(this.root, 'focusin', light);
    this.on(this.root, 'pointerover', light);
    this.on(this.root, 'focusout', () => light(null));
    this.on(this.root, 'pointerleave', () => light(null));
  }

  /** The walk for the current state: on the student's activations when they are in use. */
  private steps(s: StepperState): Step[] {
    const useMine = s.mine && s.acts && s.actsFor === netKey(s);
    return forwardSteps(s.net, s.x, useMine ? (s.acts ?? undefined) : undefined);
  }

  /** (Re)compute the layers with the student's code when asked to; a newer request wins. */
  private refreshMine() {
    const s = this.store.get();
    if (!s.mine || !s.solved) {
      if (s.acts || s.source.startsWith('Computed by your')) {
        this.store.set((t) => ({ ...t, acts: null, actsFor: null, source: ENGINE_SOURCE }));
      }
      return;
    }
    void this.runMine(++this.request);
  }

  private async runMine(n: number) {
    const { net, x } = this.store.get();
    const key = netKey({ net, x });
    const acts: number[][] = [];
    let prev = x;
    let ms = 0;
    let maxDiff = 0;
    for (let j = 0; j < net.length; j++) {
      const res = await callStudentFunction(EXERCISE, 'layerForward', [[net[j], prev]]);
      if (n !== this.request) return;
      const r = res.ok ? res.results[0] : undefined;
      const out = !res.ok
        ? res.message
        : !r?.ok
          ? (r?.message ?? 'no result')
          : checkLayerOutput(r.value, net[j].length);
      if (typeof out === 'string') {
        this.store.set((t) => ({
          ...t,
          acts: null,
          actsFor: null,
          source: `Your layerForward could not compute layer ${j + 2}: ${out}. The figure shows the engine’s numbers instead.`,
        }));
        return;
      }
      if (res.ok) ms += res.ms;
      const engine = preActivation(net[j], prev).map(sigmoid);
      out.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - engine[i]))));
      acts.push(out);
      prev = out;
    }
    const source = `Computed by your layerForward: ${net.length} calls in the exercise worker, ${Math.round(ms)} ms. Largest difference from the engine’s sigmoid layer: ${maxDiff.toExponential(1)}.`;
    this.store.set((t) => ({ ...t, acts, actsFor: key, source }));
  }

  protected render() {
    const t0 = performance.now();
    const s = this.store.get();
    const steps = this.steps(s);
    const done = Math.min(s.done, steps.length);
    const list = this.q<HTMLOListElement>('[data-steps]');
    const listKey = JSON.stringify(steps.map((t) => [t.value, t.terms.map((u) => u.w)]));
    if (list && list.dataset.for !== listKey) {
      list.dataset.for = listKey;
      list.replaceChildren(
        ...steps.map((t) => {
          const li = document.createElement('li');
          li.innerHTML = stepHtml(t);
          return li;
        }),
      );
    }
    const current = s.walking && done > 0 ? steps[done - 1] : undefined;
    list?.querySelectorAll('li').forEach((li, i) => {
      li.hidden = i >= done;
      li.classList.toggle('is-current', current !== undefined && i === done - 1);
    });
    this.renderSlots(steps, done, s, current);
    this.renderEdges(s.net, current);
    this.renderCurve(steps, done, current);
    const status = this.q('[data-status]');
    const text = current
      ? stepText(current, done, steps.length)
      : done === 0
        ? `Step 0 of ${steps.length}: only the inputs are known. Press Next step.`
        : `All ${steps.length} steps are shown. The output is ${steps
            .filter((t) => t.kind === 'a' && t.layer === steps[steps.length - 1].layer)
            .map((t) => formatFixed(t.value, 4))
            .join(', ')}.`;
    if (status && status.textContent !== text) status.textContent = text;
    const mine = this.q<HTMLInputElement>('[data-mine]');
    if (mine) {
      mine.disabled = !s.solved;
      mine.checked = s.mine;
    }
    const source = this.q('[data-source]');
    if (source && source.textContent !== s.source) source.textContent = s.source;
    // The last redraw's cost, read by the browser tests and the size/speed report.
    this.root.dataset.redrawMs = (performance.now() - t0).toFixed(1);
  }

  private renderSlots(steps: Step[], done: number, s: StepperState, current?: Step) {
    const known = knownValues(steps, done, s.x);
    const show = (v: number | undefined, digits: number) =>
      v === undefined ? '?' : formatFixed(v, digits);
    const setText = (el: Element, t: string) => {
      if (el.textContent !== t) el.textContent = t;
    };
    this.root.querySelectorAll<SVGTextElement>('[data-value]').forEach((t) => {
      const id = t.dataset.value ?? '';
      setText(t, show(known.a.get(id), id.startsWith('1-') ? 2 : 3));
    });
    this.root.querySelectorAll<HTMLElement>('[data-act]').forEach((td) => {
      const id = td.dataset.act ?? '';
      if (!id.endsWith('-0')) setText(td, show(known.a.get(id), 3));
      td.classList.toggle(
        'is-active',
        current !== undefined && id.startsWith(`${current.layer - 1}-`),
      );
    });
    this.root.querySelectorAll<HTMLElement>('[data-z]').forEach((td) => {
      const id = td.dataset.z ?? '';
      setText(td, show(known.z.get(id), 3));
      td.classList.toggle('is-active', current?.node === id);
    });
    this.root.querySelectorAll<HTMLElement>('[data-a]').forEach((td) => {
      const id = td.dataset.a ?? '';
      setText(td, show(known.a.get(id), 4));
      td.classList.toggle('is-active', current?.kind === 'a' && current.node === id);
    });
    this.root.querySelectorAll('[data-node]').forEach((n) => {
      n.classList.toggle('is-current', current?.node === n.getAttribute('data-node'));
    });
    const active = new Set(current?.terms.map((t) => t.key));
    this.root.querySelectorAll('td[data-link]').forEach((td) => {
      td.classList.toggle('is-active', active.has(td.getAttribute('data-link') ?? ''));
    });
  }

  private renderEdges(net: number[][][], current?: Step) {
    const active = new Set(current?.terms.map((t) => t.key));
    this.root.querySelectorAll<SVGLineElement>('line[data-link]').forEach((l) => {
      const key = l.getAttribute('data-link') ?? '';
      const [j, i, k] = key.slice(1).split('-').map(Number);
      const w = net[j - 1]?.[i - 1]?.[k] ?? 0;
      l.setAttribute('stroke-width', (1 + Math.min(3.5, Math.abs(w))).toFixed(2));
      l.classList.toggle('is-negative', w < 0);
      l.classList.toggle('is-active', active.has(key));
    });
  }

  private renderCurve(steps: Step[], done: number, current?: Step) {
    const box = this.q<HTMLElement>('[data-curve]');
    if (!box) return;
    const points: UnitPoint[] = steps
      .slice(0, done)
      .filter((t) => t.kind === 'a' || t === current)
      .map((t) => ({
        z: t.kind === 'a' ? (t.z ?? 0) : t.value,
        g: t.kind === 'a' ? t.value : sigmoid(t.value),
        name: `unit ${t.unit} of layer ${t.layer}`,
        current: t === current,
      }));
    const width = Math.max(220, Math.min(420, Math.floor(box.clientWidth || 320)));
    const key = JSON.stringify([points, width]);
    if (key !== this.key) {
      this.key = key;
      box.replaceChildren(renderUnitCurve(points, width));
    }
  }
}

/** Wire up one <forward-stepper>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new StepperController(element);
  return () => controller.destroy();
}
