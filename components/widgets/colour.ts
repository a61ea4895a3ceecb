/**
 * Colours for canvas-painted marks (Plot rasters), which cannot use CSS variables: read the
 * theme's variables from an element and mix them in JS.
 */

/** Parse #rgb or #rrggbb; null for anything else. */
export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** a·(1 − t) + b·t in sRGB, as #rrggbb; falls back to b when either is not a hex colour. */
export function mixHex(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  if (!pa || !pb) return b;
  return `#${pa
    .map((v, i) =>
      Math.round(v + (pb[i] - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `rgb(r, g, b)` / `rgba(…)` as computed by the browser → #rrggbb; null for anything else. */
export function rgbToHex(rgb: string): string | null {
  const m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(rgb.trim());
  if (!m) return null;
  return `#${m
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The colour a theme variable resolves to at `el`, as #rrggbb. The variables hold light-dark()
 * pairs, which only a colour property resolves, so a hidden probe element reads it back.
 */
export function themeColour(el: Element, name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.cssText = `position:absolute;visibility:hidden;color:var(${name}, ${fallback})`;
  el.append(probe);
  const hex = rgbToHex(getComputedStyle(probe).color);
  probe.remove();
  return hex ?? fallback;
}

/** [background, background mixed with `amount` of the accent], from the element's theme. */
export function themeRamp(el: Element, amount: number): [string, string] {
  const bg = themeColour(el, '--bg', '#ffffff');
  const accent = themeColour(el, '--accent', '#1d5fc4');
  return [bg, mixHex(bg, accent, amount)];
}
