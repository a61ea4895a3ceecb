/**
 * Grading an assignment's submissions with the CLI (`--assignment`), in a scratch course: on
 * time, late (accepted and refused), another assignment's file, duplicate student IDs,
 * malformed, student-less and unreadable files, formula-like names, exercises outside the
 * assignment; and the sandbox pool's isolation between jobs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exercises } from '../../src/notebook/exercises/index';
import { csvCell } from '../../src/notebook/node/gradebook';
import { SandboxPool } from '../../src/notebook/node/pool';
import { judge } from '../../src/notebook/judge/judge';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'assignment-grade-'));
const solution = (id: string) =>
  readFileSync(join(root, `src/notebook/exercises/solutions/${id}.ts`), 'utf8');
const ex = (id: string) => exercises.find((e) => e.id === id)!;

// A course with two assignments on the perceptron chapter, due 1 March 2027 at noon in Berlin.
mkdirSync(join(dir, 'assignments'));
writeFileSync(join(dir, 'course.yaml'), 'title: Test course\nlessons: [02-perceptron]\n');
const frontmatter = (late: string) =>
  `---\ntitle: Gates\ndue: '2027-03-01T12:00:00+01:00'\nlessons: [02-perceptron]\n` +
  `exercises: [and-gate-weights, or-gate-weights]\npoints: { and-gate-weights: 2 }\nlate: ${late}\n---\nDo it.\n`;
writeFileSync(join(dir, 'assignments', 'gates.md'), frontmatter('accept'));
writeFileSync(join(dir, 'assignments', 'strict.md'), frontmatter('refuse'));

const ON_TIME = '2027-03-01T10:59:00.000Z';
const LATE = '2027-03-01T11:01:00.000Z'; // one minute after noon in Berlin

function submission(
  name: string,
  opts: {
    assignment?: string;
    student?: unknown;
    at?: string;
    code?: Record<string, string>;
  },
): string {
  const records = Object.fromEntries(
    Object.entries(opts.code ?? {}).map(([id, code]) => [
      id,
      {
        code,
        version: ex(id).version,
        status: 'attempted',
        attempts: 1,
        failed: 0,
        hintsShown: 0,
        lastScore: 1,
        bestScore: 1,
        savedAt: 1,
      },
    ]),
  );
  const file: Record<string, unknown> = {
    format: 'dnn-workbook-progress',
    exportedAt: opts.at ?? ON_TIME,
    progress: { schema: 1, cells: {}, exercises: records },
    assignment: opts.assignment ?? 'gates',
    student: opts.student,
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

function grade(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'scripts/grade.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CSV as rows of cells (RFC 4180: quoted cells may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

const both = {
  'and-gate-weights': solution('and-gate-weights'),
  'or-gate-weights': solution('or-gate-weights'),
};
const wrongOr = 'export const w: number[] = [-1.5, 1, 1];\n'; // the AND gate's weights

describe('grade --assignment', () => {
  it('grades exactly the assignment: late, wrong assignment, duplicates, bad files', async () => {
    const files = [
      submission('ada.json', { student: { name: 'Ada Lovelace', id: '1001' }, code: both }),
      submission('bob.json', {
        student: { name: 'Bob', id: '1002' },
        at: LATE,
        // perceptron-output is not in the assignment: ignored, not run, no column.
        code: {
          'and-gate-weights': solution('and-gate-weights'),
          'or-gate-weights': wrongOr,
          'perceptron-output': 'x',
        },
      }),
      submission('other.json', {
        assignment: 'strict',
        student: { name: 'Cy', id: '1001' },
        code: both,
      }),
      submission('dup1.json', { student: { name: 'Dee', id: '1004' }, code: both }),
      submission('dup2.json', { student: { name: 'Dee again', id: '1004' }, code: {} }),
      submission('anon.json', { student: { name: '', id: '1005' }, code: both }),
      submission('formula.json', {
        student: { name: '=HYPERLINK("http://x","y")', id: '+1006' },
        code: both,
      }),
    ];
    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      '{"format": "dnn-workbook-progress", "exportedAt": "2027-01-01T00:00:00Z", "progress": {"schema": 1, "cells": {}, "exercises": {"x": {"code": 3}}}}',
    );
    const csv = join(dir, 'gates.csv');
    const { code, stdout, stderr } = await grade(
      '--course',
      join(dir, 'course.yaml'),
      '--assignment',
      'gates',
      '--progress',
      ...files,
      broken,
      join(dir, 'missing.json'),
      '--csv',
      csv,
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(2); // some files could not be graded
    const text = readFileSync(csv, 'utf8');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'name',
      'id',
      'file',
      'submitted_at',
      'late',
      'and-gate-weights',
      'or-gate-weights',
      'points',
      'max_points',
      'error',
    ]);
    const row = (file: string) => {
      const r = rows.find((x) => x[2].endsWith(file));
      expect(r, file).toBeDefined();
      return Object.fromEntries(header.map((h, i) => [h, r![i]]));
    };
    expect(row('ada.json')).toMatchObject({
      name: 'Ada Lovelace',
      id: '1001',
      submitted_at: ON_TIME,
      late: 'no',
      'and-gate-weights': '6/6',
      'or-gate-weights': '6/6',
      points: '3',
      max_points: '3',
      error: '',
    });
    // Late but accepted: flagged, points kept (only the AND gate is right: 2 points).
    expect(row('bob.json')).toMatchObject({
      late: 'yes',
      'and-gate-weights': '6/6',
      points: '2',
      error: '',
    });
    expect(row('bob.json')['or-gate-weights']).toMatch(/^[0-5]\/6$/);
    expect(row('other.json')).toMatchObject({
      name: 'Cy',
      id: '1001', // same ID as Ada, but another assignment's file: not a duplicate
      late: '',
      points: '0',
      error: 'a submission for "strict", not for "gates"',
    });
    expect(row('dup1.json').error).toBe(
      `duplicate student ID "1004": also in ${join(dir, 'dup2.json')}`,
    );
    expect(row('dup1.json').points).toBe('3');
    expect(row('dup2.json')).toMatchObject({ 'and-gate-weights': '', points: '0' });
    expect(row('dup2.json').error).toContain('duplicate student ID "1004": also in');
    expect(row('anon.json').error).toBe(
      'the submission has no usable student name and ID (student.name: expected text of length >= 1, received "")',
    );
    expect(row('broken.json').error).toBe(
      'the progress in the file is not valid (progress.exercises.x.code: expected string, received 3)',
    );
    expect(row('missing.json').error).toBe('cannot read it (ENOENT)');
    // Never a formula: a leading =, +, -, @ gets an apostrophe.
    expect(row('formula.json')).toMatchObject({
      name: `'=HYPERLINK("http://x","y")`,
      id: "'+1006",
    });
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    // Hidden checks: counts only, in the JSON too.
    const json = JSON.parse(stdout.trim().split('\n').at(-1)!) as { submissions: unknown[] };
    expect(JSON.stringify(json)).not.toMatch(/"(checks|expected|got|input)"/);
    expect(json.submissions).toHaveLength(files.length + 2);
  });

  it('refuses late work when the assignment says so: 0 points, with the reason', async () => {
    const late = submission('late.json', {
      assignment: 'strict',
      student: { name: 'Eve', id: '2001' },
      at: LATE,
      code: both,
    });
    const onTime = submission('ontime.json', {
      assignment: 'strict',
      student: { name: 'Fay', id: '2002' },
      code: both,
    });
    const csv = join(dir, 'strict.csv');
    const { code } = await grade(
      '--course',
      join(dir, 'course.yaml'),
      '--assignment',
      'strict',
      '--progress',
      late,
      onTime,
      '--csv',
      csv,
    );
    expect(code).toBe(1); // graded, but something to look at
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
    const at = (name: string) => header.indexOf(name);
    expect(rows[0][at('late')]).toBe('yes');
    expect(rows[0][at('and-gate-weights')]).toBe('6/6');
    expect(rows[0][at('points')]).toBe('0');
    expect(rows[0][at('error')]).toBe(
      `late: submitted ${LATE}, due 2027-03-01T12:00:00+01:00; this assignment refuses late work`,
    );
    expect(rows[1][at('points')]).toBe('3');
  });

  it('gives no points for the engine’s own answer handed in instead of weights', async () => {
    // Without the withheld names this would pass: the engine's learner finds AND's weights.
    const attack =
      "import { gates, trainPerceptron } from '@engine';\n" +
      'export const w = trainPerceptron(gates.AND, { lr: 1, maxEpochs: 100 }).weights;\n';
    const file = submission('twin.json', {
      student: { name: 'Mal', id: '3001' },
      code: { ...both, 'and-gate-weights': attack },
    });
    const csv = join(dir, 'twin.csv');
    await grade(
      '--course',
      join(dir, 'course.yaml'),
      '--assignment',
      'gates',
      '--progress',
      file,
      '--csv',
      csv,
    );
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
    const total = ex('and-gate-weights').checks.length;
    expect(rows[0][header.indexOf('and-gate-weights')]).toBe(`0/${total}`);
    expect(rows[0][header.indexOf('or-gate-weights')]).toMatch(/^(\d+)\/\1$/);
  });

  it('exits 0 when every file was graded cleanly, and 2 on an unknown assignment', async () => {
    const ok = submission('ok.json', { student: { name: 'Gus', id: '3001' }, code: both });
    expect(
      (await grade('--course', join(dir, 'course.yaml'), '--assignment', 'gates', '--progress', ok))
        .code,
    ).toBe(0);
    const unknown = await grade(
      '--course',
      join(dir, 'course.yaml'),
      '--assignment',
      'nope',
      '--progress',
      ok,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown assignment 'nope'");
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['+49 30', "'+49 30"],
    ['Zoë Ångström', 'Zoë Ångström'],
    [3, '3'],
  ])('%s → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('SandboxPool', () => {
  const pool = new SandboxPool({ size: 1, timeoutMs: 1500 });
  afterAll(() => pool.close());
  const run = async (id: string, code: string) => {
    const [r] = await pool.run([{ kind: 'exercise', sources: [code], probes: ex(id).probes }]);
    return judge(ex(id), r.programs[0]);
  };

  it('gives each job a fresh context: one submission cannot change the next', async () => {
    const tamper = `Array.prototype.map = () => [1, 1, 1];\n(globalThis as any).w = [9];\nexport const w: number[] = [0, 0, 0];\n`;
    expect((await run('and-gate-weights', tamper)).solved).toBe(false);
    expect((await run('and-gate-weights', solution('and-gate-weights'))).solved).toBe(true);
  });

  it('survives an infinite loop and grades the next job', async () => {
    const loop = await run('and-gate-weights', 'while (true) {}\nexport const w = [0, 0, 0];');
    expect(loop.error?.kind).toBe('timeout');
    expect((await run('or-gate-weights', solution('or-gate-weights'))).solved).toBe(true);
  });

  it('replaces a worker that runs out of memory', async () => {
    // Its own pool with a long time limit, so a busy machine cannot turn this into a timeout.
    const roomy = new SandboxPool({ size: 1, timeoutMs: 20_000 });
    try {
      const hog =
        'const a: number[][] = [];\nwhile (true) a.push(new Array(1e7).fill(1));\nexport const w = [0, 0, 0];';
      const probes = ex('and-gate-weights').probes;
      const [r] = await roomy.run([{ kind: 'exercise', sources: [hog], probes }]);
      const f = judge(ex('and-gate-weights'), r.programs[0]);
      expect(f.solved).toBe(false);
      expect(f.error?.message).toBe('your code used too much memory');
      const [next] = await roomy.run([
        { kind: 'exercise', sources: [solution('and-gate-weights')], probes },
      ]);
      expect(judge(ex('and-gate-weights'), next.programs[0]).solved).toBe(true);
    } finally {
      roomy.close();
    }
  });
});
