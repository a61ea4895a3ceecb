/**
 * Browser behaviour of <draw-digit>: a drawing pad read through MNIST's preprocessing, the
 * 28×28 input (editable from the keyboard), and the pretrained model's outputs as bars with
 * the squared error against the chosen label. Ink is kept in the pad's alpha channel, so the
 * stroke colour can follow the theme without changing what the network sees. Loaded lazily.
 */
import { WidgetController } from '../widget-controller';
import { createStore, type Store } from '../store';
import { mnistImage, oneHot, sumSquaredError, type MLP } from '../../../src/engine/index';
import { formatFixed } from '../../../src/lib/format-number';
import { argmax, indicesByLabel, modelOutputs, preprocess, SIDE, upscale } from './mnist-logic';
import { loadHeldOut, loadModel } from './assets';
import { paintImage, palette, type Palette } from './paint';
import {
  checkpoint,
  initialDraw,
  moveDrawCursor,
  paintPixel,
  setInput,
  setLabel,
  undo,
  type DrawState,
} from './draw-state';

/** The pad is 10× the input: 280×280 canvas pixels. */
const PAD = 280;
/** Brush width in pad pixels: about 2 input pixels, like MNIST's pen strokes. */
const BRUSH = 22;

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

class DrawController extends WidgetController {
  private readonly store: Store<DrawState<ImageData>>;
  private model: MLP | null = null;
  private readonly pad: HTMLCanvasElement | null;
  private readonly ctx: CanvasRenderingContext2D | null;
  private colours: Palette | null = null;
  private pointer: number | null = null;
  private last: [number, number] = [0, 0];
  /** The pad changed since its ink was last preprocessed into the input. */
  private padDirty = false;
  /** How many held-out digits of each label "Start from it" has used, to offer the next. */
  private readonly started = new Array<number>(10).fill(0);

