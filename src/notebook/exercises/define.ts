/**
 * The one way to declare an exercise: `defineExercise({...})` in a file of this folder,
 * listed in `index.ts`. The reference solution is a real TypeScript file,
 * `solutions/<id>.ts`, so it is type-checked, linted and run by the tests, and it is never
 * bundled into the page unless the instructor allows showing solutions (see settings.ts).
 *
 * Checks describe what to evaluate in the student's module (a call of an exported function,
 * or a read of exported values) and what to expect. The student's code only ever produces raw
 * values in the sandbox; everything here runs outside it, on the page or in the grader.
 */
import { encode } from '../core/encode';
import type { ExerciseRequest, Probe } from '../core/protocol';
import type { Withholding } from '../core/withheld';
import { fnv1a } from '../core/hash';

/** What a check expects of the evaluated value. */
export type Expectation =
  /** The (mapped) value equals this, numbers within the tolerance. */
  | { value: unknown }
  /** The call throws (an Error, or anything). */
  | { throws: true }
  /** The call leaves its argument at this index as it was. */
  | { unchanged: number };

export interface CheckSpec {
  /** Shown to the student for visible checks, e.g. "AND(1, 1) = 1". Hidden checks get a generic name. */
  name: string;
  /** Hidden checks report pass/fail only — never their inputs, expected values or output. */
  hidden?: boolean;
  /** Call an exported function: [name, ...arguments]. Arguments are plain data (or engine Matrices). */
  call?: readonly [string, ...unknown[]];
  /** Or read exported values; `map` then receives one value, or a tuple for several names. */
  read?: string | readonly string[];
  expect: Expectation;
  /** Absolute tolerance for numbers (default 1e-9). */
  tolerance?: number;
  /**
   * Turns the raw value into what is compared, e.g. evaluates weights on a truth table with the
   * engine. Runs outside the sandbox on decoded data; if it throws, the check fails with its message.
   */
  map?: (got: unknown) => unknown;
  /** How the input is described to the student (default: the call or the names read). */
  input?: string;
}

/** What a detector sees of the student's attempt (decoded, outside the sandbox). */
export interface StudentView {
  /** The value of an exported name, or undefined when it is missing. */
  read(name: string): unknown;
  /** True when the module exports this name. */
  has(name: string): boolean;
}

export interface MisconceptionSpec {
  /** Stable id, e.g. 'strict-greater'. */
  id: string;
  /** Short name of the mistake, e.g. "> instead of ≥". */
  title: string;
  /** A wrong answer that makes exactly this mistake. The tests run it and expect this message. */
  example: string;
  /** The feedback shown when the mistake is recognised. */
  message: string;
  /**
   * How to recognise the mistake. Without it, the student's outcomes must equal the example's
   * on every value check (visible and hidden). A detector returns true to use `message`, or a
   * message of its own (e.g. naming the gate that the weights do compute).
   */
  detect?: (student: StudentView) => boolean | string;
}

export interface ExerciseSpec {
  /** Kebab-case id, used by <Exercise id="…">, the progress store and the grader. */
  id: string;
  /** The lesson it belongs to, e.g. '02-perceptron' (the MDX file name without extension). */
  lesson: string;
  title: string;
  /** The code the student starts from. It must fail at least one check. */
  starter: string;
  /** Names the module must export, and whether each is a function or a value. */
  exports: Readonly<Record<string, 'function' | 'value'>>;
  /**
   * Engine exports that would hand over the answer: the engine's own version of each function
   * the exercise asks for (`perceptronOutput` for `perceptron`), and any export holding the
   * answer's data (`gates` for gate weights). In this exercise they cannot be imported from
   * '@engine'; trying says which function to write instead. Every other engine export stays
   * importable. The tests require each export name that is also an engine export to be listed.
   */
  withheld: readonly string[];
  checks: readonly CheckSpec[];
  /** Unlocked one at a time, one per failed attempt. */
  hints: readonly string[];
  misconceptions?: readonly MisconceptionSpec[];
  /** Failed attempts before "Show solution" is offered (default 3), when solutions are allowed. */
  solutionAfter?: number;
}

export interface Exercise extends ExerciseSpec {
  /** Hash of the starter and the checks' data: a change means stored work may be out of date. */
  version: string;
  /** The distinct calls and reads the checks need, in order. */
  probes: Probe[];
  /** For each check, the indices of the probes it uses (one, or one per name read). */
  probeIndex: number[][];
  solutionAfter: number;
  misconceptions: readonly MisconceptionSpec[];
  /** The withheld names and the task they stand for, as the sandbox receives them. */
  withholding: Withholding;
}

export const DEFAULT_TOLERANCE = 1e-9;
export const DEFAULT_SOLUTION_AFTER = 3;

/** Per-check settings of a `referenceCheck` builder, and its defaults for every check. */
export interface ReferenceCheckOptions {
  /** See `CheckSpec.hidden`; default false. */
  hidden?: boolean;
  /** See `CheckSpec.tolerance`; left out, the check has none and DEFAULT_TOLERANCE applies. */
  tolerance?: number;
}

/**
 * A builder of the commonest check: call the student's `exportName` on some arguments and
 * expect what `reference` (the engine's twin of the function asked for) returns on them.
 *
 *   const outputCheck = referenceCheck('perceptron', perceptronOutput);
 *   outputCheck('one input', [[0.5, -1], [1]]);
 *   outputCheck('random weights', [w, x], { hidden: true });
 *
 * The arguments go into the call as they are, not copied, and the reference runs on those same
 * objects once, here, at load time: engine references leave their inputs alone, and the check's
 * data (hence the exercise's version) must stay exactly what the declaration wrote.
 */
