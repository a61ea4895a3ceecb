/**
 * Chained probes (a figure's training run in one round trip), made by the harness in the Node
 * runner: each call fed the last one's value, the first throw ending the chain with the values
 * before it, the output budget and the time limits, and plain probes (the exercise checks'
 * only kind) exactly as they were.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, Probe, RunResult } from '../../src/notebook/core/protocol';
import { exerciseRequest } from '../../src/notebook/exercises/define';
import { exercises, getExercise } from '../../src/notebook/exercises/index';
import { judge } from '../../src/notebook/judge/judge';
import { runInSandbox, type SandboxRequest } from '../../src/notebook/node/sandbox';
import { logisticStep } from '../../src/notebook/exercises/solutions/logistic-step';

const logistic = getExercise('logistic-step');
if (!logistic) throw new Error('logistic-step missing');
const solution = readFileSync(
  new URL('../../src/notebook/exercises/solutions/logistic-step.ts', import.meta.url),
  'utf8',
);

const X = [
  [0.5, -1],
  [1.5, 0.25],
  [-0.75, 0.5],
  [-1, -1.25],
];
const y = [1, 1, 0, 0];

/** Student modules, each run on its own probes (so each has its own output budget). */
const programs: Record<string, { source: string; probes: Probe[] }> = {
  logistic: {
    source: solution,
    probes: [
      { export: 'logisticStep', args: [[0, 0, 0], X, y, 0.5], chain: { calls: 40 } },
      // A plain probe beside a chained one is made exactly as before.
      { export: 'logisticStep', args: [[0, 0, 0], X, y, 0.5] },
    ],
  },
  fresh: {
    source: `export function grow(k: number, xs: number[]): number {
  xs.push(k);
  return k + xs.length;
}
`,
    probes: [{ export: 'grow', args: [0, [7, 8]], chain: { calls: 4 } }],
  },
  flaky: {
    source: `let calls = 0;
export function next(n: number): number {
  calls++;
  if (calls === 4) throw new RangeError('not a fourth time');
  return n + 1;
}
export const three = 3;
`,
    probes: [
      { export: 'next', args: [10], chain: { calls: 10 } },
      // The module is loaded once per request: the throw already happened, so no more throws.
      { export: 'next', args: [0], chain: { calls: 3 } },
      { export: 'three', args: [1], chain: { calls: 3 } },
      { export: 'absent', args: [1], chain: { calls: 3 } },
    ],
  },
  boom: {
    source: `export function boom(): number {
  throw new Error('boom');
}
`,
    probes: [{ export: 'boom', args: [] }],
  },
  wide: {
    source: `export function wide(v: number[]): number[] {
  return new Array<number>(1500).fill(v[0] + 1);
}
`,
    probes: [{ export: 'wide', args: [[0]], chain: { calls: 30 } }],
  },
  huge: {
    source: `export function huge(n: number): number[] {
  return new Array<number>(5000).fill(n);
}
`,
    probes: [{ export: 'huge', args: [1], chain: { calls: 30 } }],
  },
  slow: {
    source: `export function slow(n: number): number {
  const end = Date.now() + 30;
  while (Date.now() < end) {}
  return n + 1;
}
`,
    probes: [
      { export: 'slow', args: [0], chain: { calls: 100, ms: 100 } },
      { export: 'slow', args: [0], chain: { calls: 5, ms: 0 } },
    ],
  },
  forever: {
    source: `export function forever(n: number): number {
  while (true) {}
}
`,
    probes: [{ export: 'forever', args: [0], chain: { calls: 10 } }],
  },
  late: {
    source: `let calls = 0;
export function late(n: number): number {
  if (++calls === 3) while (true) {}
  return n + 1;
}
`,
    probes: [{ export: 'late', args: [0], chain: { calls: 10 } }],
  },
};
const names = Object.keys(programs);
const results = new Map<string, RunResult>();

beforeAll(async () => {
  const requests: SandboxRequest[] = names.map((name) => ({
    kind: 'exercise',
    sources: [programs[name].source],
    probes: programs[name].probes,
  }));
  // The exercise's own request: the judge's view of a plain run, next to the chained ones.
  requests.push(exerciseRequest(logistic, [solution]));
  const out = await runInSandbox(requests, { timeoutMs: 1000 });
  names.forEach((name, i) => results.set(name, out[i]));
  results.set('judged', out[names.length]);
});

