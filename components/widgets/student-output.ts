/**
 * Judging what a student's own function returned before a figure draws it ("Your code drives
 * the figure", src/notebook/browser/student-function.ts): whether it is a vector of the right
 * length, and how far it is from the engine's. Pure, so the widgets' fallbacks and their
 * messages are tested in Node; the widgets only decide what to draw from the verdict.
 */
import type { CallResult, StudentCalls } from '../../src/notebook/browser/student-function';

/**
 * `value` as `length` numbers, or a sentence (starting "it …") saying why it is not one.
 * `what` names the expected length for the sentence ("a layer of 3 units", "4 logits").
 * With `finite`, NaN and ±Infinity are refused too; without it they pass, so a figure can
 * show them (a softmax that overflows is a lesson, not a broken figure).
 */
export function checkNumbers(
  value: unknown,
  length: number,
  what: string,
  { finite = true } = {},
): number[] | string {
  if (!Array.isArray(value)) {
    const got = value === undefined ? 'nothing' : value === null ? 'null' : typeof value;
    return `it returned ${got}, not an array`;
  }
  if (value.length !== length) return `it returned ${value.length} numbers for ${what}`;
  const bad = value.findIndex((v) => typeof v !== 'number' || (finite && !Number.isFinite(v)));
  if (bad >= 0) {
    const kind = finite ? 'a finite number' : 'a number';
    return `entry ${bad} of its output is ${show(value[bad])}, not ${kind}`;
  }
  return value as number[];
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The student's value from a one-call run, checked by `check`, or why it cannot be used. */
export type StudentVerdict<T> =
  { ok: true; value: T; ms: number } | { ok: false; message: string; timedOut: boolean };

/**
 * Read the single call of `callStudentFunction`: a program that did not load or ran too long,
 * a function that threw, or a value `check` refuses each give a sentence naming which it was.
 */
export function firstResult<T>(
  res: StudentCalls,
  check: (value: unknown) => T | string,
): StudentVerdict<T> {
  if (!res.ok) return { ok: false, message: res.message, timedOut: res.timedOut === true };
  const one = checkCall(res.results[0], check);
  return one.ok
    ? { ok: true, value: one.value, ms: res.ms }
    : { ok: false, message: one.message, timedOut: false };
}

/**
 * The student's values from a run of many calls (`chainStudentFunction`), each checked by
 * `check`: all of them up to the first that cannot be used, and why that one cannot (`failure`,
 * a sentence as `firstResult` gives; null when every call's value was used).
 */
export interface StudentRun<T> {
  values: T[];
  failure: string | null;
  /** The round trip's time, ms (0 when the run did not come back). */
  ms: number;
}

export function allResults<T>(
  res: StudentCalls,
  check: (value: unknown) => T | string,
): StudentRun<T> {
  if (!res.ok) return { values: [], failure: res.message, ms: 0 };
  const values: T[] = [];
  for (const r of res.results.length ? res.results : [undefined]) {
    const one = checkCall(r, check);
    if (!one.ok) return { values, failure: one.message, ms: res.ms };
    values.push(one.value);
  }
  return { values, failure: null, ms: res.ms };
}

function checkCall<T>(
  r: CallResult | undefined,
  check: (value: unknown) => T | string,
): { ok: true; value: T } | { ok: false; message: string } {
  if (!r) return { ok: false, message: 'it was not called' };
  if (!r.ok) return { ok: false, message: r.threw ? `it threw ${r.message}` : r.message };
  const value = check(r.value);
  return typeof value === 'string' ? { ok: false, message: value } : { ok: true, value };
}

/**
 * The largest |a_i − b_i| (0 for empty vectors). Equal entries count as 0 even when both are
 * infinite; a NaN on either side makes the whole difference NaN, as the comparison is then
 * meaningless (the caller says so in words).
 */
export function largestDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return NaN;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) return NaN;
    if (a[i] !== b[i]) max = Math.max(max, Math.abs(a[i] - b[i]));
  }
  return max;
}

/** A message as a sentence: a full stop added unless it already ends with one (or ? or !). */
export const asSentence = (message: string) => (/[.?!]$/.test(message) ? message : `${message}.`);

/** A difference as the widgets print it: "0", "3.0e-13", or "not a number". */
export function formatDifference(d: number): string {
  if (Number.isNaN(d)) return 'not a number';
  return d === 0 ? '0' : d.toExponential(1);
}
