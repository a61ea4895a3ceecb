/**
 * State of the digit browser and its pure transitions. Shape: which digits are listed (a
 * label 0…9, or −1 for all), the page of that list, the digit enlarged (an index into the
 * MNIST file) and the pixel under the cursor (0…783). Created when the widget mounts; the
 * digit lists come from the data once it has loaded.
 */
export const PAGE_SIZE = 40;

export interface BrowserState {
  status: 'loading' | 'ready' | 'error';
  /** −1 lists every held-out digit; 0…9 only that digit. */
  label: number;
  page: number;
  /** Index of the enlarged digit in the MNIST file, or −1 before the data is there. */
  selected: number;
  /** The pixel whose value is read out (row·28 + column). */
  cursor: number;
  /** Held-out digit indices per label (filled when the data has loaded). */
  byLabel: readonly (readonly number[])[];
  all: readonly number[];
}

export const initialBrowser = (): BrowserState => ({
  status: 'loading',
  label: -1,
  page: 0,
  selected: -1,
  cursor: 14 * 28 + 14,
  byLabel: [],
  all: [],
});

/** The digits listed for the current label. */
export const listed = (s: BrowserState): readonly number[] =>
  s.label < 0 ? s.all : (s.byLabel[s.label] ?? []);

export const pageCount = (s: BrowserState): number =>
  Math.max(1, Math.ceil(listed(s).length / PAGE_SIZE));

/** The digits on the current page. */
export const pageItems = (s: BrowserState): readonly number[] =>
  listed(s).slice(s.page * PAGE_SIZE, (s.page + 1) * PAGE_SIZE);

export function loaded(s: BrowserState, all: number[], byLabel: number[][]): BrowserState {
  return { ...s, status: 'ready', all, byLabel, selected: all[0] ?? -1, page: 0 };
}

/** Show one label (or −1 for all) from its first page, enlarging its first digit. */
export function chooseLabel(s: BrowserState, label: number): BrowserState {
  const next = { ...s, label, page: 0 };
  return { ...next, selected: listed(next)[0] ?? s.selected };
}

/** Move by `delta` pages, clamped to the list. */
export function turnPage(s: BrowserState, delta: number): BrowserState {
  const page = Math.min(pageCount(s) - 1, Math.max(0, s.page + delta));
  return page === s.page ? s : { ...s, page };
}

export const select = (s: BrowserState, index: number): BrowserState =>
  index === s.selected ? s : { ...s, selected: index };

/** Move the pixel cursor by whole rows and columns, stopping at the edges. */
export function moveCursor(s: BrowserState, dRow: number, dCol: number): BrowserState {
  const row = Math.min(27, Math.max(0, Math.floor(s.cursor / 28) + dRow));
  const col = Math.min(27, Math.max(0, (s.cursor % 28) + dCol));
  return setCursor(s, row * 28 + col);
}

export const setCursor = (s: BrowserState, cursor: number): BrowserState =>
  cursor === s.cursor ? s : { ...s, cursor };