  constructor(root: HTMLElement) {
    super(root);
    this.store = createStore(initialDraw<ImageData>(Number(root.dataset.target) || 0));
    this.pad = this.q<HTMLCanvasElement>('[data-pad]');
    this.ctx = this.pad?.getContext('2d', { willReadFrequently: true }) ?? null;
    this.cleanups.push(this.store.subscribe(() => this.schedule()));
    this.wirePad();
    this.wireInput();
    const target = this.q<HTMLSelectElement>('[data-target]');
    this.on(target, 'change', () => this.store.set((s) => setLabel(s, Number(target?.value))));
    this.on(this.q('[data-clear]'), 'click', () => this.clear());
    this.on(this.q('[data-undo]'), 'click', () => this.undo());
    this.on(this.q('[data-start]'), 'click', () => void this.startFromDigit());
    const theme = new MutationObserver(() => {
      this.colours = null;
      this.recolourPad();
      this.schedule();
    });
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => theme.disconnect());
    this.schedule();
    void this.load();
  }

  private async load() {
    const note = this.q<HTMLElement>('[data-loading]');
    try {
      this.model = await loadModel();
      if (note) note.hidden = true;
      this.schedule();
    } catch (e) {
      if (note) {
        note.textContent = `The model could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
        note.classList.add('is-error');
      }
    }
  }

  private wirePad() {
    const pad = this.pad;
    if (!pad) return;
    const point = (e: PointerEvent): [number, number] => {
      const r = pad.getBoundingClientRect();
      return [((e.clientX - r.left) / r.width) * PAD, ((e.clientY - r.top) / r.height) * PAD];
    };
    this.on(pad, 'pointerdown', (e) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      this.remember();
      this.pointer = e.pointerId;
      pad.setPointerCapture(e.pointerId);
      this.last = point(e);
      this.stroke([this.last]);
    });
    this.on(pad, 'pointermove', (e) => {
      if (e.pointerId !== this.pointer) return;
      // Coalesced events keep fast strokes smooth on high-rate pens and mice.
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      this.stroke((events.length ? events : [e]).map(point));
    });
    const end = (e: PointerEvent) => {
      if (e.pointerId !== this.pointer) return;
      this.pointer = null;
      this.schedule();
    };
    this.on(pad, 'pointerup', end);
    this.on(pad, 'pointercancel', end);
  }

  private wireInput() {
    const input = this.q<HTMLElement>('[data-input]');
    this.on(input, 'keydown', (e) => {
      const d = KEYS[e.key];
      if (d) {
        e.preventDefault();
        this.store.set((s) => moveDrawCursor(s, d[0], d[1]));
        return;
      }
      const value =
        e.key === ' ' || e.key === 'Enter'
          ? 1
          : e.key === 'Delete' || e.key === 'Backspace'
            ? 0
            : null;
      if (value === null) return;
      e.preventDefault();
      const s = this.store.get();
      if (s.input[s.cursor] === value) return;
      this.remember();
      this.store.set((state) => paintPixel(state, value));
      this.paintPadFrom(this.store.get().input);
    });
  }

  /** Draw line segments through `points` (pad coordinates) and mark the pad dirty. */
  private stroke(points: [number, number][]) {
    const ctx = this.ctx;
    if (!ctx) return;
    this.colours ??= palette(this.root);
    ctx.strokeStyle = `rgb(${this.colours.ink.join(',')})`;
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(this.last[0], this.last[1]);
    for (const p of points) ctx.lineTo(p[0], p[1]);
    // A single point (a tap) still leaves a dot.
    if (points.length === 1 && points[0] === this.last)
      ctx.lineTo(this.last[0] + 0.01, this.last[1]);
    ctx.stroke();
    this.last = points[points.length - 1];
    this.padDirty = true;
    this.schedule();
  }

  private snapshot(): ImageData | null {
    return this.ctx?.getImageData(0, 0, PAD, PAD) ?? null;
  }

  /** Push the current input and pad onto the undo stack. */
  private remember() {
    const snap = this.snapshot();
    if (snap) this.store.set((s) => checkpoint(s, snap));
  }

  private clear() {
    this.remember();
    this.ctx?.clearRect(0, 0, PAD, PAD);
    this.padDirty = true;
    this.schedule();
  }

  private undo() {
    const [next, snap] = undo(this.store.get());
    if (!snap) return;
    this.ctx?.putImageData(snap.pad, 0, 0);
    this.padDirty = false;
    this.store.set(next);
  }

  /** Put a held-out digit of the chosen label on the pad (the next one on each click). */
  private async startFromDigit() {
    const select = this.q<HTMLSelectElement>('[data-start-label]');
    const label = Number(select?.value ?? 0);
    const button = this.q<HTMLButtonElement>('[data-start]');
    if (button) button.disabled = true;
    this.setText('[data-answer]', 'Loading the held-out digits…');
    try {
      const data = await loadHeldOut();
      const ofLabel = indicesByLabel(data)[label];
      const index = ofLabel[this.started[label]++ % ofLabel.length];
      const image = mnistImage(data, index);
      this.remember();
      this.paintPadFrom(image);
      this.store.set((s) => setLabel(setInput(s, image), label));
    } catch (e) {
      this.setText(
        '[data-answer]',
        `The digits could not be loaded (${e instanceof Error ? e.message : String(e)}).`,
      );
    } finally {
      if (button) button.disabled = false;
    }
  }

  /** Repaint the pad as the input at 10×, so later strokes add to what the network sees. */
  private paintPadFrom(image: readonly number[]) {
    const ctx = this.ctx;
    if (!ctx) return;
    this.colours ??= palette(this.root);
    const big = upscale(image, PAD / SIDE);
    const pixels = ctx.createImageData(PAD, PAD);
    for (let i = 0; i < big.length; i++) {
      pixels.data.set(this.colours.ink, 4 * i);
      pixels.data[4 * i + 3] = Math.round(255 * big[i]);
    }
    ctx.putImageData(pixels, 0, 0);
    this.padDirty = false;
  }

  /** Keep the ink (alpha) and give it the theme's new text colour. */
  private recolourPad() {
    const snap = this.snapshot();
    if (!snap || !this.ctx) return;
    const ink = palette(this.root).ink;
    for (let i = 0; i < snap.data.length; i += 4) snap.data.set(ink, i);
    this.ctx.putImageData(snap, 0, 0);
  }

  /** The pad's ink as intensities in [0, 1]. */
  private readInk(): Float32Array {
    const snap = this.snapshot();
    const ink = new Float32Array(PAD * PAD);
    if (snap) for (let i = 0; i < ink.length; i++) ink[i] = snap.data[4 * i + 3] / 255;
    return ink;
  }

  protected render() {
    if (this.padDirty) {
      this.padDirty = false;
      const input = preprocess(this.readInk(), PAD, PAD);
      // Setting the store also schedules one more (cheap) frame; this one draws the new input.
      this.store.set((s) => setInput(s, input));
    }
    const s = this.store.get();
    this.colours ??= palette(this.root);
    const canvas = this.q<HTMLCanvasElement>('[data-input-canvas]');
    if (canvas) paintImage(canvas, s.input, SIDE, SIDE, this.colours);
    const undoButton = this.q<HTMLButtonElement>('[data-undo]');
    if (undoButton) undoButton.disabled = s.undo.length === 0;
    const target = this.q<HTMLSelectElement>('[data-target]');
    if (target && document.activeElement !== target) target.value = String(s.label);
    this.renderCursor(s);
    this.renderOutputs(s);
  }

  private renderCursor(s: DrawState<ImageData>) {
    const row = Math.floor(s.cursor / SIDE);
    const col = s.cursor % SIDE;
    const cursor = this.q<HTMLElement>('[data-cursor]');
    if (cursor) {
      cursor.style.left = `${(100 * col) / SIDE}%`;
      cursor.style.top = `${(100 * row) / SIDE}%`;
    }
    this.setText(
      '[data-input-readout]',
      `Pixel in row ${row}, column ${col} = ${formatFixed(s.input[s.cursor], 2)}.`,
    );
  }

  private renderOutputs(s: DrawState<ImageData>) {
    if (!this.model) return;
    const outputs = modelOutputs(this.model, s.input);
    const top = argmax(outputs);
    this.root.querySelectorAll<HTMLElement>('[data-bars] tbody tr').forEach((tr, d) => {
      const value = tr.querySelector('.dd-value');
      const text = formatFixed(outputs[d], 2);
      if (value && value.textContent !== text) value.textContent = text;
      const bar = tr.querySelector<HTMLElement>('.dd-bar');
      if (bar) bar.style.width = `${(100 * outputs[d]).toFixed(1)}%`;
      tr.classList.toggle('is-top', d === top);
      tr.classList.toggle('is-target', d === s.label);
    });
    const empty = s.input.every((v) => v === 0);
    this.setText(
      '[data-answer]',
      empty
        ? 'The input is empty, yet the network still answers: these are its outputs for a blank image.'
        : `The network reads a ${top}: output ${top} is the largest (${formatFixed(outputs[top], 2)}).`,
    );
    const target = Array.from(oneHot([s.label], 10).data);
    this.setText(
      '[data-error]',
      `Squared error against the one-hot target of ${s.label}: ${formatFixed(sumSquaredError(outputs, target), 2)}.`,
    );
  }

  private setText(selector: string, text: string) {
    const el = this.q(selector);
    if (el && el.textContent !== text) el.textContent = text;
  }
}

/** Wire up one <draw-digit>; returns its teardown. */
export function mount(element: HTMLElement): () => void {
  const controller = new DrawController(element);
  return () => controller.destroy();
}
