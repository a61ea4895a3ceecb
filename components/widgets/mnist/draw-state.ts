/**
 * State of the draw-a-digit widget and its pure transitions. Shape: the 28×28 input the
 * network sees, an undo stack of earlier inputs (each with an opaque snapshot of the drawing
 * pad, so undo restores both), the label the student says they drew, and the pixel cursor
 * for keyboard editing. Created when the widget mounts; the pad itself lives in the canvas.
 */
import { PIXELS, SIDE } from './mnist-logic';

export interface Snapshot<P> {
  input: readonly number[];
  pad: P;
}

export interface DrawState<P> {
  input: readonly number[];
  undo: readonly Snapshot<P>[];
  /** The digit the student meant, whose one-hot target the error is measured against. */
  label: number;
  /** Pixel under the keyboard cursor (row·28 + column). */
  cursor: number;
}

/** At most this many steps can be undone (each holds a copy of the pad). */
export const UNDO_LIMIT = 30;

export const initialDraw = <P>(label = 1): DrawState<P> => ({
  input: new Array<number>(PIXELS).fill(0),
  undo: [],
  label,
  cursor: 14 * SIDE + 14,
});

/** Remember the current input and pad before a change, so Undo can bring them back. */
export function checkpoint<P>(s: DrawState<P>, pad: P): DrawState<P> {
  return { ...s, undo: [...s.undo, { input: s.input, pad }].slice(-UNDO_LIMIT) };
}

export const setInput = <P>(s: DrawState<P>, input: readonly number[]): DrawState<P> => ({
  ...s,
  input,
});

/** Undo one step: the state without it, and the snapshot to restore (or null). */
export function undo<P>(s: DrawState<P>): [DrawState<P>, Snapshot<P> | null] {
  const last = s.undo[s.undo.length - 1];
  if (!last) return [s, null];
  return [{ ...s, input: last.input, undo: s.undo.slice(0, -1) }, last];
}

/** Set the pixel under the cursor to `value` (1 paints, 0 erases). */
export function paintPixel<P>(s: DrawState<P>, value: number): DrawState<P> {
  if (s.input[s.cursor] === value) return s;
  const input = [...s.input];
  input[s.cursor] = value;
  return { ...s, input };
}

export function moveDrawCursor<P>(s: DrawState<P>, dRow: number, dCol: number): DrawState<P> {
  const row = Math.min(SIDE - 1, Math.max(0, Math.floor(s.cursor / SIDE) + dRow));
  const col = Math.min(SIDE - 1, Math.max(0, (s.cursor % SIDE) + dCol));
  const cursor = row * SIDE + col;
  return cursor === s.cursor ? s : { ...s, cursor };
}

export const setLabel = <P>(s: DrawState<P>, label: number): DrawState<P> =>
  label === s.label ? s : { ...s, label };
