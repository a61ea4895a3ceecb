/**
 * The in-sandbox half of the runner. It lives in the same realm as student code (the Web
 * Worker, or the Node grader's vm context), runs compiled programs and returns raw outputs.
 * It never judges: checks compare these outputs outside the sandbox.
 *
 * State: `published`, a map from cell id to the names that cell declared at top level and
 * their values after its last successful run. It lives as long as the worker or vm context;
 * a replaced worker starts empty.
 *
 * A request is handled in two steps so the host can compile between them: `prepare` gives
 * the complete source of each program function (cells get the names they inherit as `let`
 * bindings on line 1), the host turns each into a function in this realm (blob import in the
 * worker, vm.Script in Node), then `execute` runs them.
 */
import { createBudget, decode, encode, type Budget, type Encoded } from './encode';
import type { CompiledProgram, CompileFailure } from './compile';
import { wrapProgram } from './wrap';
import { restrictEngine, type Withholding } from './withheld';
import type {
  Chain,
  ErrorInfo,
  LogLine,
  Outcome,
  PlotSpec,
  ProgramResult,
  Probe,
  RunResult,
} from './protocol';

export type Compiled = CompiledProgram | CompileFailure;

export type HarnessRequest =
  | { kind: 'cell'; id: string; above: string[]; program: Compiled }
  | { kind: 'exercise'; programs: Compiled[]; probes: Probe[]; withheld?: Withholding };

/** A compiled program function; parameters as in `PROGRAM_PARAMS`. */
export type ProgramFn = (
  require: (spec: string) => unknown,
  exports: Record<string, unknown>,
  console: Record<string, unknown>,
  plot: unknown,
  nb: { value(v: unknown): void; publish(names: Record<string, unknown>): void },
  scope: Record<string, unknown>,
) => void;

/** A loaded program: its function, or why it could not be loaded (e.g. a duplicate `let`). */
export type Loaded = ProgramFn | ErrorInfo;

export interface PreparedSource {
  filename: string;
  source: string;
}

export interface Harness {
  prepare(req: HarnessRequest): PreparedSource[];
  execute(req: HarnessRequest, loaded: Loaded[], filenames: string[]): RunResult;
  /** Forget all cells' published names. */
  reset(): void;
}

const MAX_LOG_LINES = 500;
const PLOT_MARKS = new Set([
  'line',
  'lineY',
  'dot',
  'barY',
  'barX',
  'areaY',
  'ruleX',
  'ruleY',
  'cell',
  'text',
]);
const MARK = Symbol('plot mark');
const now = Date.now;
const objectKeys = Object.keys;
const isArray = Array.isArray;
const stringOf = String;

export function createHarness(engine: Record<string, unknown>): Harness {
  const published = new Map<string, Record<string, unknown>>();
  let counter = 0;

  // Engine names reach a program only through `import … from '@engine'`: an undeclared `step`
  // must be a ReferenceError (with a hint), not silently the engine's function.
  function visibleScope(above: string[]): Record<string, unknown> {
    const scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const id of above) {
      const names = published.get(id);
      if (names) for (const k of objectKeys(names)) scope[k] = names[k];
    }
    return scope;
  }

  function inherited(p: CompiledProgram, scope: Record<string, unknown>): string[] {
    const own = new Set([...p.declared, ...p.imported]);
    return p.referenced.filter((n) => n in scope && !own.has(n));
  }

  return {
    prepare(req) {
      const programs = req.kind === 'cell' ? [req.program] : req.programs;
      const scope = req.kind === 'cell' ? visibleScope(req.above) : undefined;
      return programs.map((p, i) => {
        counter++;
        const filename = req.kind === 'cell' ? `cell-${counter}.ts` : `exercise-${counter}-${i}.ts`;
        if (!p.ok) return { filename, source: '' };
        const names = scope ? inherited(p, scope) : [];
        return { filename, source: wrapProgram(p.js, names, scope ? p.declared : []) };
      });
    },
    execute(req, loaded, filenames) {
      if (req.kind === 'cell') {
        const scope = visibleScope(req.above);
        const result = runProgram(req.program, loaded[0], filenames[0], scope, engine);
        if (!result.error) published.set(req.id, result.names);
        else published.delete(req.id);
        return { programs: [result.result] };
      }
      const view = req.withheld ? restrictEngine(engine, req.withheld) : engine;
      return {
        programs: req.programs.map(
          (p, i) => runProgram(p, loaded[i], filenames[i], {}, engine, req.probes, view).result,
        ),
      };
    },
    reset() {
      published.clear();
    },
  };
}

