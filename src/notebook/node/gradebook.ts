/**
 * Grading a class: every exercise in each student's exported progress file (the file the
 * page's "Export progress" writes), through the same sandbox and judge as a single
 * submission. The result is one row per file, ready for a gradebook CSV.
 */
import { basename } from 'node:path';
import { exercises as allExercises } from '../exercises/index';
import { exerciseRequest, type Exercise } from '../exercises/define';
import { describeError, judge, type Feedback } from '../judge/judge';
import { parseProgressFile, submissionFileSchema } from '../progress-schema';
import { describeIssues } from '../../lib/zod-issues';
import type { Assignment } from '../../content/course';
import type { RunResult } from '../core/protocol';
import { gradeSubmission } from './grade';
import type { SandboxRequest } from './sandbox';

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
    grades.push(attemptedGrade(ex, await gradeSubmission(ex, code)));
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

/* ------------------------------------------------------------------------------------------ */
/* Grading an assignment: `npm run grade -- --assignment <id> --progress submissions/*.json`   */
/* ------------------------------------------------------------------------------------------ */

/** One submission file's row in an assignment's gradebook. */
export interface SubmissionGrade {
  name: string;
  id: string;
  file: string;
  /** The file's exportedAt (ISO), when readable. */
  submittedAt: string;
  /** False for a file that could not be graded at all (then `late` means nothing). */
  graded: boolean;
  late: boolean;
  /** By exercise id; only the assignment's exercises. */
  exercises: Record<string, ExerciseGrade>;
  points: number;
  maxPoints: number;
  /** Why the file earned nothing (unreadable, another assignment, no student, refused late) … */
  error?: string;
  /** … or a flag on a graded file (a student ID that another file has too). */
  flag?: string;
}

/** Runs sandboxed requests; `SandboxPool#run` or `runInSandbox`. */
export type Runner = (requests: SandboxRequest[]) => Promise<RunResult[]>;

/**
 * Runs every check of `ex` (hidden ones included) on the student's code and keeps only the
 * counts: nothing about a hidden check leaves this function but pass or fail.
 */
async function gradeChecks(ex: Exercise, code: string, run: Runner): Promise<ExerciseGrade> {
  const [result] = await run([exerciseRequest(ex, [code])]);
  return attemptedGrade(ex, judge(ex, result.programs[0]));
}

/** The grade of an attempted exercise from its checks' feedback: counts, and why it failed to run. */
function attemptedGrade(
  ex: Exercise,
  f: Pick<Feedback, 'passed' | 'total' | 'solved' | 'error'>,
): ExerciseGrade {
  const grade: ExerciseGrade = {
    exercise: ex.id,
    attempted: true,
    passed: f.passed,
    total: f.total,
    solved: f.solved,
  };
  if (f.error) grade.error = describeError(f.error);
  return grade;
}

/** Reads a submission: who it is from, and either its parsed content or why it cannot be graded. */
function readSubmission(text: string | Error, assignment: Assignment) {
  if (text instanceof Error) return { error: text.message };
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return { error: parsed.why };
  const raw = JSON.parse(text) as { assignment?: unknown; student?: unknown };
  const sub = submissionFileSchema.safeParse(raw);
  const student = (raw.student ?? {}) as { name?: unknown; id?: unknown };
  const who = {
    name: typeof student.name === 'string' ? student.name.trim() : '',
    id: typeof student.id === 'string' ? student.id.trim() : '',
  };
  if (raw.assignment === undefined)
    return {
      who,
      parsed,
      error: `not a submission (no "assignment" field): ask the student to use "Download submission" on the assignment page`,
    };
  if (raw.assignment !== assignment.id)
    return {
      who,
      parsed,
      error: `a submission for ${JSON.stringify(raw.assignment)}, not for "${assignment.id}"`,
    };
  if (!sub.success) {
    const problem = describeIssues(sub.error, raw)[0];
    return { who, parsed, error: `the submission has no usable student name and ID (${problem})` };
  }
  return { who: { name: sub.data.student.name, id: sub.data.student.id }, parsed, sub: sub.data };
}

/** Grades one submission file (its text, or the error from reading it) for `assignment`. */
export async function gradeSubmissionFile(
  file: string,
  text: string | Error,
  assignment: Assignment,
  run: Runner,
  registry: readonly Exercise[] = allExercises,
): Promise<SubmissionGrade> {
  const r = readSubmission(text, assignment);
  const row: SubmissionGrade = {
    name: r.who?.name ?? '',
    id: r.who?.id ?? '',
    file,
    submittedAt: r.parsed?.ok ? r.parsed.file.exportedAt : '',
    graded: false,
    late: false,
    exercises: {},
    points: 0,
    maxPoints: assignment.maxPoints,
  };
  if (!r.sub) return { ...row, error: r.error };
  row.graded = true;
  row.late = new Date(r.sub.exportedAt).getTime() > assignment.due.getTime();
  const grades = await Promise.all(
    assignment.exercises.map(async (a) => {
      const ex = registry.find((e) => e.id === a.id);
      const code = r.sub.progress.exercises[a.id]?.code;
      if (!ex) throw new Error(`exercise ${a.id} of ${assignment.id} is not in the registry`);
      if (code === undefined)
        return {
          exercise: a.id,
          attempted: false,
          passed: 0,
          total: ex.checks.length,
          solved: false,
        };
      return gradeChecks(ex, code, run);
    }),
  );
  for (const g of grades) row.exercises[g.exercise] = g;
  row.points = assignment.exercises.reduce(
    (sum, a) => sum + (row.exercises[a.id]?.solved ? a.points : 0),
    0,
  );
  if (row.late && assignment.late === 'refuse') {
    row.points = 0;
    row.error = `late: submitted ${row.submittedAt}, due ${assignment.dueIso}; this assignment refuses late work`;
  }
  return row;
}

/**
 * Flags every graded row whose student ID another graded row has too (all of them are kept).
 * Files that could not be graded (e.g. another assignment's) do not count.
 */
export function flagDuplicateIds(rows: SubmissionGrade[]): void {
  const byId = new Map<string, SubmissionGrade[]>();
  for (const r of rows) if (r.graded && r.id) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const r of same) {
      const others = same.filter((o) => o !== r).map((o) => o.file);
      r.flag = `duplicate student ID ${JSON.stringify(id)}: also in ${others.join(', ')}`;
    }
  }
}

/**
 * A field as a spreadsheet or LMS reads it: quoted when it holds a comma, quote or line break,
 * and never a formula — text starting with =, +, -, @ (or a tab or carriage return) gets a
 * leading apostrophe, the usual CSV-injection guard.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The assignment's gradebook: one header row, one row per file; columns name, id, file,
 * submitted_at, late, one `passed/total` column per exercise (empty when not attempted),
 * points, max_points, error. UTF-8, CRLF line ends (RFC 4180), no formulas.
 */
export function assignmentCsv(assignment: Assignment, rows: readonly SubmissionGrade[]): string {
  const ids = assignment.exercises.map((e) => e.id);
  const header = [
    'name',
    'id',
    'file',
    'submitted_at',
    'late',
    ...ids,
    'points',
    'max_points',
    'error',
  ];
  const lines = rows.map((r) => {
    return [
      r.name,
      r.id,
      r.file,
      r.submittedAt,
      r.graded ? (r.late ? 'yes' : 'no') : '',
      ...ids.map((id) => {
        const g = r.exercises[id];
        return g?.attempted ? `${g.passed}/${g.total}` : '';
      }),
      r.points,
      r.maxPoints,
      [r.error, r.flag].filter(Boolean).join('; '),
    ];
  });
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
