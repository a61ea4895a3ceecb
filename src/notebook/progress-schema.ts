/**
 * The one definition of a student's progress: what the page keeps in localStorage and what
 * "Export progress" writes. The zod schemas give both the TypeScript types (`z.infer`) and the
 * validators, so the store, the page's import and the grader accept and refuse exactly the
 * same data, and a refusal names the field and what it held.
 */
import { z } from 'astro/zod';
import { describeIssues } from '../lib/zod-issues';
import { EXPORT_FORMAT, SCHEMA } from './progress-shape';

// Pages load this module on demand (an import, or stored progress that fails the zod-free
// check in progress-shape.ts). Without `jitless`, zod probes `new Function` on first use; the
// site's CSP forbids eval, so the probe is refused and Chrome logs a CSP issue (Lighthouse
// best-practices 96). The interpreted validators are plenty fast here.
z.config({ jitless: true });

export { EXPORT_FORMAT, SCHEMA };

const count = (what: string) => z.number().int().nonnegative().describe(what);
const score = (what: string) => z.number().min(0).max(1).describe(what);
const time = (what: string) => z.number().describe(`${what} (milliseconds since 1970, UTC)`);

export const cellRecordSchema = z
  .object({
    code: z.string().describe("The student's edited code of the cell."),
    base: z.string().describe('Hash of the original cell code the edit started from.'),
    savedAt: time('When the edit was saved'),
  })
  .describe('One code cell the student edited.');

export const exerciseRecordSchema = z
  .object({
    code: z.string().describe("The student's latest code for the exercise."),
    version: z
      .string()
      .describe(
        'Hash of the starter and checks when the code was saved (detects changed exercises).',
      ),
    status: z
      .enum(['attempted', 'solved'])
      .describe('"solved" once every check passed in one run; it stays solved.'),
    attempts: count('Runs of the checks.'),
    failed: count('Runs of the checks that did not solve the exercise.'),
    hintsShown: count('Hints revealed so far.'),
    lastScore: score('Passed / total checks of the latest run.'),
    bestScore: score('Best passed / total checks of any run.'),
    savedAt: time('When the code was last saved'),
    solvedAt: time('When the exercise was first solved').optional(),
  })
  .describe("One exercise's saved work and results.");

export const progressSchema = z
  .object({
    schema: z
      .literal(SCHEMA)
      .describe('Version of this shape; data with another number is not read.'),
    cells: z
      .record(z.string(), cellRecordSchema)
      .describe(
        'Edited code cells by cell file (e.g. "02/and-gate.ts"); unedited cells are absent.',
      ),
    exercises: z
      .record(z.string(), exerciseRecordSchema)
      .describe('Exercises the student worked on, by exercise id.'),
  })
  .describe("Everything the page stores about one student's work.");

export const progressFileSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT).describe('Marks the file as a DNN Workbook progress export.'),
    exportedAt: z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO 8601 date and time')
      .describe(
        'When the file was written (ISO 8601, UTC); the grader takes it as submission time.',
      ),
    progress: progressSchema.describe('The exported progress.'),
  })
  .describe('The file "Export progress" writes and import and the grader read.');

/**
 * A submission: the export narrowed to one assignment's exercises (the assignment page's
 * "Download submission"), plus who handed it in and for which assignment.
 */
export const submissionFileSchema = progressFileSchema
  .extend({
    assignment: z.string().min(1).describe('The assignment id (its file name without .md).'),
    student: z
      .object({
        name: z.string().trim().min(1).describe("The student's name, as they typed it."),
        id: z.string().trim().min(1).describe("The student's ID, as they typed it."),
      })
      .describe('Who hands the file in (asked once on the assignment page).'),
  })
  .describe('The file "Download submission" writes and `npm run grade -- --assignment` reads.');

export type SubmissionFile = z.infer<typeof submissionFileSchema>;
export type CellRecord = z.infer<typeof cellRecordSchema>;
export type ExerciseRecord = z.infer<typeof exerciseRecordSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type ProgressFile = z.infer<typeof progressFileSchema>;

/** The first problem of a failed parse as one line (field path, expected, received). */
function describeIssue(error: z.ZodError, input: unknown): string {
  return describeIssues(error, input)[0] ?? 'it is not valid';
}

/** A version gate, not a shape error: said in the student's terms. */
function otherVersion(value: unknown): string | undefined {
  const version = (value as { schema?: unknown } | null)?.schema;
  if (typeof value === 'object' && value !== null && version !== SCHEMA)
    return `it has schema ${JSON.stringify(version)}, this site reads schema ${SCHEMA}`;
  return undefined;
}

/** Why `value` is not valid stored progress, or undefined when it is. */
export function validateProgress(value: unknown): string | undefined {
  const version = otherVersion(value);
  if (version) return version;
  const result = progressSchema.safeParse(value);
  return result.success ? undefined : describeIssue(result.error, value);
}

/**
 * Reads an exported progress file (the text `exportJson` writes). Shared by the page's import
 * and the grader, so both accept and refuse exactly the same files.
 */
export function parseProgressFile(
  text: string,
): { ok: true; file: ProgressFile; progress: Progress } | { ok: false; why: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, why: 'the file is not valid JSON' };
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (typeof parsed !== 'object' || parsed === null || format !== EXPORT_FORMAT) {
    return { ok: false, why: 'this is not a DNN Workbook progress file' };
  }
  const progress = (parsed as { progress?: unknown }).progress;
  const result = progressFileSchema.safeParse(parsed);
  if (!result.success) {
    const why = otherVersion(progress) ?? describeIssue(result.error, parsed);
    return { ok: false, why: `the progress in the file is not valid (${why})` };
  }
  return { ok: true, file: result.data, progress: result.data.progress };
}
