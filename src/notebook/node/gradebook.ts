/**
 * Grading a class: every exercise in each student's exported progress file (the file the
 * page's "Export progress" writes), through the same sandbox and judge as a single
 * submission. The result is one row per file, ready for a gradebook CSV.
 */
import { basename } from 'node:path';
import { exercises as allExercises } from '../exercises/index';
import type { Exercise } from '../exercises/define';
import { describeError } from '../judge/judge';
import { parseProgressFile } from '../progress-store';
import { gradeSubmission } from './grade';

export interface ExerciseGrade {
  exercise: string;
  /** False when the file holds no code for this exercise: it counts as 0, and is not run. */
  attempted: boolean;
  passed: number;
  total: number;
  solved: boolean;
  error?: string;
}

export interface StudentGrade {
  /** The file name without `.json`, e.g. `alice` for `submissions/alice.json`. */
  student: string;
  file: string;
  /** Why the file could not be graded at all (unreadable, not a progress file, …). */
  error?: string;
  solved: number;
  exercises: ExerciseGrade[];
}

/** Grades one exported progress file's text against every exercise (or those given). */
export async function gradeProgress(
  file: string,
  text: string | Error,
  exercises: readonly Exercise[] = allExercises,
): Promise<StudentGrade> {
  const student = basename(file).replace(/\.json$/i, '');
  const parsed =
    text instanceof Error ? { ok: false as const, why: text.message } : parseProgressFile(text);
  if (!parsed.ok) return { student, file, error: parsed.why, solved: 0, exercises: [] };
  const grades: ExerciseGrade[] = [];
  for (const ex of exercises) {
    const code = parsed.progress.exercises[ex.id]?.code;
    const total = ex.checks.length;
    if (code === undefined) {
      grades.push({ exercise: ex.id, attempted: false, passed: 0, total, solved: false });
      continue;
    }
    const f = await gradeSubmission(ex, code);
    const grade: ExerciseGrade = {
      exercise: ex.id,
      attempted: true,
      passed: f.passed,
      total: f.total,
      solved: f.solved,
    };
    if (f.error) grade.error = describeError(f.error);
    grades.push(grade);
  }
  return { student, file, solved: grades.filter((g) => g.solved).length, exercises: grades };
}

const csvField = (v: string | number) => {
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The gradebook: one row per student, a `passed/total` column per exercise (empty when not
 * attempted), the number of exercises solved, and an error column for files that could not
 * be read.
 */
export function gradebookCsv(rows: readonly StudentGrade[], exercises = allExercises): string {
  const header = ['student', 'file', 'solved', 'of', ...exercises.map((e) => e.id), 'error'];
  const lines = rows.map((r) => {
    const cells = exercises.map((ex) => {
      const g = r.exercises.find((x) => x.exercise === ex.id);
      return g?.attempted ? `${g.passed}/${g.total}` : '';
    });
    return [r.student, r.file, r.solved, exercises.length, ...cells, r.error ?? ''];
  });
  return [header, ...lines].map((l) => l.map(csvField).join(',')).join('\n') + '\n';
}