function runProgram(
  program: Compiled,
  loaded: Loaded,
  filename: string,
  scope: Record<string, unknown>,
  engine: Record<string, unknown>,
  probes?: Probe[],
  /** What `import … from '@engine'` gives this program (an exercise's withholds names). */
  view: Record<string, unknown> = engine,
): { result: ProgramResult; names: Record<string, unknown>; error: boolean } {
  const start = now();
  const budget = createBudget();
  const logs: LogLine[] = [];
  const plots: PlotSpec[] = [];
  const result: ProgramResult = { logs, plots };
  let names: Record<string, unknown> = {};
  const finish = (error?: ErrorInfo) => {
    if (error) result.error = error;
    if (budget.truncated) result.truncated = true;
    result.ms = now() - start;
    return { result, names, error: error !== undefined };
  };
  if (!program.ok) return finish(program.error);
  if (typeof loaded !== 'function') return finish(loaded);

  const exports: Record<string, unknown> = {};
  const nb = {
    value(v: unknown) {
      result.value = encode(v, budget);
    },
    publish(n: Record<string, unknown>) {
      names = n;
    },
  };
  try {
    loaded(requireFor(view), exports, makeConsole(logs, budget), makePlot(plots), nb, scope);
  } catch (e) {
    return finish(withEngineHint(errorInfo(e, filename), engine));
  }
  if (probes) {
    result.exports = {};
    for (const k of objectKeys(exports)) {
      if (k === '__esModule') continue;
      // A re-export is a getter, and reading a withheld one throws.
      try {
        result.exports[k] = typeof exports[k];
      } catch {
        result.exports[k] = 'undefined';
      }
    }
    result.probes = probes.map((p) => makeProbe(exports, p, filename, budget, engine));
  }
  return finish();
}

function requireFor(engine: Record<string, unknown>) {
  return (spec: string): unknown => {
    if (spec === '@engine') return engine;
    throw new Error(`Only '@engine' can be imported here, not '${spec}'.`);
  };
}

function makeProbe(
  exports: Record<string, unknown>,
  probe: Probe,
  filename: string,
  budget: Budget,
  engine: Record<string, unknown>,
): Outcome {
  let target: unknown;
  try {
    target = exports[probe.export];
  } catch (e) {
    return { status: 'threw', error: errorInfo(e, filename) };
  }
  if (!probe.args) {
    if (target === undefined) return { status: 'missing', type: 'undefined' };
    return { status: 'ok', value: encode(target, budget) };
  }
  if (typeof target !== 'function') return { status: 'missing', type: typeof target };
  const fn = target as (...a: unknown[]) => unknown;
  if (probe.chain) return makeChain(fn, probe.args, probe.chain, filename, budget, engine);
  const args = probe.args.map((a) => decodeIn(a, engine));
  try {
    const value: unknown = fn(...args);
    return {
      status: 'ok',
      value: encode(value, budget),
      argsAfter: args.map((a) => encode(a, budget)),
    };
  } catch (e) {
    return { status: 'threw', error: withEngineHint(errorInfo(e, filename), engine) };
  }
}

/**
 * Call `fn` up to `chain.calls` times. Each call gets fresh arguments decoded from `args`, with
 * argument 0 the previous call's value as it was sent back (encoded, then decoded), so the
 * chain gives what as many round trips, each fed the last answer, would give, and a function
 * that mutates its inputs cannot change the next call's. Every value kept is whole: the chain
 * ends before a value the output budget cut (the first is kept even then, as a plain probe's
 * would be), and the program's `truncated` says so.
 */
function makeChain(
  fn: (...a: unknown[]) => unknown,
  args: Encoded[],
  chain: Chain,
  filename: string,
  budget: Budget,
  engine: Record<string, unknown>,
): Outcome {
  const values: Encoded[] = [];
  const start = now();
  let first = args[0];
  do {
    const callArgs = args.map((a, i) => decodeIn(i === 0 ? first : a, engine));
    let value: unknown;
    try {
      value = fn(...callArgs);
    } catch (e) {
      const error = withEngineHint(errorInfo(e, filename), engine);
      return { status: 'threw', error, before: values };
    }
    // Whether this value was cut, whatever was cut before it.
    const cutBefore = budget.truncated;
    budget.truncated = false;
    const encoded = encode(value, budget);
    const cut = budget.truncated;
    budget.truncated = cut || cutBefore;
    if (cut && values.length > 0) break;
    values.push(encoded);
    if (cut) break;
    first = encoded;
  } while (values.length < chain.calls && !(chain.ms !== undefined && now() - start >= chain.ms));
  return { status: 'ok', value: values };
}

/**
 * "step is not defined" when `step` is an engine export: say how to import it. (Inside an
 * exercise a withheld name never gets here: importing it already failed with its own message.)
 */
