/**
 * The batch-product figure's grids as HTML strings, shared by the .astro shell and the element
 * (which rebuilds them when a size changes). Generated from numbers and fixed text only.
 */
import { formatFixed } from '../../../src/lib/format-number';
import { entryTerms, type BatchView } from './batch-logic';

const n = (v: number) => formatFixed(v, 0);

function grid(
  name: string,
  cells: number[][],
  attr: (r: number, c: number) => string,
  shape: string,
  caption: string,
): string {
  const rows = cells
    .map((row, r) => `<tr>${row.map((v, c) => `<td ${attr(r, c)}>${n(v)}</td>`).join('')}</tr>`)
    .join('');
  return `<figure class="bp-grid"><table class="lf-matrix" aria-label="${caption}"><tbody>${rows}</tbody></table><figcaption><var>${name}</var> <span data-shape="${name}">${shape}</span></figcaption></figure>`;
}

/** X · Wᵀ + b = Z, each with its shape; Z's entries are focusable and name their arithmetic. */
export function productHtml(v: BatchView): string {
  const B = v.X.length;
  const xCols = v.X[0]?.length ?? 0;
  const m = v.W.length;
  const wCols = v.WT.length;
  const parts = [
    grid(
      'X',
      v.X,
      (r) => `data-xrow="${r}"`,
      `${B} × ${xCols}`,
      `X, ${B} examples (rows) of ${xCols} features`,
    ),
    '<span class="bp-op" aria-hidden="true">·</span>',
    grid(
      'Wᵀ',
      v.WT,
      (_, c) => `data-wcol="${c}"`,
      `${wCols} × ${m}`,
      `W transposed: one column per output unit, ${m} units`,
    ),
    '<span class="bp-op" aria-hidden="true">+</span>',
    grid(
      'b',
      [v.b],
      (_, c) => `data-bcol="${c}"`,
      `1 × ${m}`,
      'b, one bias per output unit, added to every row',
    ),
    '<span class="bp-op" aria-hidden="true">=</span>',
  ];
  if (v.Z) {
    parts.push(
      grid(
        'Z',
        v.Z,
        (r, c) =>
          `data-cell="${r}-${c}" tabindex="0" aria-label="Z row ${r + 1}, column ${c + 1}: ${n(v.Z?.[r][c] ?? NaN)}"`,
        `${B} × ${m}`,
        `Z = X·Wᵀ + b, ${B} rows by ${m} columns; focus an entry to see how it is made`,
      ),
    );
  } else {
    parts.push(`<p class="bp-mismatch" role="note">${v.mismatch}</p>`);
  }
  return `<div class="bp-product">${parts.join('')}</div>`;
}

/** One entry's arithmetic as text: Z₁₂ = x·w + x·w + b = … */
export function entryText(v: BatchView, r: number, j: number): string {
  if (!v.Z) return v.mismatch ?? '';
  const { terms, b, value } = entryTerms(v, r, j);
  const products = terms.map((t) => `(${n(t.x)})·(${n(t.w)})`).join(' + ');
  return `Z[${r + 1}][${j + 1}] = row ${r + 1} of X · row ${j + 1} of W + b[${j + 1}] = ${products} + (${n(b)}) = ${n(value)}`;
}
