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
 * `dnn-workbook:progress:backup:<ISO time>`, replaced by an empty store, and a notice says so
 * — the page never crashes on it. Changes apply in memory at once and are written after
 * 300 ms of quiet, and at once when the page is hidden. A write from another tab (the
 * `storage` event) replaces the in-memory copy. Import replaces everything after validation,
 * backing up the previous value first; a bad file changes nothing and says why.
 */

import {
  EXPORT_FORMAT,
  SCHEMA,
  parseProgressFile,
  validateProgress,
  type CellRecord,
  type ExerciseRecord,
  type Progress,
} from './progress-schema';

// The shape and its validators live in progress-schema.ts (one zod schema); re-exported here
// because the store is where callers look for them.
export {
  EXPORT_FORMAT,
  SCHEMA,
  parseProgressFile,
  validateProgress,
  type CellRecord,
  type ExerciseRecord,
  type Progress,
  type ProgressFile,
} from './progress-schema';

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
  importJson(text: string): ImportResult;
  /** Write pending changes now. */
  flush(): void;
  /** Re-read storage (another tab wrote it); keeps the current data if the stored value is invalid. */
  reload(): void;
  /** Messages for the student from loading (e.g. a reset of unreadable storage); taken once. */
  takeNotices(): string[];
}

export function createStore(
  storage: StorageLike,
  options: { debounceMs?: number } = {},
): ProgressStore {
  const debounceMs = options.debounceMs ?? 300;
  const listeners = new Set<(kind: ChangeKind) => void>();
  const notices: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let data = load();

  function backup(raw: string, why: string): void {
    const key = `${BACKUP_PREFIX}${new Date().toISOString()}`;
    try {
      storage.setItem(key, raw);
      notices.push(
        `Your saved progress could not be read (${why}). It was copied to "${key}" in this browser's storage and a fresh start was made.`,
      );
    } catch {
      notices.push(
        `Your saved progress could not be read (${why}) and could not be backed up; a fresh start was made.`,
      );
    }
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
      backup(raw, 'it is not valid JSON');
      return emptyProgress();
    }
    const why = validateProgress(parsed);
    if (why) {
      backup(raw, why);
      return emptyProgress();
    }
    return parsed as Progress;
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
    importJson(text) {
      const parsed = parseProgressFile(text);
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
      if (validateProgress(parsed) !== undefined) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      data = parsed as Progress;
      emit('replace');
    },
    takeNotices() {
      return notices.splice(0);
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
