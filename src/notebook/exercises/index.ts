/**
 * The exercise registry: every exercise of the course, by id. To add one, declare it with
 * `defineExercise` in a chapter file of this folder, add it to that file's list, and put its
 * reference solution in `solutions/<id>.ts` (see src/notebook/README.md).
 */
import type { Exercise } from './define';
import { perceptronExercises } from './perceptron';
import { xorExercises } from './xor';
import { forwardExercises } from './forward';
import { linearExercises } from './linear';
import { mnistExercises } from './mnist';
import { softmaxExercises } from './softmax';
import { crossEntropyExercises } from './cross-entropy';
import { logisticExercises } from './logistic';

export const exercises: readonly Exercise[] = [
  ...perceptronExercises,
  ...xorExercises,
  ...forwardExercises,
  ...linearExercises,
  ...mnistExercises,
  ...softmaxExercises,
  ...crossEntropyExercises,
  ...logisticExercises,
];

const byId = new Map(exercises.map((e) => [e.id, e]));
if (byId.size !== exercises.length) {
  const seen = new Set<string>();
  const dup = exercises.find((e) => (seen.has(e.id) ? true : (seen.add(e.id), false)));
  throw new Error(`Two exercises share the id ${JSON.stringify(dup?.id)}`);
}

/** The exercise with this id, or undefined. */
export function getExercise(id: string): Exercise | undefined {
  return byId.get(id);
}

/** Exercise ids per lesson id (e.g. '02-perceptron'), in declaration order. */
export const exerciseIdsByLesson: Readonly<Record<string, readonly string[]>> = exercises.reduce<
  Record<string, string[]>
>((acc, e) => {
  (acc[e.lesson] ??= []).push(e.id);
  return acc;
}, {});

export type { Exercise } from './define';
