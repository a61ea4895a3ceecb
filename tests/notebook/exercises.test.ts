/**
 * Every exercise, every case: the reference solution passes; the starter fails; each
 * misconception's example fails with that misconception's own message, and so does a second,
 * differently written instance of the same mistake; a bank of plausible wrong answers fails;
 * and every way of handing in the engine's own answer (import, re-export, namespace, require)
 * fails with the withheld-name message. One row per exercise × case; all rows run in one
 * sandbox process.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exercises, exerciseIdsByLesson, getExercise } from '../../src/notebook/exercises/index';
import { exerciseRequest, type Exercise } from '../../src/notebook/exercises/define';
import { judge, type Feedback } from '../../src/notebook/judge/judge';
import { runInSandbox, type SandboxRequest } from '../../src/notebook/node/sandbox';
import * as engine from '../../src/engine/index';
import { withheldMessage } from '../../src/notebook/core/withheld';
import { engineTwinAttacks, wrongAnswers } from './wrong-answers';

type Case = {
  exercise: Exercise;
  name: string;
  source: string;
  /**
   * 'solved', 'fails', 'withheld:<engine name>', or the id of the misconception that must be
   * recognised.
   */
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
  ...(wrongAnswers[exercise.id] ?? []).map((w) => ({
    exercise,
    name: `wrong: ${w.name}`,
    source: w.source,
    expect: w.recognise ?? 'fails',
  })),
  ...engineTwinAttacks(exercise).map((a) => ({
    exercise,
    name: `engine twin: ${a.name}`,
    source: a.source,
    expect: `withheld:${/engine's (\w+)|reads (\w+)/.exec(a.name)?.slice(1).find(Boolean) ?? ''}`,
  })),
]);

const feedback = new Map<Case, Feedback>();

beforeAll(async () => {
  // Row i: the case's source alone; then, per exercise, all examples judged by outcome.
  const requests: SandboxRequest[] = cases.map((c) => exerciseRequest(c.exercise, [c.source]));
  for (const ex of exercises) {
    requests.push(
      exerciseRequest(
        ex,
        ex.misconceptions.map((m) => m.example),
      ),
    );
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
      } else if (c.expect.startsWith('withheld:')) {
        const name = c.expect.slice('withheld:'.length);
        expect(f.solved).toBe(false);
        expect(f.passed).toBe(0);
        expect(f.error?.message).toBe(withheldMessage(ex.withholding, name));
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

describe('withheld engine names', () => {
  const engineNames = new Set(Object.keys(engine));

  it.each(exercises.map((e) => [e.id, e] as const))(
    '%s withholds the engine twin of each export, and only real engine exports',
    (_id, ex) => {
      for (const name of Object.keys(ex.exports)) {
        if (engineNames.has(name)) expect(ex.withheld, `${ex.id} exports ${name}`).toContain(name);
      }
      for (const name of ex.withheld) expect(engineNames.has(name), name).toBe(true);
      expect(ex.withheld.length).toBeGreaterThan(0);
    },
  );

  it('has a bank of at least three plausible wrong answers per exercise', () => {
    for (const ex of exercises) {
      expect(
        (wrongAnswers[ex.id] ?? []).filter((w) => !w.recognise).length,
        ex.id,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('recognises each named misconception on a second instance, not only its own example', () => {
    for (const ex of exercises) {
      for (const m of ex.misconceptions) {
        expect(
          (wrongAnswers[ex.id] ?? []).some((w) => w.recognise === m.id),
          `${ex.id}: ${m.id}`,
        ).toBe(true);
      }
    }
  });

  it('says which function to write, naming the engine export that is withheld', () => {
    const ex = getExercise('perceptron-output') as Exercise;
    expect(withheldMessage(ex.withholding, 'perceptronOutput')).toBe(
      "This exercise asks you to write `perceptron` yourself, so the engine's `perceptronOutput` is not available here. Other engine functions can still be imported from '@engine'.",
    );
  });
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
    expect(exerciseIdsByLesson['07-softmax']).toEqual(['softmax']);
    expect(exerciseIdsByLesson['08-cross-entropy']).toEqual([
      'cross-entropy',
      'cross-entropy-from-logits',
      'softmax-ce-gradient',
    ]);
    expect(exerciseIdsByLesson['09-logistic-regression']).toEqual([
      'binary-cross-entropy',
      'two-class-softmax',
      'logistic-step',
    ]);
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
