/**
 * Student TypeScript → a JavaScript function body the sandbox can run, with sucrase. Line
 * numbers are preserved (sucrase blanks types out instead of removing lines), so runtime
 * errors can name the student's own lines. Runs in the worker and in the Node grader's parent.
 */
import { transform } from 'sucrase/dist/index.js';
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';
import { engineImports, lineColumn, type EngineImport } from './imports';
import type { ErrorInfo, RunRequest } from './protocol';
import { withheldMessage, type Withholding } from './withheld';
import type { HarnessRequest } from './harness';

/** A program ready for the harness: `js` is the body of a function (see `wrapProgram`). */
export interface CompiledProgram {
  ok: true;
  js: string;
  /** Top-level names the program declares (const, let, var, function, class). */
  declared: string[];
  /** Names bound by its import statements. */
  imported: string[];
  /** Identifiers it reads anywhere, a superset of the free names it needs from outside. */
  referenced: string[];
  /** Names it takes from '@engine' (imports and re-exports), with their lines. */
  engineImports: EngineImport[];
  /** True when the last statement is an expression whose value is reported. */
  hasValue: boolean;
}

export interface CompileFailure {
  ok: false;
  error: ErrorInfo;
}

export const MAX_SOURCE_CHARS = 100_000;

type Token = ReturnType<typeof parse>['tokens'][number];

// Sucrase's IdentifierRole values (a const enum in its types).
const ROLE_ACCESS = 0;
const ROLE_EXPORT_ACCESS = 1;
const ROLE_TOP_LEVEL = 2;
const ROLE_SHORTHAND_TOP_LEVEL = 5;
const ROLE_SHORTHAND = 8;
const ROLE_IMPORT = 9;

/**
 * Compile one cell or exercise. `captureValue` rewrites a trailing expression statement so
 * its value is reported (cells); exercises leave it off.
 */
export function compileProgram(
  source: string,
  options: { captureValue: boolean },
): CompiledProgram | CompileFailure {
  if (source.length > MAX_SOURCE_CHARS) {
    return fail(
      'limit',
      `The code is ${source.length} characters long; the limit is ${MAX_SOURCE_CHARS}.`,
    );
  }
  let tokens: Token[];
  try {
    tokens = parse(source, false, true, false).tokens;
  } catch (e) {
    return syntaxFailure(e);
  }
  const dynamicImport = tokens.findIndex(
    (t, i) => t.type === tt._import && tokens[i + 1]?.type === tt.parenL,
  );
  if (dynamicImport >= 0) {
    const at = lineColumn(source, tokens[dynamicImport].start);
    return {
      ok: false,
      error: {
        kind: 'syntax',
        name: 'SyntaxError',
        message: "import(…) is not available here; use import { … } from '@engine' at the top",
        ...at,
      },
    };
  }
  const names = (roles: number[]): string[] => [
    ...new Set(
      tokens
        .filter((t) => !t.isType && t.identifierRole !== null && roles.includes(t.identifierRole))
        .map((t) => source.slice(t.start, t.end)),
    ),
  ];
  const declared = names([ROLE_TOP_LEVEL, ROLE_SHORTHAND_TOP_LEVEL]);
  const imported = names([ROLE_IMPORT]);
  const referenced = names([ROLE_ACCESS, ROLE_EXPORT_ACCESS, ROLE_SHORTHAND]);

  let rewritten = source;
  let hasValue = false;
  if (options.captureValue) {
    const range = lastExpression(source, tokens);
    if (range) {
      const [start, end] = range;
      rewritten = `${source.slice(0, start)}__nb.value((${source.slice(start, end)}\n));${source.slice(end)}`;
      hasValue = true;
    }
  }
  let js: string;
  try {
    js = transform(rewritten, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
      keepUnusedImports: false,
    }).code;
  } catch (e) {
    return syntaxFailure(e);
  }
  return {
    ok: true,
    js,
    declared,
    imported,
    referenced,
    engineImports: engineImports(source, tokens),
    hasValue,
  };
}

function fail(kind: ErrorInfo['kind'], message: string): CompileFailure {
  return { ok: false, error: { kind, name: kind === 'syntax' ? 'SyntaxError' : 'Error', message } };
}

/** Sucrase reports "Unexpected token (3:14)" with a 1-based line and column. */
function syntaxFailure(e: unknown): CompileFailure {
  const err = e as { message?: string; loc?: { line: number; column: number } };
  const raw = String(err.message ?? e);
  const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, '');
  const where = err.loc ?? parseLoc(raw);
  return {
    ok: false,
    error: {
      kind: 'syntax',
      name: 'SyntaxError',
      message,
      ...(where ? { line: where.line, column: where.column } : {}),
    },
  };
}

