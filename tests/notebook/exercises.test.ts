/**
 * Every exercise, every case: the reference solution passes, the starter fails, and each
 * misconception's example fails with that misconception's own message. One row per
 * exercise × case; all rows run in one sandbox process.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exercises, exerciseIdsByLesson, getExercise } from '../../src/notebook/exercises/index';
import type { Exercise } from '../../src/notebook/exercises/define';
import { judge, type Feedback } from '../../src/notebook/judge/judge';
import { runInSandbox, type SandboxRequest } from '../../src/notebook/node/sandbox';

type Case = {
  exercise: Exercise;
  name: string;
  source: string;
  /** 'solved', 'fails', or the id of the misconception that must be recognised. */
  expect: string;
};

const solution = (id: string) =>
  readFileSync(new URL(`../../src/notebook/exercises/solutions/${id}.ts`, import.meta.url), 'utf8');

const cases: Case[] = exercises.flatMap((exercise) => [
  { exercise, name: 'reference', source: solution(exercise.id), expect: 'solved' },
  { exercise, name: 'starter', source: exercise.starter, expect: 'fails' },
  ...exercise.misconceptions.map((m) => ({
    exercise,
    name: `misconception ${m.id}`,
    source: m.example,
    expect: m.id,
  })),
]);

const feedback = new Map<Case, Feedback>();

beforeAll(async () => {
  // Row i: the case's source alone; then, per exercise, all examples judged by outcome.
  const requests: SandboxRequest[] = cases.map((c) => ({
    kind: 'exercise',
    sources: [c.source],
    probes: c.exercise.probes,
  }));
  for (const ex of exercises) {
    requests.push({
      kind: 'exercise',
      sources: ex.misconceptions.map((m) => m.example),
      probes: ex.probes,
    });
  }
  const results = await runInSandbox(requests);
  const exampleRuns = new Map(exercises.map((ex, k) => [ex, results[cases.length + k].programs]));
  cases.forEach((c, i) => {
    const examples = c.exercise.misconceptions.map((m, j) =>
      m.detect ? undefined : exampleRuns.get(c.exercise)?.[j],
    );
    feedback.set(c, judge(c.exercise, results[i].programs[0], examples));
  });
});

describe.each(exercises.map((e) => [e.id, e] as const))('%s', (_id, ex) => {
  it.each(cases.filter((c) => c.exercise === ex).map((c) => [c.name, c] as const))(
    '%s',
    (_name, c) => {
      const f = feedback.get(c) as Feedback;
      if (c.expect === 'solved') {
        expect(f.error, JSON.stringify(f.error)).toBeUndefined();
        expect(f.checks.filter((k) => !k.passed).map((k) => `${k.name}: ${k.message}`)).toEqual([]);
        expect(f.solved).toBe(true);
        expect(f.misconception).toBeUndefined();
      } else if (c.expect === 'fails') {
        expect(f.solved).toBe(false);
        expect(f.passed).toBeLessThan(f.total);
      } else {
        const m = ex.misconceptions.find((x) => x.id === c.expect);
        expect(f.solved).toBe(false);
        expect(f.misconception?.id).toBe(c.expect);
        if (!m?.detect) expect(f.misconception?.message).toBe(m?.message);
        else expect(f.misconception?.message.length).toBeGreaterThan(20);
      }
    },
  );
});

describe('the registry', () => {
  it('has the exercises of chapters 2 and 3, by lesson', () => {
    expect(exerciseIdsByLesson['02-perceptron']).toEqual([
      'perceptron-output',
      'and-gate-weights',
      'or-gate-weights',
      'nand-gate-weights',
      'perceptron-update',
    ]);
    expect(exerciseIdsByLesson['03-xor-mlp']).toEqual(['xor-network-weights', 'two-layer-forward']);
  });

  it('gives each exercise both visible and hidden checks, hints and a stable version', () => {
    for (const ex of exercises) {
      expect(
        ex.checks.some((c) => !c.hidden),
        ex.id,
      ).toBe(true);
      expect(
        ex.checks.some((c) => c.hidden),
        ex.id,
      ).toBe(true);
      expect(ex.hints.length, ex.id).toBeGreaterThan(0);
      expect(ex.version).toMatch(/^[0-9a-f]{8}$/);
      expect(getExercise(ex.id)).toBe(ex);
    }
  });

  it('names the gate that wrong weights compute, and the received shape of wrong XOR weights', () => {
    const and = cases.find(
      (c) => c.exercise.id === 'and-gate-weights' && c.name.startsWith('misconception'),
    );
    expect(feedback.get(and as Case)?.misconception?.message).toMatch(/compute OR .* not AND/);
    const xor = cases.find((c) => c.name === 'misconception wrong-shape');
    expect(feedback.get(xor as Case)?.misconception?.message).toMatch(/2×3.*received hidden 3×2/);
  });

  it('never reveals a hidden check’s input, expected value or output', () => {
    for (const f of feedback.values()) {
      for (const c of f.checks.filter((k) => k.hidden)) {
        expect(Object.keys(c).sort()).toEqual(['hidden', 'message', 'name', 'passed']);
        expect(c.name).toMatch(/^Hidden check \d+$/);
      }
    }
  });
});
