/** The two DOM helpers the notebook's views share. */

/** A new element with an optional class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The part of a cell or exercise with class `cls` (its markup comes from the .astro shell). */
export function part<T extends HTMLElement>(root: HTMLElement, cls: string): T {
  return root.querySelector(`.${cls}`) as T;
}
