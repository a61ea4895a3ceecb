/**
 * Which engine names a program takes from '@engine', found on sucrase's tokens before the
 * program runs, so that an exercise can refuse a withheld name with the student's own line
 * (the runtime guard in the harness catches every other route, e.g. a namespace import).
 */
import type { parse } from 'sucrase/dist/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';

type Token = ReturnType<typeof parse>['tokens'][number];

/** One name imported (or re-exported) from '@engine'; `*` for a namespace, `default` for a default import. */
export interface EngineImport {
  name: string;
  line: number;
  column: number;
}

export const ENGINE_SPECIFIER = '@engine';

// Tokens after which an `export` statement cannot be a re-export (`export const …`, …).
const DECLARATION_STARTS = [
  tt._const,
  tt._let,
  tt._var,
  tt._function,
  tt._class,
  tt._default,
  tt._enum,
  tt.semi,
  tt.eof,
];

/** Every runtime name imported or re-exported from '@engine', in source order. */
export function engineImports(source: string, tokens: readonly Token[]): EngineImport[] {
  const found: EngineImport[] = [];
  const text = (t: Token) => source.slice(t.start, t.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.isType || (t.type !== tt._import && t.type !== tt._export)) continue;
    if (tokens[i + 1]?.type === tt.parenL) continue;
    const end = specifierIndex(tokens, i, text);
    if (end < 0 || text(tokens[end]).slice(1, -1) !== ENGINE_SPECIFIER) continue;
    let inBraces = false;
    for (let k = i + 1; k < end; k++) {
      const tok = tokens[k];
      if (tok.type === tt.braceL) inBraces = true;
      else if (tok.type === tt.braceR) inBraces = false;
      else if (tok.type === tt.star) found.push(at(source, tok, '*'));
      else if (tok.type === tt.name && !tok.isType && text(tok) !== 'from') {
        // In `a as b`, `a` is the engine's name; `b` (after `as`) is local.
        const afterAs = tokens[k - 1]?.type === tt._as;
        if (inBraces && !afterAs) found.push(at(source, tok, text(tok)));
        else if (!inBraces && !afterAs && t.type === tt._import) {
          found.push(at(source, tok, 'default'));
        }
      }
    }
    i = end;
  }
  return found;
}

/** Index of the module specifier string ending an import/re-export at `i`, or -1. */
function specifierIndex(tokens: readonly Token[], i: number, text: (t: Token) => string): number {
  for (let k = i + 1; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.type === tt.string) {
      const prev = tokens[k - 1];
      // `import 'x'` and `… from 'x'`; an export must end in `from 'x'` to be a re-export.
      if (tokens[i].type === tt._import || (prev && text(prev) === 'from')) return k;
      return -1;
    }
    if (tokens[i].type === tt._export && DECLARATION_STARTS.includes(tok.type)) return -1;
  }
  return -1;
}

function at(source: string, tok: Token, name: string): EngineImport {
  return { name, ...lineColumn(source, tok.start) };
}

/** 1-based line and column of a character offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
