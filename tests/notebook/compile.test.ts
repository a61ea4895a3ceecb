import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/notebook/core/compile';

const compile = (src: string) => compileProgram(src, { captureValue: true });

describe('compileProgram', () => {
  it.each([
    ['a bare expression', 'x', true],
    ['a call on the last line', 'const a = 1;\nf(a)', true],
    ['a call spanning lines', 'f(\n  1,\n  2,\n)', true],
    ['a method chain continued on the next line', 'xs\n  .map((v) => v * 2)', true],
    ['a trailing semicolon and comment', 'f(); // done', true],
    ['a binary continuation is not a new statement', 'const y = a\n  + b', false],
    ['a declaration', 'const a = 1', false],
    ['a function declaration', 'function f() {}', false],
    ['a throw', "throw new Error('x')", false],
    ['a for loop', 'for (const v of xs) f(v)', false],
    ['a type alias', 'type T = number;', false],
    ['an object literal', '({ a: 1 })', true],
    ['an array after a function declaration', 'function f() {}\n[f(), 2]', true],
    ['a parenthesised value after a class', 'class A {}\n(new A())', true],
    ['an array after an if block', 'if (a) {\n  f();\n}\n[1, 2]', true],
    ['indexing after an object literal continues it', 'const o = {}\n[0]', false],
    ['a call after an arrow body continues it', 'const g = () => {}\n(1)', false],
  ])('%s → value reported: %s', (_name, src, hasValue) => {
    const p = compile(src);
    if (!p.ok) throw new Error(`did not compile: ${p.error.message}`);
    expect(p.hasValue).toBe(hasValue);
  });

  it('lists top-level declarations, imports and referenced names, ignoring types', () => {
    const p = compile(`import { sigmoid as s } from '@engine';
declare const earlier: number[];
interface Shape { n: number }
export const w: number[] = [1];
let [a, b] = [1, 2];
function f(x: number) { const inner = x; return inner + earlier[0]; }
class K {}
s(f(a) + b)`);
    if (!p.ok) throw new Error('did not compile');
    expect(p.declared.sort()).toEqual(['K', 'a', 'b', 'f', 'w']);
    expect(p.imported).toEqual(['s']);
    expect(p.referenced).toEqual(expect.arrayContaining(['earlier', 's', 'f', 'a', 'b']));
  });

  it('keeps line numbers, so errors point at the student’s own lines', () => {
    const src = 'interface A {\n  x: number;\n}\nconst a: A = { x: 1 };\na.x';
    const p = compile(src);
    if (!p.ok) throw new Error('did not compile');
    expect(p.js.split('\n').length).toBeGreaterThanOrEqual(src.split('\n').length);
    expect(p.js.split('\n')[3]).toContain('const a');
  });

  it('reports syntax errors with line and column, and refuses import(…)', () => {
    expect(compile('const a = 1;\nconst b = (a + ;')).toMatchObject({
      ok: false,
      error: { line: 2, column: 16 },
    });
    const dynamic = compile("const m = 1;\nimport('node:fs')");
    expect(dynamic).toMatchObject({ ok: false, error: { kind: 'syntax', line: 2, column: 1 } });
    expect(!dynamic.ok && dynamic.error.message).toMatch(/import\(…\) is not available/);
  });
});
