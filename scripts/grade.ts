/**
 * The grader CLI. Runs a submission against an exercise's visible and hidden checks in the
 * Node sandbox (src/notebook/node/sandbox.ts) and prints a report.
 *
 *   npm run grade -- --list                          every exercise id, one per line
 *   npm run grade -- <exercise-id> <solution.ts>     a readable report
 *   npm run grade -- <exercise-id> <solution.ts> --json
 *        … ending with one JSON line: {exercise, passed, total, checks: [{name, passed, message}], error?}
 *   npm run grade -- --progress <export.json>... [--csv gradebook.csv] [--json]
 *        every exercise in each student's exported progress file; --csv writes a gradebook
 *   npm run grade -- --assignment <id> --progress <submission.json>... [--csv gradebook.csv]
 *                    [--json] [--course content/course.yaml]
 *        exactly the assignment's exercises from each submission, in a pool of sandboxed
 *        processes; the gradebook has name, id, file, submitted_at, late, passed/total per
 *        exercise, points, max_points, error
 *
 * Exit status: 0 every check passed; 1 a check failed, or the code threw, ran too long or did
 * not parse; 2 bad usage, an unknown exercise id or an unreadable file (with --progress: after
 * grading the readable files, when any file could not be read or is not a progress file).
 * With --assignment: 0 every file was graded; 1 some were flagged (duplicate student IDs) or
 * refused as late; 2 some file could not be graded (unreadable, another assignment, no student).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gradebookCsv, gradeProgress, type StudentGrade } from '../src/notebook/node/gradebook';
import { exercises, getExercise } from '../src/notebook/exercises/index';
import { gradeSubmission } from '../src/notebook/node/grade';
import { describeError, type Feedback } from '../src/notebook/judge/judge';
import { formatValue } from '../src/notebook/judge/format';
import {
  assignmentCsv,
  flagDuplicateIds,
  gradeSubmissionFile,
  type SubmissionGrade,
} from '../src/notebook/node/gradebook';
import { SandboxPool } from '../src/notebook/node/pool';
import { loadAssignments, loadCourse, publishedLessonIds } from '../src/content/course';

const USAGE = `usage: npm run grade -- --list
       npm run grade -- <exercise-id> <solution.ts> [--json]
       npm run grade -- --progress <export.json>... [--csv gradebook.csv] [--json]
       npm run grade -- --assignment <id> --progress <submission.json>... [--csv gradebook.csv] [--json] [--course course.yaml]`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function report(f: Feedback): string {
  const lines = [
    `${f.exercise}: ${f.passed}/${f.total} checks passed${f.solved ? ' — solved' : ''}`,
  ];
  if (f.error) lines.push(`  error: ${describeError(f.error)}`);
  for (const m of f.missing) lines.push(`  ${m}`);
  for (const c of f.checks) {
    lines.push(`  ${c.passed ? 'PASS' : 'FAIL'}  ${c.name}${c.input ? `  [${c.input}]` : ''}`);
    if (!c.passed) {
      const { expected, got } = c;
      const shown = expected !== undefined && got !== undefined && !c.hidden;
      // A plain "expected …, got …" message would only repeat the line below (as in the page).
      if (!(shown && c.message.startsWith('expected '))) lines.push(`        ${c.message}`);
      if (shown) lines.push(`        expected ${formatValue(expected)}   got ${formatValue(got)}`);
    }
  }
  if (f.misconception)
    lines.push(`  likely mistake (${f.misconception.title}): ${f.misconception.message}`);
  return lines.join('\n');
}

function studentReport(s: StudentGrade): string {
  if (s.error) return `${s.file}: not graded — ${s.error}`;
  const lines = [`${s.file}: ${s.solved}/${s.exercises.length} exercises solved`];
  for (const g of s.exercises) {
    const mark = !g.attempted ? '  -   ' : g.solved ? '  PASS' : '  FAIL';
    const what = g.attempted ? `${g.passed}/${g.total} checks` : 'not attempted';
    lines.push(`${mark}  ${g.exercise}: ${what}${g.error ? ` (${g.error})` : ''}`);
  }
  return lines.join('\n');
}

/** `--progress a.json b.json [--csv out.csv]`: grade whole exported progress files. */
async function gradeClass(args: string[], json: boolean): Promise<number> {
  const csvAt = args.indexOf('--csv');
  const csv = csvAt >= 0 ? args[csvAt + 1] : undefined;
  if (csvAt >= 0 && (!csv || csv.startsWith('--'))) usage('--csv needs a file name');
  const files = args.filter((a, i) => a !== '--progress' && a !== '--csv' && i !== csvAt + 1);
  if (files.length === 0 || files.some((f) => f.startsWith('--')))
    usage('expected one or more exported progress files after --progress');
  const rows: StudentGrade[] = [];
  for (const file of files) {
    let text: string | Error;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      text = new Error(`cannot read it (${(e as Error).message})`);
    }
    const row = await gradeProgress(file, text);
    console.log(studentReport(row));
    rows.push(row);
  }
  if (csv) {
    writeFileSync(csv, gradebookCsv(rows));
    console.log(`gradebook written to ${csv} (${rows.length} students)`);
  }
  if (json) console.log(JSON.stringify({ students: rows }));
  if (rows.some((r) => r.error)) return 2;
  return rows.every((r) => r.solved === r.exercises.length) ? 0 : 1;
}

