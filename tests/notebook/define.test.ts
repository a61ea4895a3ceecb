import { describe, expect, it } from 'vitest';
import { defineExercise, type ExerciseSpec } from '../../src/notebook/exercises/define';

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
