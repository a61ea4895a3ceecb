/**
 * Build-time syntax colouring for the static <pre> a cell shows before its editor loads. The
 * classes use the colours of CodeMirror's default highlight style, so nothing changes colour
 * when the editor takes over. Runs in Astro at build time only (it uses sucrase's tokenizer).
 */
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';

const ATOMS = new Set(['true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Classes for the text between tokens: comments, or nothing. */
function gap(text: string): string {
  return escapeHtml(text).replace(/(\/\/[^\n]*|\/\*[\s\S]*?\*\/)/g, '<span class="nb-c">$1</span>');
}

function classOf(type: tt, text: string, isType: boolean, declares: boolean): string | undefined {
  if (ATOMS.has(text)) return 'nb-a';
  if (type === tt.num || type === tt.bigint) return 'nb-n';
  if (type === tt.string || type === tt.template || type === tt.backQuote) return 'nb-s';
  if (type === tt.regexp) return 'nb-r';
  if (((type as number) & tt.IS_KEYWORD) !== 0) return 'nb-k';
  if (type === tt.name) {
    if (isType && /^[A-Z]/.test(text)) return 'nb-t';
    if (['number', 'string', 'boolean', 'void', 'unknown', 'any', 'never'].includes(text) && isType)
      return 'nb-t';
    if (['type', 'interface', 'as', 'of', 'from', 'declare', 'readonly'].includes(text))
      return 'nb-k';
    if (declares) return 'nb-d';
  }
  return undefined;
}

/**
 * The code as HTML: one `<span class="nb-line">` per line (line numbers come from CSS), tokens
 * wrapped in colour classes. Falls back to plain escaped lines if the code does not parse.
 */
export function highlight(code: string): string {
  let html: string;
  try {
    const { tokens } = parse(code, false, true, false);
    let at = 0;
    const parts: string[] = [];
    for (const t of tokens) {
      if (t.type === tt.eof) break;
      parts.push(gap(code.slice(at, t.start)));
      const text = code.slice(t.start, t.end);
      const declares = t.identifierRole !== null && [2, 3, 4].includes(t.identifierRole);
      const cls = classOf(t.type, text, t.isType, declares);
      parts.push(cls ? `<span class="${cls}">${escapeHtml(text)}</span>` : escapeHtml(text));
      at = t.end;
    }
    parts.push(gap(code.slice(at)));
    html = parts.join('');
  } catch {
    html = escapeHtml(code);
  }
  return splitLines(html);
}

/** Split highlighted HTML into line spans, closing and reopening spans that cross a newline. */
function splitLines(html: string): string {
  const lines: string[] = [];
  let open: string[] = [];
  let current = '';
  const re = /(<span class="[^"]*">|<\/span>|\n)/g;
  let last = 0;
  for (const m of html.matchAll(re)) {
    current += html.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    if (m[0] === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (m[0] === '</span>') {
      open = open.slice(0, -1);
      current += m[0];
    } else {
      open = [...open, m[0]];
      current += m[0];
    }
  }
  lines.push(current + html.slice(last));
  return lines.map((l) => `<span class="nb-line">${l}</span>`).join('');
}