/** Takes `--name value` out of args; undefined when absent. */
function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) usage(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

function submissionReport(r: SubmissionGrade): string {
  const who = `${r.file} (${r.name || '?'}, ${r.id || '?'})`;
  if (!r.graded) return `${who}: not graded — ${r.error ?? ''}`;
  const lines = [
    `${who}: ${r.points}/${r.maxPoints} points${r.late ? ', late' : ''}${r.error ? ` — ${r.error}` : ''}${r.flag ? ` — ${r.flag}` : ''}`,
  ];
  for (const g of Object.values(r.exercises)) {
    const mark = !g.attempted ? '  -   ' : g.solved ? '  PASS' : '  FAIL';
    const what = g.attempted ? `${g.passed}/${g.total} checks` : 'not attempted';
    lines.push(`${mark}  ${g.exercise}: ${what}${g.error ? ` (${g.error})` : ''}`);
  }
  return lines.join('\n');
}

/** `--assignment <id> --progress a.json b.json [--csv out.csv]`: grade an assignment's submissions. */
async function gradeAssignment(argv: string[], json: boolean): Promise<number> {
  const args = [...argv];
  const id = option(args, '--assignment') as string;
  const csv = option(args, '--csv');
  const coursePath = option(args, '--course');
  const files = args.filter((a) => a !== '--progress');
  if (!args.includes('--progress') || files.length === 0 || files.some((f) => f.startsWith('--')))
    usage('expected submission files after --progress');
  const course = loadCourse(coursePath);
  const lessons = course.config.lessons ?? publishedLessonIds();
  const assignments = loadAssignments(course, { lessons, exercises });
  const assignment = assignments.find((a) => a.id === id);
  if (!assignment)
    usage(
      `unknown assignment '${id}' in ${course.file} (assignments: ${assignments.map((a) => a.id).join(', ') || 'none'})`,
    );
  const pool = new SandboxPool();
  const started = Date.now();
  let rows: SubmissionGrade[];
  try {
    rows = await Promise.all(
      files.map((file) => {
        let text: string | Error;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          text = new Error(
            `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
          );
        }
        return gradeSubmissionFile(file, text, assignment, (r) => pool.run(r));
      }),
    );
  } finally {
    pool.close();
  }
  flagDuplicateIds(rows);
  for (const r of rows) console.log(submissionReport(r));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${assignment.id}: ${rows.length} submission${rows.length === 1 ? '' : 's'} × ${assignment.exercises.length} exercises graded in ${seconds} s (${pool.size} sandbox processes)`,
  );
  if (csv) {
    writeFileSync(csv, assignmentCsv(assignment, rows));
    console.log(`gradebook written to ${csv}`);
  }
  if (json) console.log(JSON.stringify({ assignment: assignment.id, submissions: rows }));
  if (rows.some((r) => !r.graded)) return 2;
  return rows.some((r) => r.flag || r.error) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  if (args.includes('--assignment')) return gradeAssignment(args, json);
  if (args.length === 1 && args[0] === '--list') {
    for (const e of exercises) console.log(e.id);
    return 0;
  }
  if (args[0] === '--progress') return gradeClass(args, json);
  if (args.length !== 2 || args.some((a) => a.startsWith('--')))
    usage('expected an exercise id and a file');
  const [id, file] = args;
  const ex = getExercise(id);
  if (!ex) usage(`unknown exercise id '${id}' (see --list)`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const f = await gradeSubmission(ex, source);
  console.log(report(f));
  if (json) {
    const out: Record<string, unknown> = {
      exercise: f.exercise,
      passed: f.passed,
      total: f.total,
      checks: f.checks.map((c) => ({ name: c.name, passed: c.passed, message: c.message })),
    };
    if (f.error) out.error = describeError(f.error);
    console.log(JSON.stringify(out));
  }
  return f.solved ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