export function referenceCheck<A extends readonly unknown[]>(
  exportName: string,
  reference: (...args: A) => unknown,
  defaults: ReferenceCheckOptions = {},
): (name: string, args: A, options?: ReferenceCheckOptions) => CheckSpec {
  return (name, args, options) => {
    const { hidden = false, tolerance } = { ...defaults, ...options };
    const check: CheckSpec = {
      name,
      hidden,
      call: [exportName, ...args],
      expect: { value: reference(...args) },
    };
    // Only set when asked for, so a check without one stays as it was declared before.
    return tolerance === undefined ? check : { ...check, tolerance };
  };
}

/** Declare an exercise. Throws at load time (so the build fails) when the declaration is malformed. */
export function defineExercise(spec: ExerciseSpec): Exercise {
  validate(spec);
  const probes: Probe[] = [];
  const keys = new Map<string, number>();
  const probeFor = (p: Probe): number => {
    const key = JSON.stringify(p);
    let i = keys.get(key);
    if (i === undefined) {
      i = probes.push(p) - 1;
      keys.set(key, i);
    }
    return i;
  };
  // Every exported value is read, so detectors can look at it even if no check reads it.
  for (const [name, kind] of Object.entries(spec.exports)) {
    if (kind === 'value') probeFor({ export: name });
  }
  const probeIndex = spec.checks.map((c) => {
    if (c.call) {
      const [name, ...args] = c.call;
      return [probeFor({ export: name, args: args.map((a) => encode(a)) })];
    }
    const names = typeof c.read === 'string' ? [c.read] : [...(c.read ?? [])];
    return names.map((n) => probeFor({ export: n }));
  });
  return {
    ...spec,
    solutionAfter: spec.solutionAfter ?? DEFAULT_SOLUTION_AFTER,
    misconceptions: spec.misconceptions ?? [],
    probes,
    probeIndex,
    version: exerciseVersion(spec),
    withholding: { names: [...spec.withheld], task: taskOf(spec.exports) },
  };
}

/** "write `perceptron`", "find `hidden` and `output`": what the withheld message asks for. */
function taskOf(exports: ExerciseSpec['exports']): string {
  const list = (names: string[]) =>
    names.map((n) => `\`${n}\``).join(names.length === 2 ? ' and ' : ', ');
  const fns = Object.keys(exports).filter((n) => exports[n] === 'function');
  const values = Object.keys(exports).filter((n) => exports[n] === 'value');
  const parts = [];
  if (fns.length) parts.push(`write ${list(fns)}`);
  if (values.length) parts.push(`find ${list(values)}`);
  return parts.join(' and ');
}

/**
 * The sandbox request that runs `sources` (the student's code, or misconception examples) on
 * this exercise's probes, with its withheld engine names. Every host builds requests here.
 */
export function exerciseRequest(ex: Exercise, sources: string[]): ExerciseRequest {
  return { kind: 'exercise', sources, probes: ex.probes, withheld: ex.withholding };
}

/** A short hash of everything a stored attempt depends on: the starter and the checks' data. */
export function exerciseVersion(spec: Pick<ExerciseSpec, 'starter' | 'checks'>): string {
  const checks = spec.checks.map((c) => ({
    name: c.name,
    hidden: c.hidden ?? false,
    call: c.call ? c.call.map((a) => encode(a)) : null,
    read: c.read ?? null,
    expect: 'value' in c.expect ? { value: encode(c.expect.value) } : c.expect,
    tolerance: c.tolerance ?? DEFAULT_TOLERANCE,
  }));
  return fnv1a(JSON.stringify({ starter: spec.starter, checks }));
}

function validate(spec: ExerciseSpec): void {
  const where = `defineExercise(${JSON.stringify(spec.id)})`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spec.id)) {
    throw new Error(`${where}: id must be kebab-case, got ${JSON.stringify(spec.id)}`);
  }
  if (!/^\d\d-[a-z0-9-]+$/.test(spec.lesson)) {
    throw new Error(
      `${where}: lesson must look like '02-perceptron', got ${JSON.stringify(spec.lesson)}`,
    );
  }
  if (spec.checks.length === 0) throw new Error(`${where}: needs at least one check`);
  spec.checks.forEach((c, i) => {
    if ((c.call === undefined) === (c.read === undefined)) {
      throw new Error(`${where}: check ${i} ("${c.name}") needs exactly one of call or read`);
    }
    const names = c.call
      ? [c.call[0]]
      : typeof c.read === 'string'
        ? [c.read]
        : [...(c.read ?? [])];
    for (const n of names) {
      if (!(n in spec.exports)) {
        throw new Error(`${where}: check ${i} ("${c.name}") uses ${n}, which is not in exports`);
      }
    }
    if ('unchanged' in c.expect && !c.call) {
      throw new Error(
        `${where}: check ${i} ("${c.name}") expects an unchanged argument but makes no call`,
      );
    }
  });
  for (const n of spec.withheld) {
    if (!/^[A-Za-z_$][\w$]*$/.test(n)) {
      throw new Error(`${where}: withheld name ${JSON.stringify(n)} is not an identifier`);
    }
  }
  // A name listed twice makes the sandbox fail to build the withheld engine ("Cannot redefine
  // property"), which would look like a broken reference solution; say what is wrong instead.
  const twice = spec.withheld.find((n, i) => spec.withheld.indexOf(n) !== i);
  if (twice) throw new Error(`${where}: withheld name ${JSON.stringify(twice)} is listed twice`);
  const ids = new Set<string>();
  for (const m of spec.misconceptions ?? []) {
    if (ids.has(m.id)) throw new Error(`${where}: misconception id ${m.id} appears twice`);
    ids.add(m.id);
  }
}
