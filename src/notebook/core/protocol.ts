/**
 * What crosses the sandbox boundary (worker port or process pipe), in both directions. All of
 * it is JSON-safe data: requests carry source text and encoded arguments, results carry raw
 * encoded outputs. Nothing here judges; the page and the grader do that with `judge/`.
 */
import type { Encoded } from './encode';
import type { Withholding } from './withheld';

/** Where and why a run failed. Lines and columns are 1-based, in the student's own code. */
export interface ErrorInfo {
  kind: 'syntax' | 'runtime' | 'timeout' | 'limit' | 'internal';
  /** The JS error's name, e.g. 'TypeError'. */
  name: string;
  message: string;
  line?: number;
  column?: number;
}

/** One `console.*` call: the level and each argument, encoded. */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  args: Encoded[];
}

/** One `plot(...)` call: marks and options as plain data, drawn on the page with Observable Plot. */
export interface PlotSpec {
  marks: { mark: string; data: Encoded; options: Encoded }[];
  options: Encoded;
}

/** Run a code cell. Cells share names in page order (see README: "Scope rule for cells"). */
export interface CellRequest {
  kind: 'cell';
  /** The cell's id on the page, e.g. its file '02/and-gate.ts'. */
  id: string;
  source: string;
  /** Ids of the cells above this one, top to bottom. */
  above: string[];
}

/** Evaluate an exercise attempt: load the module, then make each probe. */
export interface ExerciseRequest {
  kind: 'exercise';
  /** The student's code first, then any other programs judged on the same probes. */
  sources: string[];
  probes: Probe[];
  /** Engine names these programs may not use, and what the exercise asks for instead. */
  withheld?: Withholding;
}

/** Call an exported function with arguments, or read an exported value (no `args`). */
export interface Probe {
  export: string;
  args?: Encoded[];
  /**
   * Repeat the call, argument 0 of each being what the call before returned: many dependent
   * steps (a training run) in one round trip. For the page's figures; exercise checks never
   * chain, so their requests and the judge are as they were.
   */
  chain?: Chain;
}

/**
 * How a chained probe repeats its call. The chain is exactly `calls` plain probes made one
 * after another, each fed the value the last one sent back; it ends early at the first throw,
 * after `ms`, or when the output budget is full.
 */
export interface Chain {
  /** Most calls to make; the first is always made. */
  calls: number;
  /**
   * No call is started once this many ms have passed since the first began, so a slow function
   * takes fewer steps instead of running into the request's time limit.
   */
  ms?: number;
}

export type RunRequest = CellRequest | ExerciseRequest;

/**
 * What happened when one probe was made. A chained probe's `value` is the list of its calls'
 * values in order (no `argsAfter`); when one of its calls throws, `before` holds the values of
 * the calls before it.
 */
export type Outcome =
  | { status: 'missing'; type: string }
  | { status: 'threw'; error: ErrorInfo; before?: Encoded[] }
  | { status: 'ok'; value: Encoded; argsAfter?: Encoded[] };

/** The raw result of running one program (a cell, or one exercise source with its probes). */
export interface ProgramResult {
  logs: LogLine[];
  /** The cell's last expression, when it ended with one. */
  value?: Encoded;
  plots: PlotSpec[];
  error?: ErrorInfo;
  /** Exported names and their `typeof` (exercises). */
  exports?: Record<string, string>;
  probes?: Outcome[];
  /** Set when output was cut to the size limit. */
  truncated?: boolean;
  /** Wall time inside the sandbox, ms. */
  ms?: number;
}

export interface RunResult {
  programs: ProgramResult[];
}
