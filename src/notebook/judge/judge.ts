/**
 * Judging an exercise attempt from the raw outcomes the sandbox sent back: per-check pass/fail
 * with expected vs got and the differing entries, a score, the misconception the attempt
 * shows (if any). Pure: the page and the Node grader call the same function.
 */
import { decode, encode, type Encoded } from '../core/encode';
import type { ErrorInfo, LogLine, Outcome, ProgramResult } from '../core/protocol';
import {
  DEFAULT_TOLERANCE,
  type CheckSpec,
  type Exercise,
  type MisconceptionSpec,
  type StudentView,
} from '../exercises/define';
import { compareValues, unrepresentable } from './compare';
import { formatNumber, formatValue } from './format';

export interface CheckResult {
  /** The check's own name, or "Hidden check k" for hidden checks. */
  name: string;
  hidden: boolean;
  passed: boolean;
  /** What was evaluated, e.g. "perceptron([-1.5, 1, 1], [1, 1])" (visible checks only). */
  input?: string;
  expected?: Encoded;
  got?: Encoded;
  /** Paths of the entries of `got` that differ from `expected` (see compare.ts). */
  diff?: string[];
  tolerance?: number;
  /** One sentence: 'passed', or what went wrong. */
  message: string;
}

export interface Feedback {
  exercise: string;
  passed: number;
  total: number;
  /** passed / total, 0…1. */
  score: number;
  solved: boolean;
  checks: CheckResult[];
  /** The recognised mistake, when the attempt fails in a known way. */
  misconception?: { id: string; title: string; message: string };
  /** The module itself failed: did not parse, threw while loading, or ran too long. */
  error?: ErrorInfo;
  /** Required exports that are missing or of the wrong kind, as sentences. */
  missing: string[];
  logs: LogLine[];
  truncated: boolean;
}

/**
 * @param student the raw result of the student's program
 * @param examples raw results of the misconception examples, in declaration order (entries
 *   may be missing; those misconceptions are then recognised only by their `detect`)
 */
export function judge(
  ex: Exercise,
  student: ProgramResult,
  examples: readonly (ProgramResult | undefined)[] = [],
): Feedback {
  const missing = missingExports(ex, student);
  let hiddenCount = 0;
  const checks = ex.checks.map((check, i) => {
    const hiddenName = check.hidden ? `Hidden check ${++hiddenCount}` : undefined;
    const outcomes = ex.probeIndex[i].map((p) => student.probes?.[p]);
    const r = evaluate(
      check,
      ex.probeIndex[i].map((p) => ex.probes[p].args),
      outcomes,
      student.error,
    );
    if (hiddenName)
      return {
        name: hiddenName,
        hidden: true,
        passed: r.passed,
        message: r.passed ? 'passed' : 'failed',
      };
    return { ...r, name: check.name, hidden: false, input: describeInput(ex, i) };
  });
  const passed = checks.filter((c) => c.passed).length;
  const total = checks.length;
  const feedback: Feedback = {
    exercise: ex.id,
    passed,
    total,
    score: total ? passed / total : 0,
    solved: passed === total && !student.error,
    checks,
    missing,
    logs: student.logs,
    truncated: student.truncated ?? false,
  };
  if (student.error) feedback.error = student.error;
  if (!feedback.solved && !student.error) {
    const m = findMisconception(ex, student, examples);
    if (m) feedback.misconception = m;
  }
  return feedback;
}

type Evaluated = Omit<CheckResult, 'name' | 'hidden' | 'input'>;

function evaluate(
  check: CheckSpec,
  probeArgs: (Encoded[] | undefined)[],
  outcomes: (Outcome | undefined)[],
  loadError: ErrorInfo | undefined,
): Evaluated {
  const tolerance = check.tolerance ?? DEFAULT_TOLERANCE;
  const fail = (message: string, extra: Partial<Evaluated> = {}): Evaluated => ({
    passed: false,
    message,
    ...extra,
  });
  if (loadError) return fail('not run: your code did not run to the end (see the error above)');
  const names = check.call
    ? [check.call[0]]
    : typeof check.read === 'string'
      ? [check.read]
      : [...(check.read ?? [])];
  for (let k = 0; k < outcomes.length; k++) {
    const o = outcomes[k];
    if (!o) return fail('not run');
    if (o.status === 'missing') {
      return fail(
        o.type === 'undefined'
          ? `your code does not export \`${names[k]}\``
          : `\`${names[k]}\` is ${o.type === 'object' ? 'an object' : `a ${o.type}`}, not a function`,
      );
    }
  }
  const out = outcomes[0] as Exclude<Outcome, { status: 'missing' }>;
  const expect = check.expect;
  if ('throws' in expect) {
    if (out.status === 'threw')
      return { passed: true, message: 'passed (it throws, as it should)' };
    return fail(
      `should throw an Error for these arguments, but returned ${formatValue(out.value)}`,
      {
        got: out.value,
      },
    );
  }
  if (out.status === 'threw') return fail(`threw ${describeError(out.error)}`);
  if ('unchanged' in expect) {
    const before = probeArgs[0]?.[expect.unchanged];
    const after = out.argsAfter?.[expect.unchanged];
    if (before === undefined || after === undefined) return fail('not run');
    const cmp = compareValues(before, after, 0);
    if (cmp.equal) return { passed: true, message: 'passed', tolerance: 0 };
    return fail(
      `changed its argument ${argName(check, expect.unchanged)}: it was ${formatValue(before)} and is now ${formatValue(after)} — build a new array instead`,
      { expected: before, got: after, diff: cmp.diff, tolerance: 0 },
    );
  }
  // A value check: the mapped value must equal the expected one.
  const raw: Encoded =
    outcomes.length === 1
      ? (out as { value: Encoded }).value
      : outcomes.map((o) => (o as { value: Encoded }).value);
  const bad = unrepresentable(raw);
  if (bad && !check.map) return fail(`returned ${bad}`, { got: raw });
  let got = raw;
  if (check.map) {
    try {
      got = encode(check.map(decode(raw)));
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e), { got: raw });
    }
  }
  const expected = encode(expect.value);
  const cmp = compareValues(expected, got, tolerance);
  if (cmp.equal) return { passed: true, message: 'passed', expected, got, tolerance };
  let message = cmp.reason ?? `expected ${formatValue(expected)}, got ${formatValue(got)}`;
  if (!cmp.reason && formatValue(expected) === formatValue(got)) {
    message += ` (they differ in digits not shown, by more than the tolerance ${formatNumber(tolerance)})`;
  }
  return fail(message, { expected, got, diff: cmp.diff, tolerance });
}

