/**
 * Chapters 4 and 5: every wrong answer in the bank fails (and a second instance of each named
 * misconception is recognised as it), and the checks are designed as the contract demands.
 * exercises.test.ts runs the same bank among all exercises; this file is the chapters' own
 * view, quick to run while working on them. All rows run in one sandbox process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index';
import { getExercise } from '../../src/notebook/exercises/index';
import { exerciseRequest, type Exercise } from '../../src/notebook/exercises/define';
import { judge, type Feedback } from '../../src/notebook/judge/judge';
import { runInSandbox } from '../../src/notebook/node/sandbox';
import { wrongAnswersCh45 } from './wrong-answers-ch45';

type Row = { ex: Exercise; name: string; source: string; recognise?: string };

const ex = (id: string) => {
  const e = getExercise(id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e;
};
const ids = Object.keys(wrongAnswersCh45);
const rows: Row[] = ids.flatMap((id) => wrongAnswersCh45[id].map((w) => ({ ex: ex(id), ...w })));
const feedback = new Map<Row, Feedback>();

beforeAll(async () => {
  const requests = rows.map((r) => exerciseRequest(r.ex, [r.source]));
  for (const id of ids) {
    requests.push(
      exerciseRequest(
        ex(id),
        ex(id).misconceptions.map((m) => m.example),
      ),
    );
  }
  const results = await runInSandbox(requests);
  const examples = new Map(ids.map((id, k) => [id, results[rows.length + k].programs]));
  rows.forEach((r, i) => {
    const runs = r.ex.misconceptions.map((m, j) =>
      m.detect ? undefined : examples.get(r.ex.id)?.[j],
    );
    feedback.set(r, judge(r.ex, results[i].programs[0], runs));
  });
});

describe.each(ids)('%s', (id) => {
  it('has at least three wrong answers besides the misconceptions, and a second instance of each misconception', () => {
    const bank = wrongAnswersCh45[id];
    expect(bank.filter((w) => !w.recognise).length).toBeGreaterThanOrEqual(3);
    for (const m of ex(id).misconceptions) {
      expect(
        bank.some((w) => w.recognise === m.id),
        m.id,
      ).toBe(true);
    }
  });
  it.each(rows.filter((r) => r.ex.id === id).map((r) => [r.name, r] as const))(
    'rejects: %s',
    (_name, r) => {
      const f = feedback.get(r) as Feedback;
      expect(f.solved).toBe(false);
      expect(f.passed).toBeLessThan(f.total);
      if (r.recognise) expect(f.misconception?.id).toBe(r.recognise);
    },
  );
});

describe('designed checks', () => {
  it('each exercise has visible and at least three hidden checks', () => {
    for (const id of ids) {
      expect(ex(id).checks.filter((c) => c.hidden).length, id).toBeGreaterThanOrEqual(3);
      expect(ex(id).checks.filter((c) => !c.hidden).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('the sigmoid is checked at ±1000 and at 0, where it is exactly one half', () => {
    const calls = ex('sigmoid').checks.map((c) => c.call?.[1]);
    expect(calls).toEqual(expect.arrayContaining([0, 1000, -1000]));
  });

  it('the layer checks cover other sizes than the lecture’s, a throw, and both inputs left untouched', () => {
    const checks = ex('layer-forward').checks;
    const shapes = checks
      .filter((c) => c.call && 'value' in c.expect)
      .map((c) => `${(c.call?.[1] as number[][]).length}×${(c.call?.[2] as number[]).length}`);
    expect(new Set(shapes).size).toBeGreaterThanOrEqual(5);
    expect(checks.some((c) => 'throws' in c.expect)).toBe(true);
    const unchanged = checks.flatMap((c) => ('unchanged' in c.expect ? [c.expect.unchanged] : []));
    expect(unchanged.sort()).toEqual([0, 1]);
  });

  it('withhold every export that shares a name with an engine export, and only engine names', () => {
    const names = new Set(Object.keys(engine));
    for (const id of ids) {
      for (const n of Object.keys(ex(id).exports)) {
        if (names.has(n)) expect(ex(id).withheld, `${id}: ${n}`).toContain(n);
      }
      for (const n of ex(id).withheld) expect(names.has(n), `${id}: ${n}`).toBe(true);
    }
  });
});
