import { describe, expect, it } from 'vitest';
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  createStore,
  validateProgress,
  type StorageLike,
} from '../../src/notebook/progress-store';

function memory(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const record = {
  code: 'export const w = [1, 2, 3];',
  version: 'abcd1234',
  status: 'solved' as const,
  attempts: 2,
  failed: 1,
  hintsShown: 1,
  lastScore: 1,
  bestScore: 1,
  savedAt: 1,
  solvedAt: 2,
};

describe('progress store', () => {
  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another schema', JSON.stringify({ schema: 2, cells: {}, exercises: {} }), /schema 2/],
    [
      'a malformed exercise',
      JSON.stringify({ schema: 1, cells: {}, exercises: { x: { code: 1 } } }),
      /exercise "x"/,
    ],
  ])('backs up and resets %s, with a notice, never a crash', (_name, raw, why) => {
    const storage = memory({ [STORAGE_KEY]: raw });
    const store = createStore(storage);
    expect(store.exercise('x')).toBeUndefined();
    const notices = store.takeNotices();
    expect(notices[0]).toMatch(why);
    const backups = [...storage.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(backups).toHaveLength(1);
    expect(storage.data.get(backups[0])).toBe(raw);
  });

  it('saves changes after a quiet period, or at once on flush', () => {
    const storage = memory();
    const store = createStore(storage, { debounceMs: 10_000 });
    store.updateExercise('and-gate-weights', () => record);
    store.setCell('02/and-gate.ts', 'const a = 1;', 'ffff0000');
    expect(storage.data.has(STORAGE_KEY)).toBe(false);
    store.flush();
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) as string) as unknown;
    expect(validateProgress(saved)).toBeUndefined();
    expect(createStore(storage).exercise('and-gate-weights')).toEqual(record);
    expect(createStore(storage).solved()).toEqual(new Set(['and-gate-weights']));
  });

  it('exports and imports; a bad file changes nothing and says why', () => {
    const a = createStore(memory());
    a.updateExercise('and-gate-weights', () => record);
    const file = a.exportJson();
    const b = createStore(memory());
    b.updateExercise('or-gate-weights', () => ({ ...record, status: 'attempted' }));
    for (const [bad, why] of [
      ['not json', /not valid JSON/],
      ['{"format":"other"}', /not a DNN Workbook progress file/],
      [
        JSON.stringify({
          format: 'dnn-workbook-progress',
          progress: { schema: 1, cells: [], exercises: {} },
        }),
        /"cells"/,
      ],
    ] as const) {
      const r = b.importJson(bad);
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(why);
      expect(b.exercise('or-gate-weights')).toBeDefined();
    }
    const kinds: string[] = [];
    b.subscribe((k) => kinds.push(k));
    expect(b.importJson(file)).toEqual({
      ok: true,
      message: 'Imported progress: 1 exercise (1 solved) and 0 edited cells.',
    });
    expect(b.exercise('and-gate-weights')).toEqual(record);
    expect(b.exercise('or-gate-weights')).toBeUndefined();
    expect(kinds).toEqual(['replace']);
  });
});
