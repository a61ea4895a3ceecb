/**
 * Grading a class from the students' exported progress files: the CLI's --progress mode and
 * the gradebook CSV, with a solved, a wrong, a missing and a bad file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exercises } from '../../src/notebook/exercises/index';
import { createStore, type StorageLike } from '../../src/notebook/progress-store';
import { withheldMessage } from '../../src/notebook/core/withheld';
import { engineTwinAttacks } from './wrong-answers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gradebook-test-'));
const solution = (id: string) =>
  readFileSync(join(root, `src/notebook/exercises/solutions/${id}.ts`), 'utf8');

function grade(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'scripts/grade.ts', ...args], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

/** An export written by the real progress store, as the page's "Export progress" does. */
function exported(name: string, code: Record<string, string>): string {
  const memory = new Map<string, string>();
  const storage: StorageLike = {
    getItem: (k) => memory.get(k) ?? null,
    setItem: (k, v) => void memory.set(k, v),
  };
  const store = createStore(storage, { debounceMs: 0 });
  for (const [id, source] of Object.entries(code)) {
    const ex = exercises.find((e) => e.id === id)!;
    store.updateExercise(id, () => ({
      code: source,
      version: ex.version,
      status: 'attempted',
      attempts: 1,
      failed: 1,
      hintsShown: 0,
      lastScore: 0,
      bestScore: 0,
      savedAt: Date.now(),
    }));
  }
  const path = join(dir, name);
  writeFileSync(path, store.exportJson());
  return path;
}

describe('grade --progress', () => {
  const everything = Object.fromEntries(exercises.map((e) => [e.id, solution(e.id)]));

  it('passes a student who solved every exercise (exit 0)', async () => {
    const { code, stdout } = await grade('--progress', exported('ada.json', everything));
    expect(stdout).toContain(`ada.json: ${exercises.length}/${exercises.length} exercises solved`);
    expect(code).toBe(0);
  });

  it('writes a gradebook with a column per exercise and a row per student', async () => {
    const wrongAnd = 'export const w: number[] = [-0.5, 1, 1];\n'; // computes OR
    const bob = exported('bob.json', {
      'perceptron-output': solution('perceptron-output'),
      'and-gate-weights': wrongAnd,
    });
    const bad = join(dir, 'eve.json');
    writeFileSync(bad, '{"format": "something else"}');
    const csv = join(dir, 'gradebook.csv');
    const { code, stdout } = await grade(
      '--progress',
      exported('ada.json', everything),
      bob,
      bad,
      join(dir, 'missing.json'),
      '--csv',
      csv,
      '--json',
    );
    expect(code).toBe(2); // two files could not be graded
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(
      ['student', 'file', 'solved', 'of', ...exercises.map((e) => e.id), 'error'].join(','),
    );
    expect(rows).toHaveLength(5);
    const bobRow = rows[2].split(',');
    const col = (id: string) => 4 + exercises.findIndex((e) => e.id === id);
    expect(bobRow[0]).toBe('bob');
    expect(bobRow[2]).toBe('1');
    expect(bobRow[col('perceptron-output')]).toMatch(/^(\d+)\/\1$/);
    expect(bobRow[col('and-gate-weights')]).toMatch(/^[0-4]\/6$/);
    expect(bobRow[col('xor-network-weights')]).toBe('');
    expect(rows[3]).toMatch(/^eve,.*,this is not a DNN Workbook progress file$/);
    expect(rows[4]).toMatch(/^missing,.*,"cannot read it \(ENOENT/); // quoted: the message has a comma
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      students: { student: string; solved: number; error?: string }[];
    };
    expect(summary.students.map((s) => [s.student, s.solved, Boolean(s.error)])).toEqual([
      ['ada', exercises.length, false],
      ['bob', 1, false],
      ['eve', 0, true],
      ['missing', 0, true],
    ]);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await grade('--progress')).code).toBe(2);
    expect((await grade('--progress', exported('x.json', {}), '--csv')).code).toBe(2);
  });
});

describe('grade --progress and the engine’s own functions', () => {
  it('counts an exercise handed in as the engine’s function as not solved, and says why', async () => {
    const ex = exercises.find((e) => e.id === 'perceptron-output')!;
    const [attack] = engineTwinAttacks(ex);
    const csv = join(dir, 'twin.csv');
    const { code, stdout } = await grade(
      '--progress',
      exported('mallory.json', { 'perceptron-output': attack.source }),
      '--csv',
      csv,
    );
    expect(code).toBe(1);
    expect(stdout).toContain('mallory.json: 0/');
    const row = readFileSync(csv, 'utf8').split(/\r?\n/)[1];
    expect(row.split(',').slice(2, 5)).toEqual([
      '0',
      String(exercises.length),
      `0/${ex.checks.length}`,
    ]);
    expect(stdout).toContain(withheldMessage(ex.withholding, 'perceptronOutput'));
  });
});