function argName(check: CheckSpec, index: number): string {
  return `#${index + 1}${check.call ? ` of ${check.call[0]}` : ''}`;
}

export function describeError(e: ErrorInfo): string {
  const where =
    e.line !== undefined
      ? ` (line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''})`
      : '';
  return `${e.name}: ${e.message}${where}`;
}

function describeInput(ex: Exercise, i: number): string {
  const check = ex.checks[i];
  if (check.input) return check.input;
  if (check.call) {
    const args = ex.probes[ex.probeIndex[i][0]].args ?? [];
    return `${check.call[0]}(${args.map((a) => formatValue(a, 50)).join(', ')})`;
  }
  return typeof check.read === 'string' ? check.read : (check.read ?? []).join(', ');
}

function missingExports(ex: Exercise, student: ProgramResult): string[] {
  if (student.error || !student.exports) return [];
  const out: string[] = [];
  for (const [name, kind] of Object.entries(ex.exports)) {
    const type = student.exports[name];
    if (type === undefined)
      out.push(
        `Export \`${name}\`: your code has no \`export ${kind === 'function' ? 'function' : 'const'} ${name}\`.`,
      );
    else if (kind === 'function' && type !== 'function')
      out.push(`\`${name}\` should be a function, but it is a ${type}.`);
    else if (kind === 'value' && type === 'function')
      out.push(`\`${name}\` should be a value, not a function.`);
  }
  return out;
}

/** The student's decoded exports, for detectors. */
export function studentView(ex: Exercise, student: ProgramResult): StudentView {
  const read = (name: string): unknown => {
    const i = ex.probes.findIndex((p) => p.export === name && !p.args);
    const o = i >= 0 ? student.probes?.[i] : undefined;
    return o && o.status === 'ok' ? decode(o.value) : undefined;
  };
  return { read, has: (name) => student.exports?.[name] !== undefined };
}

function findMisconception(
  ex: Exercise,
  student: ProgramResult,
  examples: readonly (ProgramResult | undefined)[],
): Feedback['misconception'] {
  const view = studentView(ex, student);
  for (let j = 0; j < ex.misconceptions.length; j++) {
    const m = ex.misconceptions[j];
    const hit = m.detect ? safeDetect(m, view) : sameOutcomes(ex, student, examples[j]);
    if (hit)
      return { id: m.id, title: m.title, message: typeof hit === 'string' ? hit : m.message };
  }
  return undefined;
}

function safeDetect(m: MisconceptionSpec, view: StudentView): boolean | string {
  try {
    return m.detect?.(view) ?? false;
  } catch {
    return false;
  }
}

/** True when the student's outcomes equal the example's on every probe of a value check. */
export function sameOutcomes(
  ex: Exercise,
  student: ProgramResult,
  example: ProgramResult | undefined,
): boolean {
  if (!example?.probes || !student.probes || example.error) return false;
  const tolerances = new Map<number, number>();
  ex.checks.forEach((c, i) => {
    if ('throws' in c.expect) return;
    for (const p of ex.probeIndex[i]) {
      tolerances.set(p, Math.max(tolerances.get(p) ?? 0, c.tolerance ?? DEFAULT_TOLERANCE));
    }
  });
  for (const [p, tol] of tolerances) {
    if (!outcomesEqual(student.probes[p], example.probes[p], tol)) return false;
  }
  return tolerances.size > 0;
}

function outcomesEqual(a: Outcome | undefined, b: Outcome | undefined, tol: number): boolean {
  if (!a || !b || a.status !== b.status) return false;
  if (a.status === 'missing' || a.status === 'threw') return true;
  const bb = b as typeof a;
  if (!compareValues(a.value, bb.value, tol).equal) return false;
  const aa = a.argsAfter ?? [];
  const ba = bb.argsAfter ?? [];
  return aa.length === ba.length && aa.every((x, i) => compareValues(x, ba[i], tol).equal);
}
