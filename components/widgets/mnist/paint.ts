/**
 * Painting digits in the page's theme: intensities become a mix of the background and the
 * text colour, on a canvas (thumbnails, the enlarged digit, the drawn input) or as a CSS
 * colour (tables). The mix skips the middle band where neither the text colour nor the
 * background colour would be readable on the cell, so numbers printed on cells keep their
 * contrast in both themes.
 */
import { themeColour, parseHex } from '../colour';

/** How much of the ink colour a cell of intensity v gets, in [0, 1]. */
export function inkMix(v: number): number {
  const c = Math.min(1, Math.max(0, v));
  return c < 0.5 ? 0.72 * c : 0.66 + 0.68 * (c - 0.5);
}

/** True when a cell of intensity v needs the background colour for its text. */
export const darkCell = (v: number): boolean => v >= 0.5;

export interface Palette {
  bg: [number, number, number];
  ink: [number, number, number];
}

/** The theme's background and text colours at `el`. */
export function palette(el: Element): Palette {
  return {
    bg: parseHex(themeColour(el, '--bg', '#ffffff')) ?? [255, 255, 255],
    ink: parseHex(themeColour(el, '--fg', '#000000')) ?? [0, 0, 0],
  };
}

/** Paint a w×h image of intensities into `canvas` (one canvas pixel per image pixel). */
export function paintImage(
  canvas: HTMLCanvasElement,
  image: ArrayLike<number>,
  w: number,
  h: number,
  p: Palette,
): void {
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const pixels = ctx.createImageData(w, h);
  for (let i = 0; i < w * h; i++) {
    const t = inkMix(image[i]);
    for (let k = 0; k < 3; k++) pixels.data[4 * i + k] = p.bg[k] + (p.ink[k] - p.bg[k]) * t;
    pixels.data[4 * i + 3] = 255;
  }
  ctx.putImageData(pixels, 0, 0);
}