function withEngineHint(info: ErrorInfo, engine: Record<string, unknown>): ErrorInfo {
  const m = /^(\S+) is not defined$/.exec(info.message);
  if (info.name !== 'ReferenceError' || !m || !objectKeys(engine).includes(m[1])) return info;
  const name = m[1];
  return {
    ...info,
    message: `${info.message}. \`${name}\` is an engine export: add \`import { ${name} } from '@engine';\` at the top, or declare it yourself.`,
  };
}

/** Decode probe arguments into this realm, rebuilding engine matrices as real `Matrix`es. */
function decodeIn(e: Encoded, engine: Record<string, unknown>): unknown {
  if (e !== null && typeof e === 'object' && !isArray(e) && e.$ === 'matrix') {
    const M = engine.Matrix as new (r: number, c: number, d: Float32Array) => unknown;
    return new M(e.rows, e.cols, Float32Array.from(e.v as number[]));
  }
  if (isArray(e)) return e.map((x) => decodeIn(x, engine));
  return decode(e);
}

function makeConsole(logs: LogLine[], budget: Budget) {
  const line =
    (level: LogLine['level']) =>
    (...args: unknown[]) => {
      if (logs.length >= MAX_LOG_LINES) {
        budget.truncated = true;
        return;
      }
      logs.push({ level, args: args.map((a) => encode(a, budget)) });
    };
  return {
    log: line('log'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    debug: line('debug'),
    table: line('log'),
  };
}

interface MarkSpec {
  [MARK]: true;
  mark: string;
  data: unknown;
  options: unknown;
}

/** `plot(marks, options)` plus `plot.line(data, options)` etc. Data only: no functions. */
function makePlot(plots: PlotSpec[]) {
  const budget = createBudget(200_000, 20_000);
  const plain = (v: unknown, what: string): Encoded => {
    const e = encode(v, budget);
    if (JSON.stringify(e).includes('"$":"function"')) {
      throw new TypeError(
        `plot: ${what} must be plain data (field names, numbers, colours), not functions`,
      );
    }
    return e;
  };
  const isMark = (m: unknown): m is MarkSpec =>
    typeof m === 'object' && m !== null && (m as Partial<MarkSpec>)[MARK] === true;
  const plot = (marks: unknown, options: unknown = {}) => {
    let list: unknown[] = isArray(marks) ? marks : [marks];
    if (isArray(marks) && marks.every((m) => typeof m === 'number')) list = [mark('lineY')(marks)];
    const specs = list.map((m) => {
      if (!isMark(m)) {
        throw new TypeError(
          'plot: pass marks made with plot.line(…), plot.dot(…), … or an array of numbers',
        );
      }
      return { mark: m.mark, data: plain(m.data, 'data'), options: plain(m.options, 'options') };
    });
    plots.push({ marks: specs, options: plain(options, 'options') });
  };
  const mark =
    (name: string) =>
    (data: unknown, options: unknown = {}): MarkSpec => ({
      [MARK]: true,
      mark: name,
      data,
      options,
    });
  for (const name of PLOT_MARKS) (plot as unknown as Record<string, unknown>)[name] = mark(name);
  return plot;
}

/** Name, message and the student's line for anything thrown. */
export function errorInfo(e: unknown, filename: string): ErrorInfo {
  if (typeof e !== 'object' || e === null) {
    return { kind: 'runtime', name: 'Thrown value', message: `threw ${describeThrown(e)}` };
  }
  let name = 'Error';
  let message = '';
  let stack = '';
  try {
    const err = e as { name?: unknown; message?: unknown; stack?: unknown };
    name = stringOf(err.name ?? 'Error');
    message = stringOf(err.message ?? '');
    stack = typeof err.stack === 'string' ? err.stack : '';
  } catch {
    // A hostile error object: keep the defaults.
  }
  const info: ErrorInfo = { kind: 'runtime', name, message };
  const line = lineIn(stack, filename);
  if (line !== undefined) info.line = line;
  if (name === 'RangeError' && /call stack/i.test(message)) {
    info.message = `${message} — does a function call itself without end?`;
  }
  return info;
}

function describeThrown(e: unknown): string {
  if (typeof e === 'string') return JSON.stringify(e);
  return stringOf(e);
}

/** The line of the first stack frame in `filename` (the innermost student frame). */
export function lineIn(stack: string, filename: string): number | undefined {
  let at = stack.indexOf(filename + ':');
  while (at >= 0) {
    const m = /^:(\d+):\d+/.exec(stack.slice(at + filename.length));
    if (m) return Number(m[1]);
    at = stack.indexOf(filename + ':', at + 1);
  }
  return undefined;
}
