/**
 * Withheld engine names: an exercise that asks the student to write `perceptron` does not let
 * them import the engine's `perceptronOutput`. Two guards share one message: compile time
 * refuses a named import at the student's line (compile.ts), and the engine an exercise
 * receives at run time throws the same message when a withheld name is read, which covers
 * `import * as E`, `require('@engine')` and re-exports. No DOM, no sucrase: the harness
 * imports this inside the sandbox.
 */

/** The engine exports an exercise withholds (see `ExerciseSpec.withheld`). */
export interface Withholding {
  names: string[];
  /** What the exercise asks for, e.g. "write `perceptron`": completes "asks you to … yourself". */
  task: string;
}

/** The message for reading or importing a withheld name, in the page and in the grader. */
export function withheldMessage(withheld: Withholding, name: string): string {
  return `This exercise asks you to ${withheld.task} yourself, so the engine's \`${name}\` is not available here. Other engine functions can still be imported from '@engine'.`;
}

/**
 * The engine as an exercise sees it: every export but the withheld ones, which throw when
 * read. `__esModule` makes sucrase's namespace-import helper use this object as it is instead
 * of copying every property (a copy would read, and so trip, the withheld getters).
 */
export function restrictEngine(
  engine: Record<string, unknown>,
  withheld: Withholding,
): Record<string, unknown> {
  const view: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(engine)) {
    if (!withheld.names.includes(k)) view[k] = engine[k];
  }
  for (const name of withheld.names) {
    Object.defineProperty(view, name, {
      enumerable: false,
      get() {
        throw new ReferenceError(withheldMessage(withheld, name));
      },
    });
  }
  Object.defineProperty(view, '__esModule', { value: true });
  return Object.freeze(view);
}
