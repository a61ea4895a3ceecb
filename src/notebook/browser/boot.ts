/**
 * What every page with a notebook component loads up front: the custom elements <nb-cell>,
 * <nb-exercise>, <nb-chapter-progress> and <nb-progress-tools>, the progress store and page
 * notices. Kept small; the editor, the runner and the judge load on the first focus, click or
 * run (cell-ui.ts, exercise-ui.ts), and the progress schema (zod) on an import or when stored
 * progress is refused (progress-store.ts).
 */
import { getStore } from '../progress-store';
import { showStoreNotices as watchNotices } from './notice';

type CellUi = typeof import('./cell-ui');
type ExerciseUi = typeof import('./exercise-ui');
let cellUi: Promise<CellUi> | undefined;
let exerciseUi: Promise<ExerciseUi> | undefined;
const loadCellUi = () => (cellUi ??= import('./cell-ui'));
const loadExerciseUi = () => (exerciseUi ??= import('./exercise-ui'));

const showStoreNotices = () => watchNotices(getStore());

function q<T extends HTMLElement>(root: HTMLElement, cls: string): T | null {
  return root.querySelector<T>(`.${cls}`);
}

function readJson(root: HTMLElement, cls: string): string {
  const s = q(root, cls);
  return s?.textContent ? (JSON.parse(s.textContent) as string) : '';
}

/** Show code in the static <pre> (plain, one span per line, as the build renders it). */
function showStatic(pre: HTMLElement, code: string): void {
  const codeEl = document.createElement('code');
  codeEl.append(
    ...code.split('\n').map((line) => {
      const span = document.createElement('span');
      span.className = 'nb-line';
      span.textContent = line;
      return span;
    }),
  );
  pre.replaceChildren(codeEl);
}

function isRunKey(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.shiftKey || e.ctrlKey || e.metaKey);
}

class NbCell extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    showStoreNotices();
    const original = readJson(this, 'nb-original');
    this.dataset.original = original;
    const saved = getStore().cell(this.dataset.id ?? '');
    const pre = q(this, 'nb-static');
    if (saved && saved.code !== original) {
      this.dataset.code = saved.code;
      this.toggleAttribute('data-edited', true);
      if (pre) showStatic(pre, saved.code);
      if (saved.base !== this.dataset.version) this.originalChanged(saved.code, original);
    }
    const activate = (focus: boolean) =>
      loadCellUi().then((ui) => {
        const state = ui.cellFor(this);
        ui.mountEditor(state, focus);
        return { ui, state };
      });
    pre?.addEventListener('pointerdown', () => void activate(true), { once: true });
    pre?.addEventListener('focus', () => void loadCellUi(), { once: true });
    pre?.addEventListener('keydown', (e) => {
      if (isRunKey(e)) {
        e.preventDefault();
        void activate(true).then(({ ui, state }) => ui.runCell(state));
      } else if (e.key === 'Enter' || e.key.length === 1) {
        e.preventDefault();
        void activate(true);
      }
    });
    q(this, 'nb-run')?.addEventListener(
      'click',
      () => void activate(false).then(({ ui, state }) => ui.runCell(state)),
    );
    q(this, 'nb-run-all')?.addEventListener(
      'click',
      () => void loadCellUi().then((ui) => ui.runAll()),
    );
    q(this, 'nb-revert')?.addEventListener(
      'click',
      () =>
        void activate(false).then(({ state }) => {
          state.view?.dispatch({
            changes: { from: 0, to: state.view.state.doc.length, insert: original },
          });
        }),
    );
  }

  private originalChanged(saved: string, original: string): void {
    const box = q(this, 'nb-cell-notice');
    if (!box) return;
    box.hidden = false;
    box.textContent =
      'The original code of this cell changed since you edited it; your version is shown. ';
    const use = document.createElement('button');
    use.type = 'button';
    use.textContent = 'Use the new original';
    use.addEventListener('click', () => {
      getStore().clearCell(this.dataset.id ?? '');
      location.reload();
    });
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = 'Keep mine';
    keep.addEventListener('click', () => {
      getStore().setCell(this.dataset.id ?? '', saved, this.dataset.version ?? '');
      box.hidden = true;
    });
    box.append(use, keep);
    void original;
  }
}

