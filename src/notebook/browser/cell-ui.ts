/**
 * Code cells on a page, loaded on the first focus, click or run of any cell.
 *
 * State: one `CellState` per <nb-cell> in page order — its editor (once mounted), the code and
 * the run numbers of the cells above it at its last run — and a page-wide run counter. A cell
 * is stale when a cell above it was edited or re-run after it ran, or the runner restarted.
 * Running a cell first runs, in order, the cells above it that have not run in the current
 * runner (so its names exist); "Run all" runs every cell top to bottom and stops at an error.
 */
import type { EditorView } from '@codemirror/view';
import type { PlotSpec } from '../core/protocol';
import { getStore } from '../progress-store';
import { part } from './dom';
import { mountInPlace } from './editor';
import { renderError, renderResult } from './render';
import { cellRunner, type RunOutcome } from './runner';

interface LastRun {
  seq: number;
  code: string;
  generation: number;
  /** Run numbers of the cells above, at the time. */
  above: Map<string, number>;
}

export interface CellState {
  el: HTMLElement;
  id: string;
  original: string;
  base: string;
  view?: EditorView;
  code: string;
  last?: LastRun;
}

let seq = 0;
const cells: CellState[] = [];
const runner = cellRunner();
runner.onRestart(() => {
  for (const c of cells) if (c.last) c.last.generation = -1;
  refreshStale();
});

/** Every cell on the page, in order (created lazily from the elements). */
function allCells(): CellState[] {
  const els = [...document.querySelectorAll<HTMLElement>('nb-cell')];
  for (const el of els) {
    if (!cells.some((c) => c.el === el)) {
      const original = el.dataset.original ?? '';
      cells.push({
        el,
        id: el.dataset.id ?? '',
        original,
        base: el.dataset.version ?? '',
        code: el.dataset.code ?? original,
      });
    }
  }
  cells.sort((a, b) => els.indexOf(a.el) - els.indexOf(b.el));
  return cells;
}

export function cellFor(el: HTMLElement): CellState {
  return allCells().find((c) => c.el === el) as CellState;
}

/** Replace the static <pre> with the editor, keeping the height and (optionally) focusing it. */
export function mountEditor(state: CellState, focus: boolean): void {
  if (state.view) {
    if (focus) state.view.focus();
    return;
  }
  state.view = mountInPlace(
    part(state.el, 'nb-editor-host'),
    {
      doc: state.code,
      label: `Code cell ${state.id}. Shift+Enter runs it. Press Escape then Tab to leave the editor.`,
      onRun: () => void runCell(state),
      onChange: (code) => {
        state.code = code;
        const store = getStore();
        if (code === state.original) store.clearCell(state.id);
        else store.setCell(state.id, code, state.base);
        state.el.toggleAttribute('data-edited', code !== state.original);
        refreshStale();
      },
    },
    focus,
  );
}

function status(state: CellState, text: string): void {
  part(state.el, 'nb-status').textContent = text;
}

function drawPlots(specs: PlotSpec[], into: HTMLElement): void {
  void import('./plot-render')
    .then(({ renderPlot }) => {
      for (const s of specs) {
        try {
          into.append(renderPlot(s));
        } catch (e) {
          into.append(
            renderError({ kind: 'runtime', name: 'Plot error', message: (e as Error).message }),
          );
        }
      }
    })
    .catch((e: unknown) =>
      into.append(renderError({ kind: 'internal', name: 'Error', message: String(e) })),
    );
}

async function runOne(state: CellState): Promise<RunOutcome> {
  const list = allCells();
  const index = list.indexOf(state);
  const above = list.slice(0, index);
  status(state, 'Running…');
  state.el.setAttribute('aria-busy', 'true');
  const outcome = await runner.run({
    kind: 'cell',
    id: state.id,
    source: state.code,
    above: above.map((c) => c.id),
  });
  state.el.removeAttribute('aria-busy');
  state.last = {
    seq: ++seq,
    code: state.code,
    generation: outcome.timedOut ? -1 : runner.generation,
    above: new Map(above.map((c) => [c.id, c.last?.seq ?? 0])),
  };
  const program = outcome.result.programs[0];
  const out = part(state.el, 'nb-output');
  out.replaceChildren(renderResult(program, drawPlots));
  status(state, program.error ? 'Error' : `Ran in ${Math.round(outcome.ms)} ms`);
  state.el.dataset.ran = program.error ? 'error' : 'ok';
  refreshStale();
  return outcome;
}

/** Run a cell, after the cells above it that have not run in this runner yet. */
export async function runCell(state: CellState): Promise<RunOutcome> {
  const list = allCells();
  for (const c of list.slice(0, list.indexOf(state))) {
    if (!c.last || c.last.generation !== runner.generation) await runOne(c);
  }
  return runOne(state);
}

/** Run every cell from the top; stop at the first error. */
export async function runAll(): Promise<void> {
  for (const c of allCells()) {
    const outcome = await runOne(c);
    if (outcome.result.programs[0].error) break;
  }
}

/** Mark cells whose inputs changed since they ran. */
function refreshStale(): void {
  const list = allCells();
  list.forEach((c, i) => {
    let why = '';
    if (c.last) {
      if (c.last.generation !== runner.generation) why = 'the runner restarted since this cell ran';
      else {
        for (const a of list.slice(0, i)) {
          if ((a.last?.seq ?? 0) !== (c.last.above.get(a.id) ?? 0))
            why = `cell ${i - list.indexOf(a)} above re-ran after this one`;
          else if (a.last && a.code !== a.last.code)
            why = `cell ${i - list.indexOf(a)} above was edited since`;
          if (why) break;
        }
      }
    }
    const badge = part(c.el, 'nb-stale');
    badge.hidden = !why;
    badge.textContent = why ? `Stale: ${why} — run again to update.` : '';
    c.el.toggleAttribute('data-stale', Boolean(why));
  });
}
