/**
 * The progress store: the one place a student's work is kept, in the browser's localStorage.
 *
 * Stored shape (key `dnn-workbook:progress`, JSON):
 *
 *   {
 *     "schema": 1,
 *     "cells": {                      // only cells the student edited
 *       "<cell file, e.g. 02/and-gate.ts>": { "code": "…", "base": "<hash of the original>", "savedAt": 1700000000000 }
 *     },
 *     "exercises": {
 *       "<exercise id>": {
 *         "code": "…",                // the student's latest code
 *         "version": "<hash of starter + checks when the code was saved>",
 *         "status": "attempted" | "solved",   // solved once all checks passed, and stays so
 *         "attempts": 3, "failed": 2,  // runs of the checks, and how many did not solve it
 *         "hintsShown": 1,             // hints revealed so far
 *         "lastScore": 0.5, "bestScore": 1,   // passed / total
 *         "savedAt": 1700000000000, "solvedAt": 1700000000000   // solvedAt only when solved
 *       }
 *     }
 *   }
 *
 * Lifecycle: read and validated on first use in a page. A value that does not parse, does
 * not match the shape, or has another schema number is copied to
 * `dnn-workbook:progress:backup:<ISO time>` at once, replaced by an empty store, and a notice
 * says why once the zod schema has loaded (`loaded` settles then) — the page never crashes on
 * it. Changes apply in memory at once and are written after 300 ms of quiet, and at once when
 * the page is hidden. A write from another tab (the `storage` event) replaces the in-memory
 * copy. Import loads the schema, then replaces everything after validation, backing up the
 * previous value first; a bad file changes nothing and says why.
 *
 * Nothing here imports zod: valid stored progress is recognised by `isProgress`
 * (progress-shape.ts), and progress-schema.ts is imported dynamically where its verdict or its
 * words are needed, so pages do not ship it before the student does anything.
 */

import type { CellRecord, ExerciseRecord, Progress } from './progress-schema';
import { EXPORT_FORMAT, SCHEMA, isProgress } from './progress-shape';

// Values only from the zod-free module: a value re-export of progress-schema would put zod
// back on every page. Its validators (validateProgress, parseProgressFile) are imported from
// progress-schema.ts itself.
export { EXPORT_FORMAT, SCHEMA } from './progress-shape';
export type { CellRecord, ExerciseRecord, Progress, ProgressFile } from './progress-schema';

/** The schema's module, loaded on first need and shared by every store on the page. */
const loadSchema = () => import('./progress-schema');

export const STORAGE_KEY = 'dnn-workbook:progress';
export const BACKUP_PREFIX = 'dnn-workbook:progress:backup:';

export type ChangeKind = 'change' | 'replace';

/** The subset of `Storage` the store uses (so tests can pass a Map-backed fake). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function emptyProgress(): Progress {
  return { schema: SCHEMA, cells: {}, exercises: {} };
}

export interface ImportResult {
  ok: boolean;
  /** What was imported, or why nothing was. */
  message: string;
}

export interface ProgressStore {
  cell(id: string): CellRecord | undefined;
  setCell(id: string, code: string, base: string): void;
  clearCell(id: string): void;
  exercise(id: string): ExerciseRecord | undefined;
  /** Create or change an exercise's record; `patch` gets the current record (or undefined). */
  updateExercise(id: string, patch: (current: ExerciseRecord | undefined) => ExerciseRecord): void;
  /** Solved exercise ids. */
  solved(): Set<string>;
  subscribe(fn: (kind: ChangeKind) => void): () => void;
  exportJson(now?: Date): string;
  /** Loads the schema (on first use), then imports; never rejects. */
  importJson(text: string): Promise<ImportResult>;
  /** Write pending changes now. */
  flush(): void;
  /** Re-read storage (another tab wrote it); keeps the current data if the stored value is invalid. */
  reload(): void;
  /** Messages for the student from loading (e.g. a reset of unreadable storage); taken once. */
  takeNotices(): string[];
  /**
   * Settles when loading has said all it has to say: at once for readable storage; for a
   * refused value, once the schema has named the problem and the notice is in `takeNotices`.
   */
  readonly loaded: Promise<void>;
}

