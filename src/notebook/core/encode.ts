/**
 * Values produced by student code, turned into JSON-safe data that can cross a worker port or
 * a process pipe unchanged, and back. Runs inside the sandbox (worker or Node vm context), so
 * it captures the intrinsics it needs at load time, before any student code can patch them.
 *
 * Plain JSON values stay themselves; everything JSON cannot say is an object tagged with `$`.
 */

/** A value as it crosses the sandbox boundary. */
export type Encoded =
  | number
  | string
  | boolean
  | null
  | Encoded[]
  | { $: 'num'; v: 'NaN' | 'Infinity' | '-Infinity' }
  | { $: 'undefined' }
  | { $: 'bigint'; v: string }
  | { $: 'symbol'; v: string }
  | { $: 'function'; name: string }
  | { $: 'cycle' }
  | { $: 'opaque'; cls: string }
  | { $: 'error'; name: string; message: string }
  | { $: 'string'; v: string; more: number }
  | { $: 'array'; v: Encoded[]; more: number }
  | { $: 'typed'; cls: string; v: Encoded[]; more: number }
  | { $: 'matrix'; rows: number; cols: number; v: Encoded[]; more: number }
  | { $: 'object'; cls: string; v: Record<string, Encoded>; more: number }
  | { $: 'map'; v: [Encoded, Encoded][]; more: number }
  | { $: 'set'; v: Encoded[]; more: number };

export type Tagged = Exclude<Encoded, number | string | boolean | null | Encoded[]>;

/** Limits on one encoding pass, shared by everything a run sends back. */
export interface Budget {
  /** Nodes (values) left before output is cut. */
  nodes: number;
  /** Longest string kept whole, in characters. */
  maxString: number;
  /** Most items kept from one array, object, map or set. */
  maxItems: number;
  /** Set once anything was cut. */
  truncated: boolean;
}

export function createBudget(nodes = 20_000, maxItems = 2_000, maxString = 10_000): Budget {
  return { nodes, maxItems, maxString, truncated: false };
}

// Captured now, before student code runs in this realm (and called with .call, hence unbound).
/* eslint-disable @typescript-eslint/unbound-method */
const isArray = Array.isArray;
const objectKeys = Object.keys;
const getPrototypeOf = Object.getPrototypeOf;
const isView = ArrayBuffer.isView;
const numberIsInteger = Number.isInteger;
const stringOf = String;
const symbolToString = Symbol.prototype.toString;
const toStringTag = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const MapCtor = Map;
const SetCtor = Set;
const ErrorCtor = Error;
const SetHas = Set.prototype.has;
const SetAdd = Set.prototype.add;
const SetDelete = Set.prototype.delete;
/* eslint-enable @typescript-eslint/unbound-method */

function className(value: object): string {
  try {
    const proto: unknown = getPrototypeOf(value);
    if (proto === null) return 'Object';
    const ctor = (proto as { constructor?: unknown }).constructor;
    if (typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name) return ctor.name;
  } catch {
    // A proxy or exotic object: fall through.
  }
  return 'Object';
}

function isMatrixLike(
  value: object,
): value is { rows: number; cols: number; data: ArrayLike<number> } {
  const v = value as { rows?: unknown; cols?: unknown; data?: unknown };
  return (
    numberIsInteger(v.rows) &&
    numberIsInteger(v.cols) &&
    isView(v.data) &&
    (v.data as unknown as ArrayLike<number>).length === (v.rows as number) * (v.cols as number)
  );
}

/** Encode any value, cutting it down to the budget. Cycles become `{$: 'cycle'}`. */
export function encode(value: unknown, budget: Budget = createBudget()): Encoded {
  const seen = new SetCtor<object>();
  return enc(value, budget, seen);
}

function enc(value: unknown, budget: Budget, seen: Set<object>): Encoded {
  budget.nodes--;
  switch (typeof value) {
    case 'number':
      if (value !== value) return { $: 'num', v: 'NaN' };
      if (value === Infinity) return { $: 'num', v: 'Infinity' };
      if (value === -Infinity) return { $: 'num', v: '-Infinity' };
      return value;
    case 'string':
      if (value.length <= budget.maxString) return value;
      budget.truncated = true;
      return {
        $: 'string',
        v: value.slice(0, budget.maxString),
        more: value.length - budget.maxString,
      };
    case 'boolean':
      return value;
    case 'undefined':
      return { $: 'undefined' };
    case 'bigint':
      return { $: 'bigint', v: stringOf(value) };
    case 'symbol':
      return { $: 'symbol', v: symbolToString.call(value) };
    case 'function':
      return { $: 'function', name: (value as { name?: string }).name || '(anonymous)' };
  }
  if (value === null) return null;
  const obj = value as object;
  if (SetHas.call(seen, obj)) return { $: 'cycle' };
  SetAdd.call(seen, obj);
  try {
    return encObject(obj, budget, seen);
  } catch {
    return { $: 'opaque', cls: 'value that could not be read' };
  } finally {
    SetDelete.call(seen, obj);
  }
}

