/**
 * Stored progress checked without zod. Every page reads localStorage on load, and the zod
 * schema (progress-schema.ts) is most of the JavaScript a page would ship before the student
 * does anything; the store therefore gates what it reads with `isProgress` and loads the
 * schema only to say why a value was refused, to import a file, and in the grader.
 *
 * `isProgress` must accept exactly what `progressSchema` accepts: the store trusts a value it
 * accepts without asking zod. tests/notebook/progress-store.test.ts holds the two to agreement
 * on every field. Change the schema and this together.
 */
import type { Progress } from './progress-schema';

export const SCHEMA = 1;
export const EXPORT_FORMAT = 'dnn-workbook-progress';

type Fields = Record<string, unknown>;

// Arrays are objects to JS but neither a zod object nor a record.
const isFields = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown) => typeof v === 'string';
// zod 4's z.number() refuses NaN and ±Infinity; its .int() takes safe integers only.
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isScore = (v: unknown) => isNumber(v) && v >= 0 && v <= 1;

function isCellRecord(v: unknown): boolean {
  return isFields(v) && isString(v.code) && isString(v.base) && isNumber(v.savedAt);
}

function isExerciseRecord(v: unknown): boolean {
  return (
    isFields(v) &&
    isString(v.code) &&
    isString(v.version) &&
    (v.status === 'attempted' || v.status === 'solved') &&
    isCount(v.attempts) &&
    isCount(v.failed) &&
    isCount(v.hintsShown) &&
    isScore(v.lastScore) &&
    isScore(v.bestScore) &&
    isNumber(v.savedAt) &&
    (v.solvedAt === undefined || isNumber(v.solvedAt))
  );
}

const isRecordOf = (v: unknown, item: (x: unknown) => boolean) =>
  isFields(v) && Object.values(v).every(item);

/** True when `value` is valid stored progress (what `validateProgress` accepts). */
export function isProgress(value: unknown): value is Progress {
  return (
    isFields(value) &&
    value.schema === SCHEMA &&
    isRecordOf(value.cells, isCellRecord) &&
    isRecordOf(value.exercises, isExerciseRecord)
  );
}
