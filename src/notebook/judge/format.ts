/**
 * Encoded values as short text: numbers rounded for reading (full precision stays available
 * to callers), arrays, matrices with their shape, and the values JSON cannot hold named as
 * such (NaN, Infinity, functions, cycles). Shared by the page and the Node grader.
 */
import type { Encoded } from '../core/encode';
import { formatNumber } from '../../lib/format-number';

export { formatNumber };

/** The number an encoded scalar stands for, or undefined if it is not a number. */
export function asNumber(e: Encoded): number | undefined {
  if (typeof e === 'number') return e;
  if (e !== null && typeof e === 'object' && !Array.isArray(e) && e.$ === 'num') {
    return e.v === 'NaN' ? NaN : e.v === 'Infinity' ? Infinity : -Infinity;
  }
  return undefined;
}

/** Rows × columns of a matrix or a rectangular nested array; [n] for a flat list; null otherwise. */
export function shapeOf(e: Encoded): number[] | null {
  if (Array.isArray(e)) {
    if (e.length === 0) return [0];
    const inner = e.map(shapeOf);
    const first = inner[0];
    if (first === null || inner.some((s) => s === null || s.join() !== first.join())) {
      return e.every(isScalar) ? [e.length] : null;
    }
    return [e.length, ...first];
  }
  if (e !== null && typeof e === 'object') {
    if (e.$ === 'matrix') return [e.rows, e.cols];
    if (e.$ === 'typed') return [e.v.length + e.more];
    if (e.$ === 'array') return [e.v.length + e.more];
  }
  return isScalar(e) ? [] : null;
}

function isScalar(e: Encoded): boolean {
  return (
    typeof e === 'number' ||
    typeof e === 'boolean' ||
    typeof e === 'string' ||
    asNumber(e) !== undefined
  );
}

export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'a single value' : shape.join('×');
}

/** Matrix rows as nested encoded arrays (for display and comparison with number[][]). */
export function matrixRows(e: { rows: number; cols: number; v: Encoded[] }): Encoded[][] {
  const rows: Encoded[][] = [];
  for (let r = 0; r < e.rows; r++) rows.push(e.v.slice(r * e.cols, (r + 1) * e.cols));
  return rows;
}

/** What kind of value this is, in words: "a number", "an array of 3", "a function". */
export function describeKind(e: Encoded): string {
  if (e === null) return 'null';
  if (typeof e === 'number' || asNumber(e) !== undefined) return 'a number';
  if (typeof e === 'string') return 'a string';
  if (typeof e === 'boolean') return 'a boolean';
  if (Array.isArray(e)) return `an array of ${e.length}`;
  switch (e.$) {
    case 'undefined':
      return 'undefined';
    case 'function':
      return `a function (${e.name})`;
    case 'matrix':
      return `a ${e.rows}×${e.cols} Matrix`;
    case 'array':
      return `an array of ${e.v.length + e.more}`;
    case 'typed':
      return `a ${e.cls} of ${e.v.length + e.more}`;
    case 'object':
      return e.cls === 'Object' ? 'an object' : `a ${e.cls}`;
    case 'cycle':
      return 'a value that contains itself';
    default:
      return `a ${e.$}`;
  }
}

/** One-line text of an encoded value, cut after `maxItems` items per collection. */
export function formatValue(e: Encoded, maxItems = 12): string {
  if (typeof e === 'number') return formatNumber(e);
  if (e === null) return 'null';
  if (typeof e === 'string') return JSON.stringify(e);
  if (typeof e === 'boolean') return String(e);
  const list = (items: Encoded[], more = 0, open = '[', close = ']') => {
    const shown = items.slice(0, maxItems).map((x) => formatValue(x, maxItems));
    const rest = items.length - shown.length + more;
    if (rest > 0) shown.push(`… ${rest} more`);
    return `${open}${shown.join(', ')}${close}`;
  };
  if (Array.isArray(e)) return list(e);
  switch (e.$) {
    case 'num':
      return e.v;
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${e.v}n`;
    case 'symbol':
      return e.v;
    case 'function':
      return `[function ${e.name}]`;
    case 'cycle':
      return '[circular reference]';
    case 'opaque':
      return `[${e.cls}]`;
    case 'error':
      return `${e.name}: ${e.message}`;
    case 'string':
      return `${JSON.stringify(e.v)}… (${e.more} more characters)`;
    case 'array':
      return list(e.v, e.more);
    case 'set':
      return `Set ${list(e.v, e.more, '{', '}')}`;
    case 'typed':
      return `${e.cls} ${list(e.v, e.more)}`;
    case 'matrix':
      return `Matrix ${e.rows}×${e.cols} ${list(
        matrixRows(e).map((r) => r),
        0,
      )}`;
    case 'map':
      return `Map {${e.v
        .slice(0, maxItems)
        .map(([k, v]) => `${formatValue(k, maxItems)} => ${formatValue(v, maxItems)}`)
        .join(', ')}${e.more ? `, … ${e.more} more` : ''}}`;
    case 'object': {
      const keys = Object.keys(e.v);
      const body = keys
        .slice(0, maxItems)
        .map(
          (k) =>
            `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue(e.v[k], maxItems)}`,
        );
      const rest = keys.length - body.length + e.more;
      if (rest > 0) body.push(`… ${rest} more`);
      const prefix = e.cls === 'Object' ? '' : `${e.cls} `;
      return `${prefix}{${body.join(', ')}}`;
    }
  }
}