/** How many items of a collection of `n` to keep; marks the budget when cutting. */
function keep(n: number, budget: Budget): number {
  const k = Math.max(0, Math.min(n, budget.maxItems, budget.nodes));
  if (k < n) budget.truncated = true;
  return k;
}

function encList(items: ArrayLike<unknown>, budget: Budget, seen: Set<object>): Encoded[] {
  const k = keep(items.length, budget);
  const out: Encoded[] = [];
  for (let i = 0; i < k; i++) out[i] = enc(items[i], budget, seen);
  return out;
}

function encObject(obj: object, budget: Budget, seen: Set<object>): Encoded {
  if (isArray(obj)) {
    const v = encList(obj, budget, seen);
    return v.length === obj.length ? v : { $: 'array', v, more: obj.length - v.length };
  }
  if (isView(obj) && !(obj instanceof DataView)) {
    const arr = obj as unknown as ArrayLike<unknown>;
    const v = encList(arr, budget, seen);
    return { $: 'typed', cls: className(obj), v, more: arr.length - v.length };
  }
  if (isMatrixLike(obj)) {
    const v = encList(obj.data, budget, seen);
    return { $: 'matrix', rows: obj.rows, cols: obj.cols, v, more: obj.data.length - v.length };
  }
  if (obj instanceof ErrorCtor) {
    return { $: 'error', name: stringOf(obj.name), message: stringOf(obj.message) };
  }
  if (obj instanceof MapCtor) {
    const entries = [...(obj as Map<unknown, unknown>)];
    const k = keep(entries.length, budget);
    const v: [Encoded, Encoded][] = [];
    for (let i = 0; i < k; i++)
      v.push([enc(entries[i][0], budget, seen), enc(entries[i][1], budget, seen)]);
    return { $: 'map', v, more: entries.length - k };
  }
  if (obj instanceof SetCtor) {
    const items = [...(obj as Set<unknown>)];
    const v = encList(items, budget, seen);
    return { $: 'set', v, more: items.length - v.length };
  }
  const tag = toStringTag.call(obj);
  if (tag === '[object Promise]' || tag === '[object WeakMap]' || tag === '[object WeakSet]') {
    return { $: 'opaque', cls: tag.slice(8, -1) };
  }
  const keys = objectKeys(obj);
  const k = keep(keys.length, budget);
  const v: Record<string, Encoded> = {};
  for (let i = 0; i < k; i++) {
    const key = keys[i];
    if (!hasOwn.call(obj, key)) continue;
    v[key] = enc((obj as Record<string, unknown>)[key], budget, seen);
  }
  return { $: 'object', cls: className(obj), v, more: keys.length - k };
}

/** A value that has no faithful JS form outside the sandbox (a function, a cycle, …). */
export class Unrepresentable {
  constructor(
    readonly kind: 'function' | 'cycle' | 'symbol' | 'opaque' | 'bigint',
    readonly description: string,
  ) {}
}

/** A plain snapshot of a matrix-like value (an engine Matrix) sent back from the sandbox. */
export interface MatrixValue {
  readonly rows: number;
  readonly cols: number;
  readonly data: number[];
}

/**
 * Turn encoded data back into ordinary values in this realm: arrays, plain objects, numbers
 * (NaN and ±Infinity included). Cut collections come back shortened; functions, cycles and
 * the like become `Unrepresentable`.
 */
export function decode(e: Encoded): unknown {
  if (e === null || typeof e !== 'object') return e;
  if (isArray(e)) return e.map(decode);
  switch (e.$) {
    case 'num':
      return e.v === 'NaN' ? NaN : e.v === 'Infinity' ? Infinity : -Infinity;
    case 'undefined':
      return undefined;
    case 'bigint':
      return new Unrepresentable('bigint', `${e.v}n`);
    case 'symbol':
      return new Unrepresentable('symbol', e.v);
    case 'function':
      return new Unrepresentable('function', `function ${e.name}`);
    case 'cycle':
      return new Unrepresentable('cycle', 'a reference to itself');
    case 'opaque':
      return new Unrepresentable('opaque', e.cls);
    case 'error': {
      const err = new Error(e.message);
      err.name = e.name;
      return err;
    }
    case 'string':
      return e.v;
    case 'array':
    case 'set':
      return e.v.map(decode);
    case 'typed':
      return e.v.map(decode);
    case 'matrix':
      return { rows: e.rows, cols: e.cols, data: e.v.map(decode) };
    case 'map':
      return new Map(e.v.map(([k, v]) => [decode(k), decode(v)]));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(e.v)) out[key] = decode(e.v[key]);
      return out;
    }
  }
}

/** True for `{$: …}` tagged data (as opposed to a plain JSON value). */
export function isTagged(e: Encoded): e is Tagged {
  return e !== null && typeof e === 'object' && !Array.isArray(e);
}
