/**
 * Compare an expected value with what student code produced, both encoded. Numbers match
 * within an absolute tolerance; NaN matches only NaN. Matrices, typed arrays and nested arrays
 * compare entry by entry, and every differing entry is listed by its path ("1" or "0.2") so
 * the page can highlight it.
 */
import type { Encoded } from '../core/encode';
import { asNumber, describeKind, formatShape, matrixRows, shapeOf } from './format';

export interface Comparison {
  equal: boolean;
  /** Why they differ, when it is more than differing entries (a shape, a type). */
  reason?: string;
  /** Paths of differing entries: indices joined with '.', '' for the value itself. */
  diff: string[];
}

/** Arrays, typed arrays and matrices as plain nested lists; anything else unchanged. */
function asList(e: Encoded): Encoded[] | undefined {
  if (Array.isArray(e)) return e;
  if (e !== null && typeof e === 'object') {
    if (e.$ === 'typed' && e.more === 0) return e.v;
    if (e.$ === 'matrix' && e.more === 0) return matrixRows(e);
  }
  return undefined;
}

export function numbersEqual(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tolerance;
}

export function compareValues(expected: Encoded, got: Encoded, tolerance: number): Comparison {
  const diff: string[] = [];
  const reason = walk(expected, got, tolerance, '', diff);
  return { equal: reason === undefined && diff.length === 0, reason, diff };
}

/** Adds differing leaf paths to `diff`; returns a reason when the structure itself differs. */
function walk(
  e: Encoded,
  g: Encoded,
  tol: number,
  path: string,
  diff: string[],
): string | undefined {
  const en = asNumber(e);
  if (en !== undefined) {
    const gn = asNumber(g);
    if (gn === undefined) return `expected a number, got ${describeKind(g)}`;
    if (!numbersEqual(en, gn, tol)) diff.push(path);
    return undefined;
  }
  const el = asList(e);
  if (el) {
    if (g !== null && typeof g === 'object' && !Array.isArray(g) && g.$ === 'array') {
      return `got an array of ${g.v.length + g.more} items, too large to check`;
    }
    const gl = asList(g);
    if (!gl) return `expected ${describeKind(e)}, got ${describeKind(g)}`;
    const es = shapeOf(e);
    const gs = shapeOf(g);
    if (el.length !== gl.length || (es && gs && es.join() !== gs.join())) {
      if (es && gs) return `expected shape ${formatShape(es)}, got ${formatShape(gs)}`;
      return `expected ${el.length} items, got ${gl.length}`;
    }
    for (let i = 0; i < el.length; i++) {
      const sub = walk(el[i], gl[i], tol, path === '' ? String(i) : `${path}.${i}`, diff);
      if (sub) return sub;
    }
    return undefined;
  }
  if (e !== null && typeof e === 'object' && !Array.isArray(e) && e.$ === 'object') {
    if (g === null || typeof g !== 'object' || Array.isArray(g) || g.$ !== 'object') {
      return `expected ${describeKind(e)}, got ${describeKind(g)}`;
    }
    const keys = Object.keys(e.v);
    const missing = keys.filter((k) => !(k in g.v));
    if (missing.length) return `the result has no ${missing.map((k) => `'${k}'`).join(', ')}`;
    for (const k of keys) {
      const sub = walk(e.v[k], g.v[k], tol, path === '' ? k : `${path}.${k}`, diff);
      if (sub) return sub;
    }
    return undefined;
  }
  if (JSON.stringify(e) !== JSON.stringify(g)) {
    if (describeKind(e) !== describeKind(g))
      return `expected ${describeKind(e)}, got ${describeKind(g)}`;
    diff.push(path);
  }
  return undefined;
}

/** A value the sandbox could not send back faithfully, named for the student; else undefined. */
export function unrepresentable(e: Encoded): string | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  if (Array.isArray(e)) {
    for (const x of e) {
      const why = unrepresentable(x);
      if (why) return why;
    }
    return undefined;
  }
  switch (e.$) {
    case 'function':
      return `a function (${e.name}) where a value was expected — did you forget to call it?`;
    case 'cycle':
      return 'a value that contains itself (a circular reference), which cannot be checked';
    case 'opaque':
      return `a ${e.cls}, which cannot be checked — return plain numbers and arrays`;
    case 'symbol':
      return 'a symbol, which cannot be checked';
    case 'array':
    case 'set':
    case 'typed':
    case 'matrix':
      return e.more > 0 ? `${describeKind(e)}, too large to check` : firstOf(e.v);
    case 'object':
      return firstOf(Object.values(e.v));
    case 'string':
      return `a string of ${e.v.length + e.more} characters, too long to check`;
    default:
      return undefined;
  }
}

function firstOf(items: Encoded[]): string | undefined {
  for (const x of items) {
    const why = unrepresentable(x);
    if (why) return why;
  }
  return undefined;
}
