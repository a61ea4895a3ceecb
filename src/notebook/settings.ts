/**
 * Instructor settings for code cells and exercises, read when the site is built.
 *
 * showSolutions — whether "Show solution" is offered at all. When it is on (the default), an
 * exercise offers its reference solution, side by side with the student's code, after its
 * `solutionAfter` failed attempts. Turn it off for graded work by building with
 *
 *     DNN_SHOW_SOLUTIONS=false npm run build
 *
 * and no reference solution is written into the built pages at all.
 *
 * timeoutMs — the wall-clock limit for one run of student code (default 2000 ms).
 */
const env = typeof process === 'undefined' ? {} : process.env;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

export const notebookSettings = {
  showSolutions: flag(env.DNN_SHOW_SOLUTIONS, true),
  timeoutMs: 2000,
} as const;
