/**
 * The Node runner (child process + vm context): time limit, errors with the student's line
 * numbers, output limits, non-cloneable values, no network, and results that student code
 * cannot forge. All requests run in one child process.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/notebook/core/protocol';
import { exerciseRequest } from '../../src/notebook/exercises/define';
import { getExercise } from '../../src/notebook/exercises/index';
import { judge } from '../../src/notebook/judge/judge';
import { runInSandbox, type SandboxRequest } from '../../src/notebook/node/sandbox';

const perceptron = getExercise('perceptron-output');
if (!perceptron) throw new Error('perceptron-output missing');

const cells: Record<string, string> = {
  loop: 'let i = 0;\nwhile (true) i++;',
  throws: `interface P { w: number[] }\nconst p: P = { w: [1] };\nfunction f(): number {\n  throw new RangeError('too far');\n}\nf();`,
  syntax: 'const a = 1;\nconst b = (a + ;',
  huge: 'const big = new Array(1_000_000).fill(0.5);\nfor (let i = 0; i < 2000; i++) console.log(i);\nbig',
  network: `const tries: string[] = [];
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'require', 'process', 'setTimeout']) tries.push(name + ':' + typeof (globalThis as any)[name]);
tries`,
  fn: 'const f = (x: number) => x;\nf',
  cycle: 'const a: any = { name: "a" };\na.self = a;\na',
  specials: '[NaN, Infinity, -Infinity, undefined, 0.1 + 0.2]',
  matrix: "import { Matrix } from '@engine';\nMatrix.fromRows([[1, 2, 3], [4, 5, 6]])",
  scopeA: 'const w = [1, 2];\nfunction double(v: number[]) { return v.map((x) => x * 2); }',
  scopeB: 'double(w)',
  scopeC: "import { softmax } from '@engine';\nconst w = [10];\nsoftmax([0, 0])",
  scopeD: 'w',
  scopeE: 'const z = 0;\nstep(z)',
};
const order = Object.keys(cells);
const results = new Map<string, RunResult>();

const reference = readFileSync(
  new URL('../../src/notebook/exercises/solutions/perceptron-output.ts', import.meta.url),
  'utf8',
);

/**
 * A wrong answer that tries to replace what the sandbox reports with `payload`: the
 * reference solution's genuine result, which would be judged solved if the forgery worked.
 */
const forger = (payload: string) => `export function perceptron(w: number[], x: number[]): number {
  return 0;
}
const forged = ${JSON.stringify(payload)};
(JSON as any).stringify = () => forged;
try { (globalThis as any).__nbHarness = { execute: () => forged }; } catch {}
try { (globalThis as any).__nbHarness.execute = () => forged; } catch {}
`;

let genuine: RunResult;

beforeAll(async () => {
  [genuine] = await runInSandbox([exerciseRequest(perceptron, [reference])]);
  const requests: SandboxRequest[] = order.map((id) => ({
    kind: 'cell',
    id,
    source: cells[id],
    above: id.startsWith('scope') ? order.filter((k) => k.startsWith('scope') && k < id) : [],
  }));
  requests.push(exerciseRequest(perceptron, [forger(JSON.stringify(genuine))]));
  requests.push(exerciseRequest(perceptron, ['export const perceptron = 3;']));
  const out = await runInSandbox(requests, { timeoutMs: 1000 });
  order.forEach((id, i) => results.set(id, out[i]));
  results.set('forger', out[order.length]);
  results.set('notFunction', out[order.length + 1]);
});

const program = (id: string) => results.get(id)?.programs[0];

describe('Node runner', () => {
  it('stops an infinite loop at the time limit with a clear message', () => {
    expect(program('loop')?.error).toMatchObject({
      kind: 'timeout',
      message: 'your code ran for more than 1 s — is there an infinite loop?',
    });
  });

  it('reports a thrown error with the student’s own line number (types stripped, lines kept)', () => {
    expect(program('throws')?.error).toMatchObject({
      kind: 'runtime',
      name: 'RangeError',
      message: 'too far',
      line: 4,
    });
  });

  it('reports a syntax error with line and column', () => {
    expect(program('syntax')?.error).toMatchObject({
      kind: 'syntax',
      name: 'SyntaxError',
      line: 2,
      column: 16,
    });
  });

  it('cuts huge output and says so', () => {
    const p = program('huge');
    expect(p?.truncated).toBe(true);
    expect(p?.logs.length).toBe(500);
    expect(p?.value).toMatchObject({ $: 'array', more: 1_000_000 - 2_000 });
  });

  it('gives student code no network, module loader, process or timers', () => {
    expect(program('network')?.value).toEqual([
      'fetch:undefined',
      'XMLHttpRequest:undefined',
      'WebSocket:undefined',
      'require:undefined',
      'process:undefined',
      'setTimeout:undefined',
    ]);
  });

  it('names values that cannot be sent back, and NaN and Infinity', () => {
    expect(program('fn')?.value).toEqual({ $: 'function', name: 'f' });
    expect(program('cycle')?.value).toMatchObject({
      $: 'object',
      v: { name: 'a', self: { $: 'cycle' } },
    });
    expect(program('specials')?.value).toEqual([
      { $: 'num', v: 'NaN' },
      { $: 'num', v: 'Infinity' },
      { $: 'num', v: '-Infinity' },
      { $: 'undefined' },
      0.30000000000000004,
    ]);
    expect(program('matrix')?.value).toEqual({
      $: 'matrix',
      rows: 2,
      cols: 3,
      v: [1, 2, 3, 4, 5, 6],
      more: 0,
    });
  });

  it('shares top-level names with later cells; a later declaration shadows an earlier one', () => {
    expect(program('scopeB')?.value).toEqual([2, 4]);
    expect(program('scopeC')?.value).toEqual([0.5, 0.5]);
    expect(program('scopeD')?.value).toEqual([10]);
  });

  it('gives engine names only through imports: an undeclared `step` is a ReferenceError with a hint', () => {
    expect(program('scopeE')?.error).toMatchObject({
      kind: 'runtime',
      name: 'ReferenceError',
      line: 2,
    });
    expect(program('scopeE')?.error?.message).toBe(
      "step is not defined. `step` is an engine export: add `import { step } from '@engine';` at the top, or declare it yourself.",
    );
  });

  it('judges outside the sandbox, so attempts to forge results change nothing', () => {
    // The payload is a passing result: had the forgery reached the judge, it would be solved.
    expect(judge(perceptron, genuine.programs[0]).solved).toBe(true);
    const f = judge(perceptron, program('forger') as never);
    expect(f.solved).toBe(false);
    expect(f.checks.filter((c) => c.passed).length).toBeLessThan(f.total);
    expect(f.error).toBeUndefined();
  });

  it('explains an export of the wrong kind', () => {
    const f = judge(perceptron, program('notFunction') as never);
    expect(f.missing[0]).toMatch(/`perceptron` should be a function, but it is a number/);
    expect(f.checks[0].message).toMatch(/is a number, not a function/);
  });
});
