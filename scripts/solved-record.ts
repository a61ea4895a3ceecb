/**
 * The progress record the notebook keeps for an exercise once `code` has passed its checks:
 * for browser tests and benchmarks that start from a solved exercise.
 */
import { getExercise } from '../src/notebook/exercises/index';
import type { ExerciseRecord } from '../src/notebook/progress-store';

export function solvedRecord(id: string, code: string, at = Date.now()): ExerciseRecord {
  const ex = getExercise(id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return {
    code,
    version: ex.version,
    status: 'solved',
    attempts: 1,
    failed: 0,
    hintsShown: 0,
    lastScore: 1,
    bestScore: 1,
    savedAt: at,
    solvedAt: at,
  };
}
