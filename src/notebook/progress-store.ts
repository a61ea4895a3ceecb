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

export const STORAGE_KEY = 'dnn-workbook:progress';
export const BACKUP_PREFIX = 'dnn-workbook:progress:backup:';
export const SCHEMA = 1;
export const EXPORT_FORMAT = 'dnn-workbook-progress';

export interface CellRecord {
  code: string;
  base: string;
  savedAt: number;
}

export interface ExerciseRecord {
  code: string;
  version: string;
  status: 'attempted' | 'solved';
  attempts: number;
  failed: number;
  hintsShown: number;
  lastScore: number;
  bestScore: number;
  savedAt: number;
  solvedAt?: number;
}

export interface Progress {
  schema: typeof SCHEMA;
  cells: Record<string, CellRecord>;
  exercises: Record<string, ExerciseRecord>;
}

export type ChangeKind = 'change' | 'replace';

/** The subset of `Storage` the store uses (so tests can pass a Map-backed fake). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function emptyProgress(): Progress {
  return { schema: SCHEMA, cells: {}, exercises: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isScore = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

/** Why `value` is not a valid progress object, or undefined when it is. */
export function validateProgress(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.schema !== SCHEMA)
    return `it has schema ${JSON.stringify(value.schema)}, this site reads schema ${SCHEMA}`;
  if (!isObject(value.cells)) return '"cells" is missing or not an object';
  if (!isObject(value.exercises)) return '"exercises" is missing or not an object';
  for (const [id, c] of Object.entries(value.cells)) {
    if (
      !isObject(c) ||
      typeof c.code !== 'string' ||
      typeof c.base !== 'string' ||
      typeof c.savedAt !== 'number'
    ) {
      return `cell "${id}" needs code, base and savedAt`;
    }
  }
  for (const [id, e] of Object.entries(value.exercises)) {
    const bad =
      !isObject(e) ||
      typeof e.code !== 'string' ||
      typeof e.version !== 'string' ||
      (e.status !== 'attempted' && e.status !== 'solved') ||
      !isCount(e.attempts) ||
      !isCount(e.failed) ||
      !isCount(e.hintsShown) ||
      !isScore(e.lastScore) ||
      !isScore(e.bestScore) ||
      typeof e.savedAt !== 'number' ||
      (e.solvedAt !== undefined && typeof e.solvedAt !== 'number');
    if (bad) return `exercise "${id}" has missing or malformed fields`;
  }
  return undefined;
}

/**
 * Reads an exported progress file (the text `exportJson` writes). Shared by the page's import
 * and the grader, so both accept and refuse exactly the same files.
 */
export function parseProgressFile(
  text: string,
): { ok: true; progress: Progress } | { ok: false; why: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, why: 'the file is not valid JSON' };
  }
  if (!isObject(parsed) || parsed.format !== EXPORT_FORMAT) {
    return { ok: false, why: 'this is not a DNN Workbook progress file' };
  }
  const why = validateProgress(parsed.progress);
  if (why) return { ok: false, why: `the progress in the file is not valid (${why})` };
  return { ok: true, progress: parsed.progress as Progress };
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