const program = (name: string) => {
  const p = results.get(name)?.programs[0];
  if (!p) throw new Error(`no result for ${name}`);
  return p;
};
const outcome = (name: string, i = 0): Outcome | undefined => program(name).probes?.[i];

describe('chained probes', () => {
  it('feed each call the value the call before returned', () => {
    let w = [0, 0, 0];
    const expected: number[][] = [];
    for (let t = 0; t < 40; t++) expected.push((w = logisticStep(w, X, y, 0.5)));
    expect(outcome('logistic')).toEqual({ status: 'ok', value: expected });
    expect(program('logistic').truncated).toBeUndefined();
  });

  it('give every call fresh arguments, so one that mutates its inputs changes no later call', () => {
    // Each call sees xs = [7, 8] and pushes one: k + 3, fed back as the next k.
    expect(outcome('fresh')).toEqual({ status: 'ok', value: [3, 6, 9, 12] });
  });

  it('stop at the first throw, keeping the values before it and the student’s line', () => {
    expect(outcome('flaky', 0)).toEqual({
      status: 'threw',
      error: { kind: 'runtime', name: 'RangeError', message: 'not a fourth time', line: 4 },
      before: [11, 12, 13],
    });
    expect(outcome('flaky', 1)).toEqual({ status: 'ok', value: [1, 2, 3] });
  });

  it('say so when the export is not a function, as a plain probe does', () => {
    expect(outcome('flaky', 2)).toEqual({ status: 'missing', type: 'number' });
    expect(outcome('flaky', 3)).toEqual({ status: 'missing', type: 'undefined' });
  });

  it('keep only whole values: the chain ends before the one the output budget would cut', () => {
    const wide = outcome('wide');
    if (wide?.status !== 'ok' || !Array.isArray(wide.value)) throw new Error('not a list');
    // 20,000 nodes, 1,501 a value (the array and its numbers): 13 fit whole.
    expect(wide.value).toHaveLength(13);
    wide.value.forEach((v, i) => expect(v).toEqual(new Array<number>(1500).fill(i + 1)));
    expect(program('wide').truncated).toBe(true);
  });

  it('keep the first value even when it is cut, as a plain probe would, and stop there', () => {
    expect(outcome('huge')).toEqual({
      status: 'ok',
      value: [{ $: 'array', v: new Array<number>(2000).fill(1), more: 3000 }],
    });
    expect(program('huge').truncated).toBe(true);
  });

  it('start no call after `ms`, but always make the first', () => {
    const slow = outcome('slow', 0);
    if (slow?.status !== 'ok' || !Array.isArray(slow.value)) throw new Error('not a list');
    // 30 ms a call: about four calls start within 100 ms, far fewer than the 100 asked for.
    expect(slow.value.length).toBeGreaterThanOrEqual(1);
    expect(slow.value.length).toBeLessThan(10);
    expect(slow.value).toEqual(slow.value.map((_, i) => i + 1));
    expect(outcome('slow', 1)).toEqual({ status: 'ok', value: [1] });
  });

  it('still hit the request’s time limit when a call never returns, even after some returned', () => {
    for (const name of ['forever', 'late']) {
      expect(program(name).error).toMatchObject({
        kind: 'timeout',
        message: 'your code ran for more than 1 s — is there an infinite loop?',
      });
    }
  });

  it('leave plain probes as they were: the same outcome, no new fields', () => {
    const plain = outcome('logistic', 1);
    expect(plain).toEqual({
      status: 'ok',
      value: logisticStep([0, 0, 0], X, y, 0.5),
      argsAfter: [[0, 0, 0], X, y, 0.5],
    });
    expect(Object.keys(plain ?? {})).toEqual(['status', 'value', 'argsAfter']);
    const threw = outcome('boom');
    expect(threw).toEqual({
      status: 'threw',
      error: { kind: 'runtime', name: 'Error', message: 'boom', line: 2 },
    });
    expect(Object.keys(threw ?? {})).toEqual(['status', 'error']);
    // Exercise requests never chain, and the judge reads their outcomes as before.
    expect(exercises.flatMap((e) => e.probes).filter((p) => 'chain' in p)).toEqual([]);
    expect(judge(logistic, program('judged')).solved).toBe(true);
  });
});
