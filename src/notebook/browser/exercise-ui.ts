/**
 * An exercise on the page, loaded on the first focus, click or check. The checks run in the
 * exercise worker; the verdict is computed here by `judge` from the raw outputs.
 *
 * State per exercise: its editor, and the misconception examples' raw results (computed once
 * per page, since they never change). Everything the student must keep lives in the progress
 * store: code, attempts, failures, hints shown, scores, solved.
 */
import type { EditorView } from '@codemirror/view';
import type { ProgramResult } from '../core/protocol';
import { exerciseRequest, type Exercise } from '../exercises/define';
import { getExercise } from '../exercises/index';
import { judge, type CheckResult, type Feedback } from '../judge/judge';
import { getStore, type ExerciseRecord } from '../progress-store';
import { mountInPlace, replaceDoc } from './editor';
import { renderDiff } from './diff';
import { el as h, part } from './dom';
import { renderError, renderValue } from './render';
import { exerciseRunner } from './runner';

interface ExerciseState {
  el: HTMLElement;
  ex: Exercise;
  starter: string;
  view?: EditorView;
  code: string;
  examples?: (ProgramResult | undefined)[];
}

const states = new Map<HTMLElement, ExerciseState>();

function button(text: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = h('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function save(
  state: ExerciseState,
  patch: (r: ExerciseRecord) => Partial<ExerciseRecord> = () => ({}),
): ExerciseRecord {
  const store = getStore();
  store.updateExercise(state.ex.id, (cur) => {
    const base: ExerciseRecord = cur ?? {
      code: state.code,
      version: state.ex.version,
      status: 'attempted',
      attempts: 0,
      failed: 0,
      hintsShown: 0,
      lastScore: 0,
      bestScore: 0,
      savedAt: Date.now(),
    };
    return { ...base, code: state.code, savedAt: Date.now(), ...patch(base) };
  });
  return store.exercise(state.ex.id) as ExerciseRecord;
}

export function exerciseFor(el: HTMLElement): ExerciseState {
  let state = states.get(el);
  if (!state) {
    const ex = getExercise(el.dataset.id ?? '');
    if (!ex) throw new Error(`unknown exercise ${el.dataset.id}`);
    const starter = el.dataset.starter ?? ex.starter;
    state = { el, ex, starter, code: el.dataset.code ?? starter };
    states.set(el, state);
  }
  return state;
}

export function mountEditor(state: ExerciseState, focus: boolean): void {
  if (state.view) {
    if (focus) state.view.focus();
    return;
  }
  state.view = mountInPlace(
    part(state.el, 'nb-editor-host'),
    {
      doc: state.code,
      label: `Exercise ${state.ex.title}. Shift+Enter checks your code. Press Escape then Tab to leave the editor.`,
      onRun: () => void check(state),
      onChange: (code) => {
        state.code = code;
        save(state);
      },
    },
    focus,
  );
}

function setCode(state: ExerciseState, code: string): void {
  if (state.view) replaceDoc(state.view, code);
  else {
    mountEditor(state, false);
    if (state.view) replaceDoc(state.view, code);
  }
}

/** Run the checks, judge, save and show the feedback. */
export async function check(state: ExerciseState): Promise<Feedback> {
  const { ex } = state;
  const status = part(state.el, 'nb-ex-running');
  status.textContent = 'Checking…';
  const withExamples = state.examples === undefined;
  const examples = ex.misconceptions.filter((m) => !m.detect);
  const sources = withExamples ? [state.code, ...examples.map((m) => m.example)] : [state.code];
  const outcome = await exerciseRunner().run(exerciseRequest(ex, sources));
  const [student, ...others] = outcome.result.programs;
  if (withExamples && !outcome.timedOut) {
    state.examples = ex.misconceptions.map((m) =>
      m.detect ? undefined : others[examples.indexOf(m)],
    );
  }
  const feedback = judge(ex, student, state.examples ?? []);
  const record = save(state, (r) => ({
    attempts: r.attempts + 1,
    failed: r.failed + (feedback.solved ? 0 : 1),
    lastScore: feedback.score,
    bestScore: Math.max(r.bestScore, feedback.score),
    status: feedback.solved || r.status === 'solved' ? 'solved' : 'attempted',
    ...(feedback.solved && !r.solvedAt ? { solvedAt: Date.now() } : {}),
  }));
  status.textContent = `Checked in ${Math.round(outcome.ms)} ms`;
  renderFeedback(state, feedback);
  refresh(state, record);
  return feedback;
}

function checkItem(c: CheckResult): HTMLElement {
  const li = h('li', c.passed ? 'nb-pass' : 'nb-fail');
  const head = h('p', 'nb-check-name');
  head.append(h('span', 'nb-mark', c.passed ? '✓ ' : '✗ '), c.name);
  head.append(h('span', 'visually-hidden', c.passed ? ' — passed' : ' — failed'));
  li.append(head);
  if (c.hidden) return li;
  if (c.input) {
    const p = h('p', 'nb-check-input', 'Input: ');
    p.append(h('code', undefined, c.input));
    li.append(p);
  }
  const shown = c.expected !== undefined && c.got !== undefined;
  if (!c.passed && !(shown && c.message.startsWith('expected ')))
    li.append(h('p', 'nb-check-message', c.message));
  if (!c.passed && c.expected !== undefined && c.got !== undefined) {
    const dl = h('dl', 'nb-expected-got');
    dl.append(h('dt', undefined, 'Expected'));
    const dd1 = h('dd');
    dd1.append(renderValue(c.expected));
    dl.append(dd1, h('dt', undefined, 'Got'));
    const dd2 = h('dd');
    dd2.append(renderValue(c.got, new Set(c.diff ?? [])));
    dl.append(dd2);
    if (c.tolerance)
      dl.append(h('dt', undefined, 'Tolerance'), h('dd', undefined, `± ${c.tolerance}`));
    li.append(dl);
  }
  return li;
}

function renderFeedback(state: ExerciseState, f: Feedback): void {
  const box = part(state.el, 'nb-feedback');
  const summary = h('p', f.solved ? 'nb-summary nb-solved' : 'nb-summary');
  summary.textContent = f.solved
    ? `Solved — all ${f.total} checks pass.`
    : `${f.passed} of ${f.total} checks pass (score ${Math.round(f.score * 100)}%).`;
  const parts: Node[] = [summary];
  if (f.error) parts.push(renderError(f.error));
  for (const m of f.missing) parts.push(h('p', 'nb-missing', m));
  if (f.misconception) {
    const m = h('div', 'nb-misconception');
    m.append(
      h('strong', undefined, `Likely mistake — ${f.misconception.title}: `),
      f.misconception.message,
    );
    parts.push(m);
  }
  if (f.logs.length) {
    const logs = h('details', 'nb-ex-logs');
    logs.append(h('summary', undefined, `Console output (${f.logs.length} lines)`));
    for (const l of f.logs)
      logs.append(
        h(
          'div',
          'nb-log',
          l.args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '),
        ),
      );
    parts.push(logs);
  }
  // Failing checks first and in full; passing ones folded, so what to fix is what you see.
  const failing = f.checks.filter((c) => !c.passed);
  const passing = f.checks.filter((c) => c.passed);
  if (failing.length) {
    const list = h('ol', 'nb-checks');
    for (const c of failing) list.append(checkItem(c));
    parts.push(list);
  }
  if (passing.length) {
    const folded = h('details', 'nb-passing');
    const list = h('ol', 'nb-checks');
    for (const c of passing) list.append(checkItem(c));
    folded.append(h('summary', undefined, `✓ ${passing.length} passing checks`), list);
    parts.push(folded);
  }
  box.replaceChildren(...parts);
}

/** Status line, hint and solution buttons from the stored record. */
export function refresh(state: ExerciseState, record = getStore().exercise(state.ex.id)): void {
  const { el, ex } = state;
  const solved = record?.status === 'solved';
  el.toggleAttribute('data-solved', solved);
  part(el, 'nb-ex-status').textContent = solved
    ? 'Solved'
    : record && record.attempts > 0
      ? `${record.attempts} attempt${record.attempts === 1 ? '' : 's'}, best ${Math.round(record.bestScore * 100)}%`
      : 'Not attempted';
  const shown = record?.hintsShown ?? 0;
  const unlocked = Math.min(record?.failed ?? 0, ex.hints.length);
  const hints = part<HTMLOListElement>(el, 'nb-hints');
  hints.replaceChildren(...ex.hints.slice(0, shown).map((t) => h('li', undefined, t)));
  const hintButton = part<HTMLButtonElement>(el, 'nb-hint');
  hintButton.hidden = shown >= unlocked;
  hintButton.textContent = `Show hint ${shown + 1} of ${ex.hints.length}`;
  const solutionButton = part<HTMLButtonElement>(el, 'nb-solution');
  solutionButton.hidden =
    !el.querySelector('.nb-solution-source') ||
    // The course file may set the threshold for every exercise (data-solution-after).
    (record?.failed ?? 0) < Number(el.dataset.solutionAfter ?? ex.solutionAfter);
}

export function showHint(state: ExerciseState): void {
  const record = save(state, (r) => ({
    hintsShown: Math.min(r.hintsShown + 1, r.failed, state.ex.hints.length),
  }));
  refresh(state, record);
}

export function showSolution(state: ExerciseState): void {
  const source = state.el.querySelector('.nb-solution-source');
  if (!source?.textContent) return;
  const solution = JSON.parse(source.textContent) as string;
  const area = part(state.el, 'nb-compare');
  area.replaceChildren(
    h('p', undefined, 'The reference solution beside your code (your code is not changed):'),
    renderDiff(state.code, solution, 'Your code', 'Reference solution'),
    button('Hide', () => area.replaceChildren()),
  );
}

/** Ask first; after replacing, offer to undo (and Ctrl+Z works in the editor too). */
export function askReset(state: ExerciseState): void {
  const area = part(state.el, 'nb-confirm');
  const previous = state.code;
  const undo = () => {
    setCode(state, previous);
    area.replaceChildren(h('p', undefined, 'Your code is back.'));
  };
  area.replaceChildren(
    h('p', undefined, 'Replace your code with the starter code?'),
    button(
      'Replace with starter',
      () => {
        setCode(state, state.starter);
        area.replaceChildren(
          h('p', undefined, 'Your code was replaced with the starter. '),
          button('Undo reset', undo),
        );
      },
      'nb-danger',
    ),
    button('Cancel', () => area.replaceChildren()),
  );
  (area.querySelector('button') as HTMLButtonElement).focus();
}

/** When the exercise changed since the code was saved: keep the code, offer a comparison. */
export function versionNotice(state: ExerciseState, record: ExerciseRecord): void {
  const area = part(state.el, 'nb-confirm');
  const accept = () => {
    save(state, () => ({ version: state.ex.version }));
    area.replaceChildren();
  };
  area.replaceChildren(
    h(
      'p',
      undefined,
      'This exercise was updated since you saved your code. Your code is kept as it was.',
    ),
    button('Compare with the new starter', () => {
      part(state.el, 'nb-compare').replaceChildren(
        renderDiff(record.code, state.starter, 'Your code', 'New starter'),
      );
      accept();
    }),
    button('Dismiss', accept),
  );
}

/** Apply the stored record after an import or a write from another tab. */
export function reload(state: ExerciseState): void {
  const record = getStore().exercise(state.ex.id);
  const code = record?.code ?? state.starter;
  if (code !== state.code) {
    state.code = code;
    if (state.view) replaceDoc(state.view, code);
  }
  refresh(state, record);
}
