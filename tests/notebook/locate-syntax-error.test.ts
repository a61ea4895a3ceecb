import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/notebook/core/compile';
import { wrapProgram } from '../../src/notebook/core/wrap';
import { locateSyntaxError } from '../../src/notebook/core/locate-syntax-error';

/** The module text the page's worker loads for a student's code. */
function moduleFor(student: string, inherited: string[] = []): string {
  const p = compileProgram(student, { captureValue: true });
  if (!p.ok) throw new Error('expected sucrase to accept this code');
  return `export default ${wrapProgram(p.js, inherited, p.declared)}`;
}

describe('locateSyntaxError', () => {
  it("finds what sucrase lets through, on the student's own line", () => {
    const where = locateSyntaxError(moduleFor('const a = 1;\nlet x = 2;\nlet x = 3;\na + x'));
    expect(where).toMatchObject({ line: 3, column: 5 });
    expect(where?.message).toMatch(/already been declared/);
  });

  it('keeps the line when the cell inherits names from cells above', () => {
    const where = locateSyntaxError(moduleFor('let y = 1;\n\nlet y = 2;', ['a', 'b']));
    expect(where?.line).toBe(3);
  });

  it('returns null for code that parses', () => {
    expect(locateSyntaxError(moduleFor('const z = 1;\nz + 1'))).toBeNull();
  });
});
