/**
 * Pure logic of the chapter 6 widgets, all on the engine: the lecture's worked squared-error
 * example, its 14×14 drawing of a 1, digits grouped by label, the pretrained model's ten
 * outputs, and the MNIST-style preprocessing of a drawing (bounding box to 20×20, centre of
 * mass to the middle of 28×28). Runs in Node (tests, build-time tables) and in the page.
 */
import {
  Matrix,
  argmaxRows,
  oneHot,
  sigmoid,
  sumSquaredError,
  type MLP,
  type MnistData,
} from '../../../src/engine/index';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
/** MNIST fitted each digit's bounding box into 20×20 and centred it in 28×28. */
export const BOX = 20;
/** Where MNIST puts a digit's centre of mass, in pixel units (pixel k spans [k, k + 1)). */
const CENTRE = SIDE / 2 + 0.5;

/** The lecture's prediction for an image of a 1 (its worked example), and that label. */
export const LECTURE_PREDICTION = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1] as const;
export const LECTURE_LABEL = 1;

/** The lecture's 14×14 drawing of a "1" as a matrix of intensities (its slide, row by row). */
export const LECTURE_ONE: readonly (readonly number[])[] = (() => {
  const column6: Record<number, [number, number, number]> = {
    2: [0.7, 0.1, 0],
    3: [0.8, 0.2, 0],
    4: [0.9, 0.3, 0],
    5: [0.4, 0.5, 0],
    6: [0.4, 0.5, 0],
    7: [0.4, 0.6, 0],
    8: [0.2, 0.9, 0],
    9: [0, 1, 0.4],
    10: [0, 0.8, 0.5],
    11: [0, 0.3, 0.4],
  };
  return Array.from({ length: 14 }, (_, r) => {
    const row = new Array<number>(14).fill(0);
    const v = column6[r];
    if (v) [row[6], row[7], row[8]] = v;
    return row;
  });
})();

export interface ErrorRow {
  /** output index = digit */
  c: number;
  prediction: number;
  target: number;
  difference: number;
  squared: number;
}

/**
 * The squared error of a prediction against a label's one-hot target, term by term, with
 * the engine's sum, the sum of the prediction itself and the predicted class.
 */
export function squaredErrorTable(prediction: readonly number[], label: number) {
  const target = Array.from(oneHot([label], prediction.length).data);
  const rows: ErrorRow[] = prediction.map((p, c) => ({
    c,
    prediction: p,
    target: target[c],
    difference: p - target[c],
    squared: sumSquaredError([p], [target[c]]),
  }));
  return {
    rows,
    target,
    error: sumSquaredError(prediction, target),
    predictionSum: prediction.reduce((s, p) => s + p, 0),
    predicted: argmaxRows(Matrix.fromRows([[...prediction]]))[0],
  };
}

/** Digit indices grouped by label 0…9, in file order, restricted to `indices` when given. */
export function indicesByLabel(data: MnistData, indices?: readonly number[]): number[][] {
  const out: number[][] = Array.from({ length: 10 }, () => []);
  for (const i of indices ?? Array.from({ length: data.count }, (_, k) => k)) {
    out[data.labels[i]].push(i);
  }
  return out;
}

/**
 * Every digit's index, in file order. For the held-out file that is the standard split's
 * seeded order (the package groups digits by label, the split mixes them), the same on every
 * visit; index i is "held-out digit i + 1" wherever the page numbers digits.
 */
export function allDigits(data: MnistData): number[] {
  return Array.from({ length: data.count }, (_, i) => i);
}

/**
 * The pretrained model's ten output units for one image, each squashed into (0, 1) by a
 * sigmoid, as in the lecture's prediction (they need not sum to 1). The model's last layer
 * has no activation of its own, so σ(z) is applied here; the largest output is unchanged.
 * @param image [784] intensities in [0, 1]
 */
export function modelOutputs(model: MLP, image: ArrayLike<number>): number[] {
  const z = model.forward(Matrix.fromRows([Array.from(image)]));
  return Array.from(z.data, (v) => sigmoid(v));
}

/** Index of the largest entry, the first on ties. */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/**
 * MNIST's preprocessing for a drawing: crop to the ink's bounding box, scale it (keeping its
 * aspect ratio, averaging the area each output pixel covers, which gives anti-aliased grey
 * levels) so its longer side is 20 pixels, then place it in 28×28 so that its centre of mass
 * is the centre. All zeros when there is no ink.
 * @param ink [height·width] ink intensities in [0, 1], row-major
 * @returns [784] intensities in [0, 1]
 */
export function preprocess(ink: ArrayLike<number>, width: number, height: number): number[] {
  const out = new Array<number>(PIXELS).fill(0);
  const box = inkBox(ink, width, height);
  if (!box) return out;
  const scale = BOX / Math.max(box.w, box.h);
  const w = Math.max(1, Math.round(box.w * scale));
  const h = Math.max(1, Math.round(box.h * scale));
  const small = resampleArea(ink, width, box, w, h, scale);
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = small[y * w + x];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  // MNIST's digits have their centre of mass in pixel 14 (counting from 0) of each axis, i.e.
  // within half a pixel of 14.5 when pixel k spans [k, k + 1); shift by whole pixels to match.
  const dx = Math.round(CENTRE - mx / mass);
  const dy = Math.round(CENTRE - my / mass);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) out[ty * SIDE + tx] = small[y * w + x];
    }
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Smallest rectangle holding every pixel with visible ink, or null. */
function inkBox(ink: ArrayLike<number>, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > 0.01) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * Scale the box by `scale` into w×h: each output pixel is the mean of the source area it
 * covers (fractional overlaps weighted), so thin strokes become grey, not jagged.
 */
function resampleArea(
  ink: ArrayLike<number>,
  width: number,
  box: Box,
  w: number,
  h: number,
  scale: number,
): Float64Array {
  const out = new Float64Array(w * h);
  // Centre the scaled box in the w×h grid (rounding may make the grid a little larger).
  const ox = (w - box.w * scale) / 2;
  const oy = (h - box.h * scale) / 2;
  for (let y = 0; y < h; y++) {
    const sy0 = (y - oy) / scale;
    const sy1 = (y + 1 - oy) / scale;
    for (let x = 0; x < w; x++) {
      const sx0 = (x - ox) / scale;
      const sx1 = (x + 1 - ox) / scale;
      let sum = 0;
      for (let sy = Math.max(0, Math.floor(sy0)); sy < Math.min(box.h, Math.ceil(sy1)); sy++) {
        const fy = Math.min(sy + 1, sy1) - Math.max(sy, sy0);
        for (let sx = Math.max(0, Math.floor(sx0)); sx < Math.min(box.w, Math.ceil(sx1)); sx++) {
          const fx = Math.min(sx + 1, sx1) - Math.max(sx, sx0);
          sum += fx * fy * ink[(box.y + sy) * width + box.x + sx];
        }
      }
      out[y * w + x] = Math.min(1, sum / ((sx1 - sx0) * (sy1 - sy0)));
    }
  }
  return out;
}

/**
 * A 28×28 image drawn back at `factor`× its size, as a canvas would hold it: each pixel
 * becomes a factor×factor square of its intensity. Used to test the preprocessing and to
 * start a drawing from a real digit.
 */
export function upscale(image: ArrayLike<number>, factor: number): Float64Array {
  const size = SIDE * factor;
  const out = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      out[y * size + x] = image[Math.floor(y / factor) * SIDE + Math.floor(x / factor)];
    }
  }
  return out;
}
