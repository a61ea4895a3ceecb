import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  parseProgressFile,
  progressFileSchema,
  validateProgress,
} from '../../src/notebook/progress-schema';
import { isProgress } from '../../src/notebook/progress-shape';
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  createStore,
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
      /exercises\.x\.code: expected string, received 1/,
    ],
  ])('backs up and resets %s, with a notice, never a crash', async (_name, raw, why) => {
    const storage = memory({ [STORAGE_KEY]: raw });
    const store = createStore(storage);
    expect(store.exercise('x')).toBeUndefined();
    // Backed up at once, before anything could overwrite it; the reason may wait for the schema.
    expect([...storage.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX))).toHaveLength(1);
    await store.loaded;
    const notices = store.takeNotices();
    expect(notices[0]).toMatch(why);
    const backups = [...storage.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(backups).toHaveLength(1);
    expect(storage.data.get(backups[0])).toBe(raw);
  });

  it('keeps a refused value in its backup when the student saves before the schema answers', async () => {
    const raw = JSON.stringify({ schema: 1, cells: {}, exercises: { x: { code: 1 } } });
    const storage = memory({ [STORAGE_KEY]: raw });
    const store = createStore(storage, { debounceMs: 10_000 });
    store.updateExercise('and-gate-weights', () => record);
    store.flush();
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) as string) as unknown;
    expect(saved).toEqual({ schema: 1, cells: {}, exercises: { 'and-gate-weights': record } });
    const backups = [...storage.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(backups.map((k) => storage.data.get(k))).toEqual([raw]);
    await store.loaded;
    expect(store.takeNotices()[0]).toMatch(/exercises\.x\.code: expected string, received 1/);
  });

  it("takes another tab's valid write and keeps its own data over an invalid one", () => {
    const storage = memory();
    const store = createStore(storage);
    const write = (exercises: unknown) =>
      storage.setItem(STORAGE_KEY, JSON.stringify({ schema: 1, cells: {}, exercises }));
    write({ x: record });
    store.reload();
    expect(store.exercise('x')).toEqual(record);
    write({ x: { ...record, attempts: -1 } });
    store.reload();
    expect(store.exercise('x')).toEqual(record);
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

  it('exports and imports; a bad file changes nothing and says why', async () => {
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
          exportedAt: '2026-01-01T00:00:00.000Z',
          progress: { schema: 1, cells: [], exercises: {} },
        }),
        /progress\.cells: expected record, received an array/,
      ],
    ] as const) {
      const r = await b.importJson(bad);
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(why);
      expect(b.exercise('or-gate-weights')).toBeDefined();
    }
    const kinds: string[] = [];
    b.subscribe((k) => kinds.push(k));
    expect(await b.importJson(file)).toEqual({
      ok: true,
      message: 'Imported progress: 1 exercise (1 solved) and 0 edited cells.',
    });
    expect(b.exercise('and-gate-weights')).toEqual(record);
    expect(b.exercise('or-gate-weights')).toBeUndefined();
    expect(kinds).toEqual(['replace']);
  });
});

describe('the progress file schema (one zod schema for the store, import and grader)', () => {
  const progress = { schema: 1, cells: {}, exercises: { 'and-gate-weights': record } };
  const file = (p: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      format: 'dnn-workbook-progress',
      exportedAt: '2026-03-01T10:00:00.000Z',
      progress: p,
      ...extra,
    });
  const withExercise = (patch: Record<string, unknown>) => ({
    ...progress,
    exercises: { 'and-gate-weights': { ...record, ...patch } },
  });

  it.each([
    ['an export with one exercise', file(progress)],
    ['an empty export', file({ schema: 1, cells: {}, exercises: {} })],
    ['a submission (extra top-level fields)', file(progress, { assignment: 'a1', student: {} })],
    [
      'an unsolved exercise without solvedAt',
      file(withExercise({ status: 'attempted', solvedAt: undefined })),
    ],
    [
      'an edited cell',
      file({ ...progress, cells: { '02/and-gate.ts': { code: 'x', base: 'ab', savedAt: 3 } } }),
    ],
  ])('accepts %s', (_name, text) => {
    const parsed = parseProgressFile(text);
    expect(parsed.ok, parsed.ok ? '' : parsed.why).toBe(true);
  });

  it.each([
    ['not JSON', '{', 'the file is not valid JSON'],
    ['another format', JSON.stringify({ format: 'x' }), 'this is not a DNN Workbook progress file'],
    [
      'another schema number',
      file({ ...progress, schema: 2 }),
      'it has schema 2, this site reads schema 1',
    ],
    [
      'no exportedAt',
      file(progress, { exportedAt: undefined }),
      'exportedAt: expected string, received nothing (the field is missing)',
    ],
    [
      'no progress',
      file(undefined),
      'progress: expected object, received nothing (the field is missing)',
    ],
    [
      'an unknown status',
      file(withExercise({ status: 'done' })),
      'progress.exercises["and-gate-weights"].status: expected one of "attempted", "solved", received "done"',
    ],
    [
      'a negative attempt count',
      file(withExercise({ attempts: -1 })),
      'progress.exercises["and-gate-weights"].attempts: expected a number >= 0, received -1',
    ],
    [
      'a fractional hint count',
      file(withExercise({ hintsShown: 1.5 })),
      'progress.exercises["and-gate-weights"].hintsShown: expected int, received 1.5',
    ],
    [
      'a score above 1',
      file(withExercise({ bestScore: 2 })),
      'progress.exercises["and-gate-weights"].bestScore: expected a number <= 1, received 2',
    ],
    [
      'code that is not text',
      file(withExercise({ code: ['x'] })),
      'progress.exercises["and-gate-weights"].code: expected string, received an array (1 item)',
    ],
    [
      'a cell without base',
      file({ ...progress, cells: { 'a.ts': { code: 'x', savedAt: 1 } } }),
      'progress.cells["a.ts"].base: expected string, received nothing (the field is missing)',
    ],
  ])('refuses %s: %s', (_name, text, why) => {
    const parsed = parseProgressFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.why).toBe(
        why === 'the file is not valid JSON' || why.startsWith('this is')
          ? why
          : `the progress in the file is not valid (${why})`,
      );
  });

  it('describes every field, for the documentation', () => {
    const undocumented: string[] = [];
    const walk = (schema: z.ZodType, path: string) => {
      const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
      if (!schema.description && !inner.description) undocumented.push(path);
      if (inner instanceof z.ZodObject)
        for (const [k, v] of Object.entries(inner.shape)) walk(v as z.ZodType, `${path}.${k}`);
      if (inner instanceof z.ZodRecord) walk(inner.valueType as z.ZodType, `${path}[*]`);
    };
    walk(progressFileSchema, 'file');
    expect(undocumented).toEqual([]);
  });
});

