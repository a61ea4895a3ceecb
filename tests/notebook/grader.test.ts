/**
 * The grader CLI, spawned for real: usage and exit codes, the JSON line, and sandbox escape
 * attempts — each must fail the submission and leave no trace.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exercises, getExercise } from '../../src/notebook/exercises/index';
import { withheldMessage } from '../../src/notebook/core/withheld';
import { engineTwinAttacks } from './wrong-answers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'grade-test-'));
const marker = join(dir, 'escaped');
const reference = readFileSync(
  join(root, 'src/notebook/exercises/solutions/perceptron-output.ts'),
  'utf8',
);

function grade(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, 'scripts/grade.ts', ...args], {
      cwd: root,
      env: { ...process.env, GRADER_TEST_SECRET: 'do-not-leak' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

/** A correct solution preceded by an escape attempt that writes the marker file. */
const escapes: Record<string, string> = {
  require: `const fs = require('fs');\nfs.writeFileSync(${JSON.stringify(marker)}, 'x');`,
  process: `(process as any).mainModule.require('fs').writeFileSync(${JSON.stringify(marker)}, (process as any).env.GRADER_TEST_SECRET);`,
  'dynamic import': `import('node:fs').then((fs) => fs.writeFileSync(${JSON.stringify(marker)}, 'x'));`,
  'constructor.constructor': `const p = (globalThis as any).constructor.constructor('return process')();\np.mainModule.require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');`,
  fetch: `fetch('http://127.0.0.1:9/' + 'leak');`,
};

type Run = Awaited<ReturnType<typeof grade>>;
const runs = new Map<string, Run>();

beforeAll(async () => {
  const jobs: [string, string[]][] = [
    ['list', ['--list']],
    ['usage', ['perceptron-output']],
    ['unknown', ['no-such-exercise', file('a.ts', reference)]],
    ['unreadable', ['perceptron-output', join(dir, 'missing.ts')]],
    ['reference', ['perceptron-output', file('ref.ts', reference), '--json']],
    [
      'wrong',
      ['perceptron-output', file('wrong.ts', reference.replace('z >= 0', 'z > 0')), '--json'],
    ],
    ['loop', ['perceptron-output', file('loop.ts', 'while (true) {}\n' + reference)]],
    [
      'syntax',
      ['perceptron-output', file('syntax.ts', 'export function perceptron(w: number[] {\n}')],
    ],
    // Every exercise: handing in the engine's own function instead of writing it.
    ...exercises.map((ex): [string, string[]] => [
      `twin ${ex.id}`,
      [ex.id, file(`twin-${ex.id}.ts`, engineTwinAttacks(ex)[0].source), '--json'],
    ]),
    ...Object.entries(escapes).map(([name, attack], i): [string, string[]] => [
      `escape ${name}`,
      ['perceptron-output', file(`escape-${i}.ts`, `${attack}\n${reference}`), '--json'],
    ]),
  ];
  // Two at a time: the machine has two cores.
  for (let i = 0; i < jobs.length; i += 2) {
    const batch = jobs.slice(i, i + 2);
    const out = await Promise.all(batch.map(([, args]) => grade(...args)));
    batch.forEach(([name], k) => runs.set(name, out[k]));
  }
}, 120_000);

const run = (name: string) => runs.get(name) as Run;
const lastJson = (r: Run) =>
  JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as Record<string, unknown>;

describe('npm run grade', () => {
  it('--list prints every exercise id, one per line', () => {
    expect(run('list').code).toBe(0);
    expect(run('list').stdout.trim().split('\n')).toContain('perceptron-output');
    expect(run('list').stdout.trim().split('\n')).toHaveLength(exercises.length);
  });

  it('exits 2 on bad usage, an unknown id or an unreadable file', () => {
    expect(run('usage').code).toBe(2);
    expect(run('unknown').code).toBe(2);
    expect(run('unknown').stderr).toMatch(/unknown exercise id 'no-such-exercise'/);
    expect(run('unreadable').code).toBe(2);
  });

  it('exits 0 with a JSON line when every check passes', () => {
    expect(run('reference').code).toBe(0);
    expect(lastJson(run('reference'))).toMatchObject({
      exercise: 'perceptron-output',
      passed: getExercise('perceptron-output')?.checks.length,
      total: getExercise('perceptron-output')?.checks.length,
    });
  });

  it.each(exercises.map((e) => [e.id, e] as const))(
    '%s: importing the engine’s own function fails and says what to write',
    (id, ex) => {
      const r = run(`twin ${id}`);
      expect(r.code).toBe(1);
      const message = withheldMessage(ex.withholding, ex.withholding.names[0]);
      expect(r.stdout).toContain(message);
      const json = lastJson(r);
      expect(json.passed).toBe(0);
      expect(String(json.error)).toContain(message);
    },
  );

  it('exits 1 and names the mistake for a wrong answer', () => {
    const r = run('wrong');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/> instead of ≥/);
    const json = lastJson(r);
    expect(json.passed).toBeLessThan(json.total as number);
    expect((json.checks as { name: string; passed: boolean }[]).find((c) => !c.passed)?.name).toBe(
      'the sum is exactly 0',
    );
  });

  it('exits 1 when the code loops or does not parse', () => {
    expect(run('loop').code).toBe(1);
    expect(run('loop').stdout).toMatch(/more than 2 s — is there an infinite loop\?/);
    expect(run('syntax').code).toBe(1);
    expect(run('syntax').stdout).toMatch(/SyntaxError: .*\(line 1, column \d+\)/);
  });

  it.each(Object.keys(escapes))('a %s escape fails the submission and has no effect', (name) => {
    const r = run(`escape ${name}`);
    expect(r.code).toBe(1);
    expect(lastJson(r).error).toBeTruthy();
    expect(r.stdout).not.toContain('do-not-leak');
    expect(existsSync(marker)).toBe(false);
  });
});
