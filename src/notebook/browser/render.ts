/**
 * Output as DOM: console lines, values (numbers rounded, arrays, matrices as tables with their
 * shape), errors with the student's line, plots (drawn by plot-render.ts, loaded on demand),
 * and expected-vs-got with the differing entries highlighted.
 */
import type { Encoded } from '../core/encode';
import type { ErrorInfo, LogLine, PlotSpec, ProgramResult } from '../core/protocol';
import {
  asNumber,
  formatNumber,
  formatShape,
  formatValue,
  matrixRows,
  shapeOf,
} from '../judge/format';
import { describeError } from '../judge/judge';
import { el } from './dom';

const MAX_ROWS = 40;
const MAX_COLS = 16;

function scalarText(e: Encoded): { text: string; title?: string } {
  const n = asNumber(e);
  if (n !== undefined) {
    const text = formatNumber(n);
    return text === String(n) ? { text } : { text, title: String(n) };
  }
  return { text: formatValue(e) };
}

/** Rows of a 2-D value (matrix or rectangular nested array), or undefined. */
function rowsOf(e: Encoded): Encoded[][] | undefined {
  if (e !== null && typeof e === 'object' && !Array.isArray(e) && e.$ === 'matrix' && e.more === 0)
    return matrixRows(e);
  const shape = shapeOf(e);
  if (Array.isArray(e) && shape?.length === 2) return e as Encoded[][];
  return undefined;
}

function leaf(e: Encoded, marked: boolean): HTMLElement {
  const { text, title } = scalarText(e);
  const span = el(marked ? 'mark' : 'span', 'nb-num', text);
  if (title) span.title = title;
  if (marked) span.setAttribute('aria-label', `${text} (differs)`);
  return span;
}

/** An array of plain objects with the same keys (like a data table), or undefined. */
function recordsOf(e: Encoded): { keys: string[]; rows: Record<string, Encoded>[] } | undefined {
  if (!Array.isArray(e) || e.length === 0) return undefined;
  const rows: Record<string, Encoded>[] = [];
  for (const x of e) {
    if (
      x === null ||
      typeof x !== 'object' ||
      Array.isArray(x) ||
      x.$ !== 'object' ||
      x.cls !== 'Object'
    )
      return undefined;
    rows.push(x.v);
  }
  const keys = Object.keys(rows[0]);
  if (keys.length === 0 || rows.some((r) => Object.keys(r).join() !== keys.join()))
    return undefined;
  return { keys, rows };
}

function recordTable(keys: string[], rows: Record<string, Encoded>[]): HTMLElement {
  const table = el('table', 'nb-matrix nb-records');
  table.createCaption().textContent = `${rows.length} rows`;
  const head = table.createTHead().insertRow();
  for (const k of keys) head.append(el('th', undefined, k));
  const body = table.createTBody();
  for (const r of rows.slice(0, MAX_ROWS)) {
    const tr = body.insertRow();
    for (const k of keys) tr.insertCell().append(renderValue(r[k]));
  }
  if (rows.length > MAX_ROWS)
    body.insertRow().insertCell().textContent = `… ${rows.length - MAX_ROWS} more rows`;
  return table;
}

/** A value as DOM; entries whose path is in `marks` are highlighted. */
export function renderValue(e: Encoded, marks: ReadonlySet<string> = new Set()): HTMLElement {
  const rows = rowsOf(e);
  if (rows) {
    const isMatrix = !Array.isArray(e);
    const table = el('table', 'nb-matrix');
    table.createCaption().textContent = `${isMatrix ? 'Matrix' : 'array'} ${formatShape([rows.length, rows[0]?.length ?? 0])}`;
    const body = table.createTBody();
    rows.slice(0, MAX_ROWS).forEach((row, r) => {
      const tr = body.insertRow();
      row
        .slice(0, MAX_COLS)
        .forEach((v, c) => tr.insertCell().append(leaf(v, marks.has(`${r}.${c}`))));
      if (row.length > MAX_COLS) tr.insertCell().textContent = `… ${row.length - MAX_COLS} more`;
    });
    if (rows.length > MAX_ROWS)
      body.insertRow().insertCell().textContent = `… ${rows.length - MAX_ROWS} more rows`;
    return table;
  }
  const records = recordsOf(e);
  if (records) return recordTable(records.keys, records.rows);
  if (
    Array.isArray(e) &&
    e.every((x) => asNumber(x) !== undefined || typeof x !== 'object' || x === null)
  ) {
    const wrap = el('span', 'nb-array');
    wrap.append('[');
    e.slice(0, 200).forEach((x, i) => {
      if (i) wrap.append(', ');
      wrap.append(leaf(x, marks.has(String(i))));
    });
    if (e.length > 200) wrap.append(`, … ${e.length - 200} more`);
    wrap.append(']');
    if (e.length > 3) wrap.append(el('span', 'nb-shape', ` (${e.length})`));
    return wrap;
  }
  if (asNumber(e) !== undefined || typeof e !== 'object' || e === null)
    return leaf(e, marks.has(''));
  return el('code', 'nb-value-text', formatValue(e, 50));
}

function logLine(line: LogLine): HTMLElement {
  const div = el('div', `nb-log nb-log-${line.level}`);
  line.args.forEach((a, i) => {
    if (i) div.append(' ');
    if (typeof a === 'string') div.append(a);
    else if (a !== null && typeof a === 'object' && !Array.isArray(a) && a.$ === 'string')
      div.append(`${a.v}… (${a.more} more characters)`);
    else div.append(renderValue(a));
  });
  return div;
}

export function renderError(e: ErrorInfo): HTMLElement {
  const box = el('div', 'nb-error');
  box.setAttribute('role', 'alert');
  box.textContent = e.kind === 'timeout' ? e.message : describeError(e);
  return box;
}

/** A whole cell result: console lines, then the error or the value, then plots. */
export function renderResult(
  r: ProgramResult,
  onPlots: (specs: PlotSpec[], into: HTMLElement) => void,
): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const line of r.logs) frag.append(logLine(line));
  if (r.error) frag.append(renderError(r.error));
  else if (r.value !== undefined) {
    const v = el('div', 'nb-value');
    v.append(renderValue(r.value));
    frag.append(v);
  }
  if (r.plots.length) {
    const box = el('div', 'nb-plots');
    frag.append(box);
    onPlots(r.plots, box);
  }
  if (r.truncated)
    frag.append(
      el(
        'p',
        'nb-truncated',
        'Output was cut: it was over the size limit (500 lines, 2,000 items per list).',
      ),
    );
  return frag;
}