// The store trusts what isProgress accepts without asking zod, and asks zod only to word a
// refusal: the two must agree on every value, valid or not. Each case below changes one field
// of valid progress to each of many values, so a constraint either side forgets shows up.
const cell = { code: 'const a = 1;', base: 'ffff0000', savedAt: 3 };
const valid = { schema: 1, cells: { '02/and-gate.ts': cell }, exercises: { 'and-gate': record } };

/** Values a field may be set to: each type JSON has, bounds of counts and scores, the enum. */
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  '',
  'x',
  'attempted',
  'solved',
  'done',
  0,
  -0,
  1,
  2,
  -1,
  0.5,
  1.5,
  1e-9,
  -1e-9,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  [],
  ['x'],
  {},
  { code: 'x' },
];

/** `base` with the field at `path` set to `value` (or removed, for undefined). */
function withField(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = { ...(base as Record<string, unknown>) };
  const [key, ...rest] = path;
  if (rest.length === 0 && value === undefined) delete copy[key];
  else copy[key] = withField(copy[key], rest, value);
  return copy;
}

const PATHS = [
  [],
  ['schema'],
  ['cells'],
  ['exercises'],
  ['cells', '02/and-gate.ts'],
  ['cells', 'another.ts'],
  ['exercises', 'and-gate'],
  ...Object.keys(cell).map((k) => ['cells', '02/and-gate.ts', k]),
  ...Object.keys(record).map((k) => ['exercises', 'and-gate', k]),
  ['exercises', 'and-gate', 'unknown field'],
  ['unknown field'],
];

const cases = PATHS.flatMap((path) =>
  VALUES.map((value) => ({ path, value, progress: withField(valid, path, value) })),
);

describe('isProgress (the store’s zod-free check)', () => {
  it('accepts valid progress, so a page with stored work never loads the schema', () => {
    expect(isProgress(valid)).toBe(true);
    expect(isProgress({ schema: 1, cells: {}, exercises: {} })).toBe(true);
    expect(isProgress(withField(valid, ['exercises', 'and-gate', 'solvedAt'], undefined))).toBe(
      true,
    );
  });

  it(`agrees with the zod schema on ${cases.length} values, one field changed in each`, () => {
    const disagree = cases
      .filter(({ progress }) => isProgress(progress) !== (validateProgress(progress) === undefined))
      .map(
        ({ path, value, progress }) =>
          `${path.join('.') || '(the value)'} = ${String(value)}: isProgress says ${String(isProgress(progress))}, zod says ${validateProgress(progress) ?? 'valid'}`,
      );
    expect(disagree).toEqual([]);
    // Both verdicts occur: the table is not all valid or all refused.
    const accepted = cases.filter(({ progress }) => isProgress(progress)).length;
    expect(accepted).toBeGreaterThan(10);
    expect(accepted).toBeLessThan(cases.length - 100);
  });

  it('agrees on values JSON can hold that are not progress at all', () => {
    for (const value of [null, 1, 'progress', [], [valid], { ...valid, schema: '1' }]) {
      expect(isProgress(value), JSON.stringify(value)).toBe(validateProgress(value) === undefined);
    }
  });
});
