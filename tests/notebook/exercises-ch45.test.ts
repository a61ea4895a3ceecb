/**
 * Chapters 4 and 5: beyond the reference / starter / misconception rows that
 * exercises.test.ts runs for every exercise, each exercise here must reject a bank of
 * plausible wrong answers that are not named misconceptions (sign slips, transposes,
 * hard-coded sizes, off-by-one loops, mutated inputs, …). All run in one sandbox process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index';
import { getExercise } from '../../src/notebook/exercises/index';
import { judge, type Feedback } from '../../src/notebook/judge/judge';
import { runInSandbox } from '../../src/notebook/node/sandbox';

/** Wrong answers per exercise id: [why it is wrong, source]. */
const banks: Record<string, [string, string][]> = {
  sigmoid: [
    [
      '1 − e^(−z) in the denominator',
      `export function sigmoid(z: number): number {\n  return 1 / (1 - Math.exp(-z));\n}\n`,
    ],
    [
      'e^(−z) / (1 + e^(−z)), which is g(−z)',
      `export function sigmoid(z: number): number {\n  const e = Math.exp(-z);\n  return e / (1 + e);\n}\n`,
    ],
    [
      'tanh instead of the logistic function',
      `export function sigmoid(z: number): number {\n  return Math.tanh(z);\n}\n`,
    ],
    [
      'tanh rescaled to (0, 1) with the wrong scale',
      `export function sigmoid(z: number): number {\n  return (Math.tanh(z) + 1) / 2;\n}\n`,
    ],
    ['a constant 0.5', `export function sigmoid(z: number): number {\n  return 0.5;\n}\n`],
    [
      'clipped linear ramp',
      `export function sigmoid(z: number): number {\n  return Math.min(1, Math.max(0, 0.5 + z / 4));\n}\n`,
    ],
    [
      'squared denominator',
      `export function sigmoid(z: number): number {\n  return 1 / (1 + Math.exp(-z)) ** 2;\n}\n`,
    ],
    [
      'rounded to 3 decimals',
      `export function sigmoid(z: number): number {\n  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;\n}\n`,
    ],
  ],
  'layer-forward': [
    [
      'hard-coded two units',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  return [0, 1].map((i) => sigmoid(W[i][0] + a.reduce((s, v, k) => s + W[i][k + 1] * v, 0)));\n}\n`,
    ],
    [
      'hard-coded two inputs',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  return W.map((r) => sigmoid(r[0] + r[1] * a[0] + r[2] * a[1]));\n}\n`,
    ],
    [
      'the bias added after the sigmoid',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  return W.map((r) => r[0] + sigmoid(a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n}\n`,
    ],
    [
      'bias multiplied by a[0]',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  return W.map((r) => sigmoid(r[0] * (a[0] ?? 1) + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n}\n`,
    ],
    [
      'prepends 1 to a in place (mutates the input)',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  a.unshift(1);\n  return W.map((r) => sigmoid(r.reduce((s, w, k) => s + w * a[k], 0)));\n}\n`,
    ],
    [
      'never checks the row length',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  return W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + (r[k + 1] ?? 0) * v, 0)));\n}\n`,
    ],
    [
      'the step instead of the sigmoid',
      `export function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  return W.map((r) => (r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0) >= 0 ? 1 : 0));\n}\n`,
    ],
    [
      'one sum over all units',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  const z = W.reduce((s, r) => s + r[0] + a.reduce((t, v, k) => t + r[k + 1] * v, 0), 0);\n  return W.map(() => sigmoid(z));\n}\n`,
    ],
    [
      'sorts the weights while reading them (mutates W)',
      `import { sigmoid } from '@engine';\nexport function layerForward(W: number[][], a: number[]): number[] {\n  if (W.some((r) => r.length !== a.length + 1)) throw new Error('bad');\n  const out = W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\n  W.reverse();\n  return out;\n}\n`,
    ],
  ],
  'network-forward': [
    [
      'only the first two layers',
      `import { sigmoid } from '@engine';\nconst layer = (W: number[][], a: number[]) => W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  return Ws.length > 1 ? layer(Ws[1], layer(Ws[0], x)) : layer(Ws[0], x);\n}\n`,
    ],
    [
      'every layer fed the input x',
      `import { sigmoid } from '@engine';\nconst layer = (W: number[][], a: number[]) => W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  let a = x;\n  for (const W of Ws) a = layer(W, x.slice(0, W[0].length - 1));\n  return a;\n}\n`,
    ],
    [
      'layers applied last to first',
      `import { sigmoid } from '@engine';\nconst layer = (W: number[][], a: number[]) => W.map((r) => sigmoid(r[0] + a.reduce((s, v, k) => s + (r[k + 1] ?? 0) * v, 0)));\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  let a = x;\n  for (const W of [...Ws].reverse()) a = layer(W, a);\n  return a;\n}\n`,
    ],
    [
      'no sigmoid anywhere',
      `const layer = (W: number[][], a: number[]) => W.map((r) => r[0] + a.reduce((s, v, k) => s + r[k + 1] * v, 0));\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  let a = x;\n  for (const W of Ws) a = layer(W, a);\n  return a;\n}\n`,
    ],
    [
      'a bias of 1 added instead of W[i][0]',
      `import { sigmoid } from '@engine';\nconst layer = (W: number[][], a: number[]) => W.map((r) => sigmoid(1 + a.reduce((s, v, k) => s + r[k + 1] * v, 0)));\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  let a = x;\n  for (const W of Ws) a = layer(W, a);\n  return a;\n}\n`,
    ],
    [
      'prepends the bias unit into x itself',
      `import { sigmoid } from '@engine';\nexport function forward(Ws: number[][][], x: number[]): number[] {\n  let a = x;\n  for (const W of Ws) {\n    a.unshift(1);\n    const prev = a;\n    a = W.map((r) => sigmoid(r.reduce((s, w, k) => s + w * prev[k], 0)));\n  }\n  return a;\n}\n`,
    ],
  ],
};

type Row = { id: string; why: string; source: string };
const rows: Row[] = Object.entries(banks).flatMap(([id, bank]) =>
  bank.map(([why, source]) => ({ id, why, source })),
);
const feedback = new Map<Row, Feedback>();

beforeAll(async () => {
  const results = await runInSandbox(
    rows.map((r) => ({ kind: 'exercise' as const, sources: [r.source], probes: ex(r.id).probes })),
  );
  rows.forEach((r, i) => feedback.set(r, judge(ex(r.id), results[i].programs[0])));
});

function ex(id: string) {
  const e = getExercise(id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e;
}

describe.each(Object.keys(banks))('%s rejects plausible wrong answers', (id) => {
  it('has a bank of at least three', () => {
    expect(banks[id].length).toBeGreaterThanOrEqual(3);
  });
  it.each(rows.filter((r) => r.id === id).map((r) => [r.why, r] as const))('%s', (_why, r) => {
    const f = feedback.get(r) as Feedback;
    expect(f.solved).toBe(false);
    expect(f.passed).toBeLessThan(f.total);
  });
});

describe('chapters 4–5 exercises', () => {
  const ids = Object.keys(banks);
  it('withhold every export that shares a name with an engine export', () => {
    const engineNames = new Set(Object.keys(engine));
    for (const id of ids) {
      const e = ex(id);
      for (const name of Object.keys(e.exports)) {
        if (engineNames.has(name)) expect(e.withheld, `${id}: ${name}`).toContain(name);
      }
      for (const name of e.withheld) expect(engineNames.has(name), `${id}: ${name}`).toBe(true);
    }
  });
  it('have at least three hidden checks each', () => {
    for (const id of ids) {
      const e = ex(id);
      expect(e.checks.filter((c) => c.hidden).length, id).toBeGreaterThanOrEqual(3);
    }
  });
});