function parseLoc(message: string): { line: number; column: number } | undefined {
  const m = /\((\d+):(\d+)\)\s*$/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

function parses(code: string): boolean {
  try {
    parse(code, false, true, false);
    return true;
  } catch {
    return false;
  }
}

/** Tokens that, at the start of a line, continue the previous statement instead of starting one. */
function continuesStatement(t: Token): boolean {
  const type = t.type as number;
  if ((type & tt.PRECEDENCE_MASK) > 0 || (type & tt.IS_ASSIGN) !== 0) return true;
  return [
    tt.parenL,
    tt.bracketL,
    tt.backQuote,
    tt.template,
    tt.dot,
    tt.questionDot,
    tt.comma,
    tt.question,
    tt.colon,
    tt.arrow,
    tt.regexp,
  ].includes(t.type);
}

/** Keywords that start a statement (some of which sucrase would accept in parentheses). */
const STATEMENT_KEYWORDS = [
  tt._function,
  tt._class,
  tt.braceL,
  tt._let,
  tt._const,
  tt._var,
  tt._if,
  tt._for,
  tt._while,
  tt._do,
  tt._switch,
  tt._try,
  tt._return,
  tt._throw,
  tt._break,
  tt._continue,
  tt._import,
  tt._export,
  tt._debugger,
  tt._with,
  tt._enum,
  tt._declare,
  tt._abstract,
];

/**
 * Whether the statement starting at token `i` has a block body (function and class
 * declarations, if/for/while/do/try/switch, a bare block), as opposed to an expression whose
 * braces are an object literal or an arrow body.
 */
function opensStatementBody(source: string, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  const blockStarts = [
    tt._function,
    tt._class,
    tt._if,
    tt._for,
    tt._while,
    tt._do,
    tt._try,
    tt._switch,
    tt.braceL,
  ];
  if (blockStarts.includes(t.type)) return true;
  if (t.type === tt._export && next !== undefined) {
    return (
      [tt._function, tt._class].includes(next.type) || startsAsyncFunction(source, tokens, i + 1)
    );
  }
  return startsAsyncFunction(source, tokens, i);
}

function startsAsyncFunction(source: string, tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return source.slice(tokens[i].start, tokens[i].end) === 'async' && next?.type === tt._function;
}

/** Statements that must not be turned into a reported expression. */
function startsDeclaration(source: string, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (STATEMENT_KEYWORDS.includes(t.type)) return true;
  const word = source.slice(t.start, t.end);
  const next = tokens[i + 1];
  return word === 'async' && next !== undefined && next.type === tt._function;
}

/**
 * The source range of the final top-level expression statement, or null. Candidates are
 * depth-0 tokens that start a line or follow a `;`; the latest one whose prefix parses on
 * its own and whose rest parses as one parenthesised expression wins.
 */
function lastExpression(source: string, tokens: Token[]): [number, number] | null {
  if (tokens.length === 0) return null;
  let last = tokens.length - 1;
  if (tokens[last].type === tt.eof) last--;
  if (last >= 0 && tokens[last].type === tt.semi) last--;
  if (last < 0) return null;
  const end = tokens[last].end;

  const candidates: { index: number; afterSemi: boolean }[] = [];
  // Open brackets and template literals; a candidate must sit outside all of them.
  const open: number[] = [];
  // Whether the depth-0 `{` now open is the body of a statement (function, class, if, …).
  let statementBrace = false;
  // Indices of the `}` that end such statements: after one, `[` or `(` starts a new statement.
  const statementEnds = new Set<number>();
  for (let i = 0; i <= last; i++) {
    const t = tokens[i];
    if (open.length === 0) {
      const prev = i > 0 ? tokens[i - 1] : undefined;
      const afterSemi = prev !== undefined && prev.type === tt.semi;
      const lineStart = prev === undefined || source.slice(prev.end, t.start).includes('\n');
      if (afterSemi || lineStart) candidates.push({ index: i, afterSemi });
      if (t.type === tt.braceL) {
        const start = candidates.at(-1)?.index;
        statementBrace = start !== undefined && opensStatementBody(source, tokens, start);
      }
    }
    if (t.type === tt.backQuote) {
      if (open.at(-1) === tt.backQuote) open.pop();
      else open.push(tt.backQuote);
    } else if (
      [tt.parenL, tt.bracketL, tt.braceL, tt.dollarBraceL, tt.braceBarL].includes(t.type)
    ) {
      open.push(t.type);
    } else if ([tt.parenR, tt.bracketR, tt.braceR, tt.braceBarR].includes(t.type)) {
      open.pop();
      if (open.length === 0 && t.type === tt.braceR && statementBrace) statementEnds.add(i);
    }
  }
  for (let c = candidates.length - 1, tries = 0; c >= 0 && tries < 12; c--, tries++) {
    const { index, afterSemi } = candidates[c];
    const t = tokens[index];
    if (startsDeclaration(source, tokens, index)) return null;
    const afterStatement = statementEnds.has(index - 1);
    if (!afterSemi && !afterStatement && index > 0 && continuesStatement(t)) continue;
    const expr = source.slice(t.start, end);
    if (!parses(`(${expr}\n)`)) continue;
    if (!parses(source.slice(0, t.start))) continue;
    return [t.start, end];
  }
  return null;
}

/**
 * A run request (TypeScript sources) as the harness takes it (compiled programs). The page's
 * worker and the Node sandbox both go through here, so they run student code identically.
 */
export function compileRequest(req: RunRequest): HarnessRequest {
  if (req.kind === 'cell') {
    return {
      kind: 'cell',
      id: req.id,
      above: req.above,
      program: compileProgram(req.source, { captureValue: true }),
    };
  }
  const withheld = req.withheld;
  return {
    kind: 'exercise',
    programs: req.sources.map((s) => {
      const p = compileProgram(s, { captureValue: false });
      return withheld ? refuseWithheld(p, withheld) : p;
    }),
    probes: req.probes,
    ...(withheld ? { withheld } : {}),
  };
}

/**
 * An exercise program that imports a withheld engine name fails before it runs, at the
 * student's line, saying what to write instead. A namespace import is allowed: the harness
 * hands exercises an engine whose withheld names throw the same message when read.
 */
function refuseWithheld(
  p: CompiledProgram | CompileFailure,
  withheld: Withholding,
): CompiledProgram | CompileFailure {
  if (!p.ok) return p;
  const hit = p.engineImports.find((i) => withheld.names.includes(i.name));
  if (!hit) return p;
  return {
    ok: false,
    error: {
      kind: 'syntax',
      name: 'ImportError',
      message: withheldMessage(withheld, hit.name),
      line: hit.line,
      column: hit.column,
    },
  };
}
