/**
 * "Your code drives the figure": a widget asks for the student's own function from a solved
 * exercise and calls it on many inputs, in the exercise worker (never on the page), through
 * the same request the checks use. Nothing here judges; the widget compares and draws.
 *
 * State: none of its own. The student's code is read from the progress store at each call,
 * so a later edit (or an import from another tab) is picked up by the next redraw.
 */
import { decode, encode } from '../core/encode';
import type { Chain, Outcome, Probe } from '../core/protocol';
import { exerciseRequest } from '../exercises/define';
import { getExercise } from '../exercises/index';
import { getStore } from '../progress-store';
import { exerciseRunner } from './runner';

/** The student's code for an exercise, once it has been solved; undefined before. */
export function solvedCode(exerciseId: string): string | undefined {
  const record = getStore().exercise(exerciseId);
  return record?.status === 'solved' ? record.code : undefined;
}

/** Call `fn` whenever the student's progress changes (a check, an import, another tab). */
export function onProgress(fn: () => void): () => void {
  return getStore().subscribe(() => fn());
}

/** One call's result: the value, or what went wrong (`threw`: the function itself threw). */
export type CallResult =
  { ok: true; value: unknown } | { ok: false; message: string; threw?: boolean };

/**
 * All calls' results, or why none could be made (`timedOut`: the run hit the time limit, which
 * loses a whole chain: its values never left the worker).
 */
export type StudentCalls =
  | { ok: true; results: CallResult[]; ms: number }
  | { ok: false; message: string; timedOut?: boolean };

function describe(o: Outcome): CallResult {
  if (o.status === 'ok') return { ok: true, value: decode(o.value) };
  if (o.status === 'threw')
    return { ok: false, message: `${o.error.name}: ${o.error.message}`, threw: true };
  return { ok: false, message: `the module does not export it as a function (${o.type})` };
}

/** A chained probe's outcome as one result per call made: each value, then a throw if one. */
function describeChain(o: Outcome | undefined): CallResult[] {
  if (!o) return [];
  const values = o.status === 'ok' ? o.value : o.status === 'threw' ? (o.before ?? []) : [];
  const calls = (Array.isArray(values) ? values : []).map((v): CallResult => ({
    ok: true,
    value: decode(v),
  }));
  return o.status === 'ok' ? calls : [...calls, describe(o)];
}

/**
 * Run the student's solved code for `exerciseId` on `probes` in one worker round trip, and
 * read the outcomes with `read`.
 */
async function runStudentCode(
  exerciseId: string,
  probes: Probe[],
  read: (outcomes: Outcome[]) => CallResult[],
): Promise<StudentCalls> {
  const code = solvedCode(exerciseId);
  const ex = getExercise(exerciseId);
  if (code === undefined || !ex) return { ok: false, message: 'the exercise is not solved yet' };
  // The exercise's own request (same withheld engine names as its checks), other probes.
  const outcome = await exerciseRunner().run({ ...exerciseRequest(ex, [code]), probes });
  const program = outcome.result.programs[0];
  if (program.error)
    return { ok: false, message: program.error.message, timedOut: outcome.timedOut };
  return { ok: true, results: read(program.probes ?? []), ms: outcome.ms };
}

/**
 * Run the student's solved code for `exerciseId` and call its export `name` once per entry of
 * `calls` (each an argument list). One worker round trip for all calls.
 */
export function callStudentFunction(
  exerciseId: string,
  name: string,
  calls: readonly (readonly unknown[])[],
): Promise<StudentCalls> {
  const probes = calls.map((args) => ({ export: name, args: args.map((a) => encode(a)) }));
  return runStudentCode(exerciseId, probes, (outcomes) => outcomes.map(describe));
}

/**
 * Run the student's solved code for `exerciseId` and call its export `name` on `args`, then
 * again on each value it returned in place of argument 0, up to `chain.calls` times (steps that
 * each need the last one's result). One worker round trip. The results are each call's value in
 * order, then, if a call threw, that throw (no call follows it); fewer than `chain.calls` when
 * `chain.ms` ran out or the output budget was full.
 */
export function chainStudentFunction(
  exerciseId: string,
  name: string,
  args: readonly unknown[],
  chain: Chain,
): Promise<StudentCalls> {
  const probe = { export: name, args: args.map((a) => encode(a)), chain };
  return runStudentCode(exerciseId, [probe], (outcomes) => describeChain(outcomes[0]));
}
