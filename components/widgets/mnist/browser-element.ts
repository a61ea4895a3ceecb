/**
 * Browser behaviour of <digit-browser>: loads the held-out digits, lists a page of them as
 * buttons, and shows the chosen one enlarged with a pixel cursor (mouse or arrow keys) that
 * is linked to its entry in the 784-vector. Loaded lazily (../lazy.ts).
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { mnistImage, oneHot, type MnistData } from '../../../src/engine/index';
import { formatFixed } from '../../../src/lib/format-number';
import { allDigits, indicesByLabel, SIDE } from './mnist-logic';
import { loadHeldOut } from './assets';
import { paintImage, palette, type Palette } from './paint';
import {
  chooseLabel,
  initialBrowser,
  loaded,
  moveCursor,
  pageCount,
  pageItems,
  select,
  setCursor,
  turnPage,
  type BrowserState,
} from './browser-state';

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

class BrowserController extends WidgetController {
  private readonly store: Store<BrowserState> = createStore(initialBrowser());
  private data: MnistData | null = null;
  private image: number[] = [];
  private colours: Palette | null = null;

  constructor(root: HTMLElement) {
    super(root);
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    const set = (f: (s: BrowserState) => BrowserState) => this.store.set(f);
    const label = this.q<HTMLSelectElement>('[data-label]');
    this.on(label, 'change', () => set((s) => chooseLabel(s, Number(label?.value))));
    this.on(this.q('[data-prev]'), 'click', () => set((s) => turnPage(s, -1)));
    this.on(this.q('[data-next]'), 'click', () => set((s) => turnPage(s, 1)));
    this.on(this.q('[data-grid]'), 'click', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('[data-index]');
      if (button) set((s) => select(s, Number(button.dataset.index)));
    });
    const big = this.q<HTMLElement>('[data-big]');
    this.on(big, 'keydown', (e) => {
      const d = KEYS[e.key];
      if (!d) return;
      e.preventDefault();
      set((s) => moveCursor(s, d[0], d[1]));
    });
    this.on(big, 'pointermove', (e) => {
      if (!big) return;
      const r = big.getBoundingClientRect();
      const col = Math.min(
        SIDE - 1,
        Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * SIDE)),
      );
      const row = Math.min(
        SIDE - 1,
        Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * SIDE)),
      );
      set((s) => setCursor(s, row * SIDE + col));
    });
    // Colours are read from the theme, so repaint when it flips.
    const theme = new MutationObserver(() => {
      this.colours = null;
      this.key = '';
      this.schedule();
    });
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => theme.disconnect());
    void this.load();
  }

  private async load() {
    try {
      const data = await loadHeldOut();
      this.data = data;
      const all = allDigits(data);
      this.store.set((s) => loaded(s, all, indicesByLabel(data, all)));
    } catch (e) {
      this.store.set((s) => ({ ...s, status: 'error' }));
      const note = this.q<HTMLElement>('[data-loading]');
      if (note) {
        note.textContent = `The digits could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
        note.classList.add('is-error');
      }
    }
  }

  protected render() {
    const s = this.store.get();
    if (s.status !== 'ready' || !this.data) return;
    this.colours ??= palette(this.root);
    const loading = this.q<HTMLElement>('[data-loading]');
    if (loading) loading.hidden = true;
    for (const el of this.root.querySelectorAll<HTMLButtonElement | HTMLSelectElement>(
      '[data-label], [data-prev], [data-next]',
    )) {
      el.disabled = false;
    }
    const prev = this.q<HTMLButtonElement>('[data-prev]');
    const next = this.q<HTMLButtonElement>('[data-next]');
    if (prev) prev.disabled = s.page === 0;
    if (next) next.disabled = s.page >= pageCount(s) - 1;
    const which = s.label < 0 ? 'held-out digits' : `held-out ${s.label}s`;
    this.setText(
      '[data-page]',
      `Page ${s.page + 1} of ${pageCount(s)} (${(s.label < 0 ? s.all : s.byLabel[s.label]).length.toLocaleString('en')} ${which})`,
    );
    const gridKey = `${s.label}:${s.page}`;
    if (this.key !== gridKey) {
      this.key = gridKey;
      this.renderGrid(s, this.data, this.colours);
      this.paintedSelected = -1;
    }
    this.renderSelection(s, this.data, this.colours);
  }

  private renderGrid(s: BrowserState, data: MnistData, colours: Palette) {
    const grid = this.q<HTMLElement>('[data-grid]');
    if (!grid) return;
    grid.replaceChildren(
      ...pageItems(s).map((i) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.index = String(i);
        button.setAttribute(
          'aria-label',
          `A ${data.labels[i]} (held-out digit ${(i + 1).toLocaleString('en')} of ${data.count.toLocaleString('en')})`,
        );
        const canvas = document.createElement('canvas');
        canvas.setAttribute('aria-hidden', 'true');
        paintImage(canvas, mnistImage(data, i), SIDE, SIDE, colours);
        button.append(canvas);
        return button;
      }),
    );
  }

  private paintedSelected = -1;

  private renderSelection(s: BrowserState, data: MnistData, colours: Palette) {
    for (const b of this.root.querySelectorAll<HTMLElement>('[data-grid] [data-index]')) {
      b.setAttribute('aria-pressed', String(Number(b.dataset.index) === s.selected));
    }
    if (s.selected < 0) return;
    const label = data.labels[s.selected];
    if (this.paintedSelected !== s.selected) {
      this.paintedSelected = s.selected;
      this.image = mnistImage(data, s.selected);
      const canvas = this.q<HTMLCanvasElement>('[data-big-canvas]');
      if (canvas) paintImage(canvas, this.image, SIDE, SIDE, colours);
      this.renderVector();
      const hot = Array.from(oneHot([label], 10).data);
      this.root.querySelectorAll<HTMLElement>('[data-onehot] tbody td').forEach((td, c) => {
        td.textContent = String(hot[c]);
        td.classList.toggle('is-hot', hot[c] === 1);
      });
      this.q('[data-big]')?.setAttribute(
        'aria-label',
        `A ${label}, enlarged to 28 by 28 pixels: arrow keys move between pixels`,
      );
    }
    const row = Math.floor(s.cursor / SIDE);
    const col = s.cursor % SIDE;
    const cursor = this.q<HTMLElement>('[data-cursor]');
    if (cursor) {
      cursor.style.left = `${(100 * col) / SIDE}%`;
      cursor.style.top = `${(100 * row) / SIDE}%`;
    }
    const v = this.image[s.cursor];
    this.setText(
      '[data-readout]',
      `A ${label}. Pixel in row ${row}, column ${col} = ${formatFixed(v, 2)}; it is entry x${sub(s.cursor)} of the vector.`,
    );
    const vector = this.q<HTMLElement>('[data-vector]');
    vector?.querySelector('.is-cursor')?.classList.remove('is-cursor');
    const entry = vector?.children[s.cursor] as HTMLElement | undefined;
    if (vector && entry) {
      entry.classList.add('is-cursor');
      // Scroll the box only, never the page.
      const top = entry.offsetTop;
      if (top < vector.scrollTop || top > vector.scrollTop + vector.clientHeight - 16) {
        vector.scrollTop = Math.max(0, top - vector.clientHeight / 2);
      }
    }
  }

  private renderVector() {
    const vector = this.q<HTMLElement>('[data-vector]');
    if (!vector) return;
    vector.replaceChildren(
      ...this.image.map((v, i) => {
        const span = document.createElement('span');
        span.textContent = `${v === 0 ? '0' : formatFixed(v, 2)}${i < this.image.length - 1 ? ', ' : ''}`;
        if (v > 0) span.className = 'is-ink';
        return span;
      }),
    );
  }

  private setText(selector: string, text: string) {
    const el = this.q(selector);
    if (el && el.textContent !== text) el.textContent = text;
  }
}

/** Subscript digits for vector entries: x₂₁₁. Entries count from 1 as in the lesson's formula. */
function sub(i: number): string {
  return String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

/** Wire up one <digit-browser>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new BrowserController(element);
  return () => controller.destroy();
}