export function createStore(
  storage: StorageLike,
  options: { debounceMs?: number } = {},
): ProgressStore {
  const debounceMs = options.debounceMs ?? 300;
  const listeners = new Set<(kind: ChangeKind) => void>();
  const notices: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loaded = Promise.resolve();
  let data = load();

  /** Copies `raw` aside; returns the notice to show, given the reason it was refused. */
  function backup(raw: string): (why: string) => string {
    const key = `${BACKUP_PREFIX}${new Date().toISOString()}`;
    try {
      storage.setItem(key, raw);
      return (why) =>
        `Your saved progress could not be read (${why}). It was copied to "${key}" in this browser's storage and a fresh start was made.`;
    } catch {
      return (why) =>
        `Your saved progress could not be read (${why}) and could not be backed up; a fresh start was made.`;
    }
  }

  /**
   * A parsed value `isProgress` refused. It is backed up now, before any write could replace
   * it; only the reason waits for the schema, which words it as the import and grader do.
   */
  function refuse(raw: string, parsed: unknown): void {
    const notice = backup(raw);
    loaded = loadSchema()
      .then(
        // isProgress and the schema agree (tested), so the schema names a problem; if they ever
        // drift, the value is still safe in its backup.
        (m) => m.validateProgress(parsed) ?? 'it does not have the shape this site reads',
        () => 'it does not have the shape this site reads',
      )
      .then((why) => {
        notices.push(notice(why));
      });
  }

  function load(): Progress {
    let raw: string | null;
    try {
      raw = storage.getItem(STORAGE_KEY);
    } catch {
      notices.push(
        'This browser does not allow saving progress here; your work will not survive a reload.',
      );
      return emptyProgress();
    }
    if (raw === null) return emptyProgress();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      notices.push(backup(raw)('it is not valid JSON'));
      return emptyProgress();
    }
    if (isProgress(parsed)) return parsed;
    refuse(raw, parsed);
    return emptyProgress();
  }

  function write(): void {
    timer = undefined;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(data));
    } catch {
      notices.push('Your progress could not be saved (the browser storage is full or blocked).');
      emit('change');
    }
  }

  function emit(kind: ChangeKind): void {
    for (const fn of listeners) fn(kind);
  }

  function changed(): void {
    if (timer === undefined) timer = setTimeout(write, debounceMs);
    emit('change');
  }

  return {
    cell: (id) => data.cells[id],
    setCell(id, code, base) {
      data.cells[id] = { code, base, savedAt: Date.now() };
      changed();
    },
    clearCell(id) {
      if (!(id in data.cells)) return;
      delete data.cells[id];
      changed();
    },
    exercise: (id) => data.exercises[id],
    updateExercise(id, patch) {
      data.exercises[id] = patch(data.exercises[id]);
      changed();
    },
    solved() {
      return new Set(
        Object.keys(data.exercises).filter((id) => data.exercises[id].status === 'solved'),
      );
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    exportJson(now = new Date()) {
      return JSON.stringify(
        { format: EXPORT_FORMAT, exportedAt: now.toISOString(), progress: data },
        null,
        2,
      );
    },
    async importJson(text) {
      let schema: Awaited<ReturnType<typeof loadSchema>>;
      try {
        schema = await loadSchema();
      } catch {
        return {
          ok: false,
          message:
            'Nothing was imported: the file checker could not be loaded (are you offline?). Try again.',
        };
      }
      const parsed = schema.parseProgressFile(text);
      if (!parsed.ok) return { ok: false, message: `Nothing was imported: ${parsed.why}.` };
      const previous = JSON.stringify(data);
      try {
        storage.setItem(`${BACKUP_PREFIX}${new Date().toISOString()}`, previous);
      } catch {
        // Backing up is best effort; the import itself is what was asked for.
      }
      data = parsed.progress;
      if (timer !== undefined) clearTimeout(timer);
      write();
      emit('replace');
      const n = Object.keys(data.exercises).length;
      const solved = Object.values(data.exercises).filter((e) => e.status === 'solved').length;
      const cells = Object.keys(data.cells).length;
      return {
        ok: true,
        message: `Imported progress: ${n} exercise${n === 1 ? '' : 's'} (${solved} solved) and ${cells} edited cell${cells === 1 ? '' : 's'}.`,
      };
    },
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    },
    reload() {
      let parsed: unknown;
      try {
        parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
      } catch {
        return;
      }
      if (!isProgress(parsed)) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      data = parsed;
      emit('replace');
    },
    takeNotices() {
      return notices.splice(0);
    },
    get loaded() {
      return loaded;
    },
  };
}

let pageStore: ProgressStore | undefined;

/** The page's store over window.localStorage, created on first use. */
export function getStore(): ProgressStore {
  if (pageStore) return pageStore;
  const store = createStore(window.localStorage);
  pageStore = store;
  addEventListener('pagehide', () => store.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') store.flush();
  });
  addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) store.reload();
  });
  return store;
}
