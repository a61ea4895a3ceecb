import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineExercise,
  exerciseVersion,
  referenceCheck,
  type CheckSpec,
  type ExerciseSpec,
} from '../../src/notebook/exercises/define';

const spec: ExerciseSpec = {
  id: 'demo',
  lesson: '07-softmax',
  title: 'Demo',
  starter: 'export function f(): number {\n  return 0;\n}\n',
  exports: { f: 'function' },
  withheld: ['softmax'],
  checks: [{ name: 'f() = 1', call: ['f'], expect: { value: 1 } }],
  hints: [],
};

describe('defineExercise', () => {
  it('accepts a well-formed declaration', () => {
    expect(defineExercise(spec).withholding.names).toEqual(['softmax']);
  });

  it('names a withheld engine export listed twice', () => {
    expect(() => defineExercise({ ...spec, withheld: ['softmax', 'losses', 'softmax'] })).toThrow(
      'defineExercise("demo"): withheld name "softmax" is listed twice',
    );
  });
});

describe('referenceCheck', () => {
  /** A reference that records what it was given, so the test sees the very objects it received. */
  function recordingReference() {
    const seen: unknown[][] = [];
    const reference = (w: readonly number[], x: readonly number[]): number => {
      seen.push([w, x]);
      return w.reduce((s, wi, i) => s + wi * (i === 0 ? 1 : x[i - 1]), 0);
    };
    return { seen, reference };
  }

  it('calls the export with the arguments themselves, not copies, and leaves them as they were', () => {
    const { reference } = recordingReference();
    const w = [0.5, -1, 2];
    const x = [3, 4];
    const check = referenceCheck('sum', reference)('a case', [w, x]);
    expect(check.call).toEqual(['sum', w, x]);
    expect(check.call?.[1]).toBe(w);
    expect(check.call?.[2]).toBe(x);
    expect(w).toEqual([0.5, -1, 2]);
    expect(x).toEqual([3, 4]);
  });

  it('expects what the reference returns on those same arguments, computed once', () => {
    const { seen, reference } = recordingReference();
    const w = [0.5, -1, 2];
    const x = [3, 4];
    const check = referenceCheck('sum', reference)('a case', [w, x]);
    expect(check.expect).toEqual({ value: 0.5 - 3 + 8 });
    expect(seen).toHaveLength(1);
    expect(seen[0][0]).toBe(w);
    expect(seen[0][1]).toBe(x);
  });

  it('builds exactly the literal a hand-written check would be, so versions do not move', () => {
    const sigmoidLike = (z: number) => 1 / (1 + Math.exp(-z));
    const visible = referenceCheck('g', sigmoidLike)('g(2)', [2]);
    const literal: CheckSpec = {
      name: 'g(2)',
      hidden: false,
      call: ['g', 2],
      expect: { value: sigmoidLike(2) },
    };
    // toStrictEqual also fails on a key that is present but undefined (e.g. tolerance).
    expect(visible).toStrictEqual(literal);
    expect(Object.keys(visible)).toEqual(['name', 'hidden', 'call', 'expect']);
    const starter = 'export const g = (z: number) => z;\n';
    expect(exerciseVersion({ starter, checks: [visible] })).toBe(
      exerciseVersion({ starter, checks: [literal] }),
    );
  });

  it('takes hidden and tolerance per check, over the defaults given to the builder', () => {
    const check = referenceCheck('g', (z: number) => z * 2, { tolerance: 1e-12 });
    expect(check('visible', [1])).toStrictEqual({
      name: 'visible',
      hidden: false,
      call: ['g', 1],
      expect: { value: 2 },
      tolerance: 1e-12,
    });
    expect(check('hidden, looser', [1], { hidden: true, tolerance: 1e-6 })).toMatchObject({
      hidden: true,
      tolerance: 1e-6,
    });
    expect(referenceCheck('g', (z: number) => z, { hidden: true })('h', [0]).hidden).toBe(true);
  });

  it('types the arguments after the reference', () => {
    const check = referenceCheck('f', (p: number, label: number) => p + label);
    expect(check('right', [0.5, 1]).expect).toEqual({ value: 1.5 });
    // The type check (npm run typecheck) fails on an unused @ts-expect-error, i.e. if the
    // builder accepted either of these.
    // @ts-expect-error one argument is missing
    expectTypeOf(check).toBeCallableWith('too few', [0.5]);
    // @ts-expect-error a label must be a number
    expectTypeOf(check).toBeCallableWith('wrong type', [0.5, '1']);
  });
});