class NbExercise extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    showStoreNotices();
    const starter = readJson(this, 'nb-starter');
    this.dataset.starter = starter;
    const id = this.dataset.id ?? '';
    const record = getStore().exercise(id);
    const pre = q(this, 'nb-static');
    if (record && record.code !== starter) {
      this.dataset.code = record.code;
      if (pre) showStatic(pre, record.code);
    }
    const status = q(this, 'nb-ex-status');
    if (status && record) {
      status.textContent =
        record.status === 'solved'
          ? 'Solved'
          : `${record.attempts} attempt${record.attempts === 1 ? '' : 's'}`;
      this.toggleAttribute('data-solved', record.status === 'solved');
    }
    const ui = (focus: boolean) =>
      loadExerciseUi().then((m) => {
        const state = m.exerciseFor(this);
        m.mountEditor(state, focus);
        return { m, state };
      });
    if (record && (record.failed > 0 || record.version !== this.dataset.version)) {
      // Hints, the solution button or a version notice need the exercise's data: load now,
      // but leave the static code in place until the student touches it.
      void loadExerciseUi().then((m) => {
        const state = m.exerciseFor(this);
        m.refresh(state, record);
        if (record.version !== this.dataset.version) m.versionNotice(state, record);
      });
    }
    pre?.addEventListener('pointerdown', () => void ui(true), { once: true });
    pre?.addEventListener('focus', () => void loadExerciseUi(), { once: true });
    pre?.addEventListener('keydown', (e) => {
      if (isRunKey(e)) {
        e.preventDefault();
        void ui(true).then(({ m, state }) => m.check(state));
      } else if (e.key === 'Enter' || e.key.length === 1) {
        e.preventDefault();
        void ui(true);
      }
    });
    q(this, 'nb-check')?.addEventListener(
      'click',
      () => void ui(false).then(({ m, state }) => m.check(state)),
    );
    q(this, 'nb-hint')?.addEventListener(
      'click',
      () => void ui(false).then(({ m, state }) => m.showHint(state)),
    );
    q(this, 'nb-solution')?.addEventListener(
      'click',
      () => void ui(false).then(({ m, state }) => m.showSolution(state)),
    );
    q(this, 'nb-reset')?.addEventListener(
      'click',
      () => void ui(false).then(({ m, state }) => m.askReset(state)),
    );
  }
}

/** "k / n exercises solved" for one lesson; n comes from the build, k from the store. */
class NbChapterProgress extends HTMLElement {
  private off?: () => void;
  connectedCallback(): void {
    showStoreNotices();
    const update = () => {
      const ids = (this.dataset.ids ?? '').split(',').filter(Boolean);
      const solved = getStore().solved();
      const k = ids.filter((id) => solved.has(id)).length;
      const out = q(this, 'nb-progress-count');
      if (out) out.textContent = `${k} / ${ids.length}`;
      this.toggleAttribute('data-complete', ids.length > 0 && k === ids.length);
    };
    update();
    this.off = getStore().subscribe(update);
  }
  disconnectedCallback(): void {
    this.off?.();
  }
}

/** Export all progress to a JSON file, and import one back. */
class NbProgressTools extends HTMLElement {
  connectedCallback(): void {
    showStoreNotices();
    const message = q(this, 'nb-tools-message');
    const say = (text: string) => {
      if (message) message.textContent = text;
    };
    q(this, 'nb-export')?.addEventListener('click', () => {
      const store = getStore();
      store.flush();
      const blob = new Blob([store.exportJson()], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `dnn-workbook-progress-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      say('Progress exported.');
    });
    const input = q<HTMLInputElement>(this, 'nb-import-file');
    q(this, 'nb-import')?.addEventListener('click', () => input?.click());
    input?.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      void file.text().then(
        async (text) => say((await getStore().importJson(text)).message),
        () => say('Nothing was imported: the file could not be read.'),
      );
      input.value = '';
    });
  }
}

/** Bring cells and exercises up to date after an import or another tab's write. */
function onReplace(): void {
  for (const el of document.querySelectorAll<HTMLElement>('nb-exercise')) {
    void loadExerciseUi().then((m) => m.reload(m.exerciseFor(el)));
  }
  for (const el of document.querySelectorAll<HTMLElement>('nb-cell')) {
    const saved = getStore().cell(el.dataset.id ?? '')?.code ?? el.dataset.original ?? '';
    void loadCellUi().then((ui) => {
      const state = ui.cellFor(el);
      if (state.code === saved) return;
      state.code = saved;
      if (state.view)
        state.view.dispatch({
          changes: { from: 0, to: state.view.state.doc.length, insert: saved },
        });
      else {
        const pre = q(el, 'nb-static');
        if (pre) showStatic(pre, saved);
      }
    });
  }
}

if (!customElements.get('nb-cell')) {
  customElements.define('nb-cell', NbCell);
  customElements.define('nb-exercise', NbExercise);
  customElements.define('nb-chapter-progress', NbChapterProgress);
  customElements.define('nb-progress-tools', NbProgressTools);
  getStore().subscribe((kind) => {
    if (kind === 'replace') onReplace();
  });
}
