/**
 * Where a syntax error is, for the errors sucrase lets through (e.g. `let x` declared twice)
 * and the browser then reports without a position. Compiled programs keep the student's line
 * numbers (see wrap.ts), so acorn's line is the student's line. Loaded only after a failure.
 */
import { parse } from 'acorn';

export interface SyntaxLocation {
  line: number;
  column: number;
  message: string;
}

/** Parses `module` and returns the first syntax error's 1-based line and column, or null. */
export function locateSyntaxError(module: string): SyntaxLocation | null {
  try {
    parse(module, { ecmaVersion: 'latest', sourceType: 'module' });
    return null;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (!loc) return null;
    // acorn appends "(line:column)"; the page shows the position on its own.
    const message = (e as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    return { line: loc.line, column: loc.column + 1, message };
  }
}
