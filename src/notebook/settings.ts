/**
 * Instructor settings for code cells and exercises, read when the site is built (server side
 * only: it reads the course files).
 *
 * Solutions — whether, and after how many failed attempts, an exercise offers "Show solution"
 * (side by side with the student's code). Decided per exercise by `solutionFor`, from:
 *   1. DNN_SHOW_SOLUTIONS=false in the build's environment: never, for the whole site (kept
 *      for existing deployments; it overrides the course file);
 *   2. the course file's `solutions`: `never`, or `{after-attempts: n}` for every exercise
 *      (left out: the exercise's own `solutionAfter`, 3 by default);
 *   3. each assignment that contains the exercise: `never`, or `after-due` — no solution in
 *      pages built before the due date; rebuild after it to publish them.
 * When no solution is offered, the reference solution is not written into the page at all.
 *
 * timeoutMs — the wall-clock limit for one run of student code (default 2000 ms).
 */
import { loadAssignments, loadCourse, publishedLessonIds } from '../content/course';
import { exercises } from './exercises/index';

const env = typeof process === 'undefined' ? {} : process.env;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

export const notebookSettings = {
  showSolutions: flag(env.DNN_SHOW_SOLUTIONS, true),
  timeoutMs: 2000,
} as const;

let assignments: ReturnType<typeof loadAssignments> | undefined;

/** The course's assignments, read once per build (every exercise on every page asks). */
function courseAssignments(): ReturnType<typeof loadAssignments> {
  const course = loadCourse();
  const lessons = course.config.lessons ?? publishedLessonIds();
  assignments ??= loadAssignments(course, { lessons, exercises });
  return assignments;
}

export type SolutionOffer =
  | { show: false; why: string }
  | { show: true; /** failed attempts before the button appears */ after: number };

/** Whether the page for exercise `id` (default threshold `solutionAfter`) carries its solution. */
export function solutionFor(id: string, solutionAfter: number, now = new Date()): SolutionOffer {
  if (!notebookSettings.showSolutions) return { show: false, why: 'DNN_SHOW_SOLUTIONS=false' };
  const course = loadCourse();
  const policy = course.config.solutions;
  if (policy === 'never') return { show: false, why: `${course.file}: solutions: never` };
  for (const a of courseAssignments()) {
    if (!a.exercises.some((e) => e.id === id)) continue;
    if (a.solutions === 'never') return { show: false, why: `${a.file}: solutions: never` };
    if (a.solutions === 'after-due' && now < a.due)
      return { show: false, why: `${a.file}: solutions: after-due (due ${a.dueIso})` };
  }
  return { show: true, after: policy?.['after-attempts'] ?? solutionAfter };
}
