/**
 * The stepper's equations as HTML strings, shared by the .astro shell (the page reads fine
 * before any script runs, all steps shown) and the element (which re-renders them when the
 * input changes). Every piece is generated here from numbers and fixed names: nothing to escape.
 */
import { formatFixed } from '../../../src/lib/format-number';
import { sizesOf, unitName, type Net, type Step, type Term } from './forward-logic';

/** "W^(1)_10" → W<sup>(1)</sup><sub>10</sub>; "a_2^(3)" → a<sub>2</sub><sup>(3)</sup>. */
export function notationHtml(name: string): string {
  return name
    .replace(/\^\((\d+)\)/g, '<sup>($1)</sup>')
    .replace(/_(\d+)/g, '<sub>$1</sub>')
    .replace(/^([a-zA-Z])/, '<var>$1</var>');
}

/** A number as the figure prints it, negatives in brackets inside a product. */
export function num(v: number, digits = 3): string {
  const s = formatFixed(v, digits);
  return v < 0 && s !== formatFixed(0, digits) ? `(${s})` : s;
}

const term = (t: Term, body: string) => `<span class="fw-term" data-link="${t.key}">${body}</span>`;

/** The equation of one step, symbols first, then the numbers, then the result. */
export function stepHtml(s: Step): string {
  const target = notationHtml(`${s.kind}_${s.unit}^(${s.layer})`);
  if (s.kind === 'a') {
    return `${target} = <var>g</var>(${notationHtml(`z_${s.unit}^(${s.layer})`)}) = <var>g</var>(${formatFixed(s.z ?? NaN, 3)}) = <strong>${formatFixed(s.value, 4)}</strong>`;
  }
  const symbols = s.terms
    .map((t) =>
      term(t, `${notationHtml(t.weight)}·${t.input === '1' ? '1' : notationHtml(t.input)}`),
    )
    .join(' + ');
  const numbers = s.terms.map((t) => term(t, `${num(t.w, 1)}·${num(t.value)}`)).join(' + ');
  return `${target} = ${symbols} = ${numbers} = <strong>${formatFixed(s.value, 3)}</strong>`;
}

/** What a screen reader hears for a step (the status line). */
export function stepText(s: Step, index: number, total: number): string {
  const name = `${s.kind}${s.unit} of layer ${s.layer}`;
  const value = formatFixed(s.value, s.kind === 'a' ? 4 : 3);
  return `Step ${index} of ${total}: ${name} = ${value}${s.kind === 'a' ? ` (the sigmoid of z = ${formatFixed(s.z ?? NaN, 3)})` : ''}.`;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "a_1^(2)" → "a₁⁽²⁾", for SVG text and labels, where <sub> and <sup> are not available. */
export function plainName(name: string): string {
  return name
    .replace(/\^\((\d+)\)/g, (_, d: string) => `⁽${[...d].map((c) => SUP[Number(c)]).join('')}⁾`)
    .replace(/_(\d+)/g, (_, d: string) => [...d].map((c) => SUB[Number(c)]).join(''));
}

/** Where each unit sits in the diagram: node id "layer-k" (k = 0 the bias unit) → x, y. */
export function layout(net: Net) {
  const sizes = sizesOf(net);
  const L = sizes.length;
  const nodes: { id: string; x: number; y: number; name: string; bias: boolean; layer: number }[] =
    [];
  sizes.forEach((n, j) => {
    const layer = j + 1;
    const x = 40 + (j * 320) / (L - 1);
    const first = layer === L ? 1 : 0;
    for (let k = first; k <= n; k++) {
      nodes.push({
        id: `${layer}-${k}`,
        x,
        y: 30 + k * 66,
        name: unitName(layer, k),
        bias: k === 0,
        layer,
      });
    }
  });
  const height = 30 + Math.max(...sizes) * 66 + 40;
  return { nodes, height, sizes };
}

/** The network diagram: edges keyed like the weights, units with a slot for their value. */
export function diagramSvg(net: Net, titleId: string): string {
  const { nodes, height } = layout(net);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = net.flatMap((W, j) =>
    W.flatMap((row, i) =>
      row.map((w, k) => {
        const from = at.get(`${j + 1}-${k}`);
        const to = at.get(`${j + 2}-${i + 1}`);
        if (!from || !to) return '';
        const width = (1 + Math.min(3.5, Math.abs(w))).toFixed(2);
        const cls = w < 0 ? 'fw-edge is-negative' : 'fw-edge';
        return `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" class="${cls}" stroke-width="${width}" data-link="W${j + 1}-${i + 1}-${k}"></line>`;
      }),
    ),
  );
  const units = nodes.map((n) => {
    const label = plainName(n.name);
    const button = n.layer > 1 && !n.bias;
    const attrs = button
      ? ` role="button" tabindex="0" aria-label="${label}: show how it is computed"`
      : '';
    return `<g class="fw-node${n.bias ? ' is-bias' : ''}" data-node="${n.id}"${attrs}><circle cx="${n.x}" cy="${n.y}" r="19"></circle><text x="${n.x}" y="${n.y}" dy="0.35em" text-anchor="middle">${label}</text></g>`;
  });
  const values = nodes
    .filter((n) => !n.bias)
    .map(
      (n) =>
        `<text x="${n.x}" y="${n.y + 33}" text-anchor="middle" class="fw-value" data-value="${n.id}"></text>`,
    );
  return `<svg viewBox="0 0 400 ${height}" role="group" aria-labelledby="${titleId}"><title id="${titleId}">Network diagram, layer sizes ${sizesOf(net).join(', ')}: each unit is connected to every unit of the next layer; dashed units are bias units with value 1. Line width shows the size of the weight, dashed lines negative weights.</title>${edges.join('')}${units.join('')}${values.join('')}</svg>`;
}

/** A column vector of value slots, e.g. the activations [1; a^(j)] or the sums z^(j+1). */
function column(kind: 'act' | 'z' | 'a', layer: number, n: number, bias: boolean): string {
  const cells: string[] = [];
  if (bias) cells.push(`<tr><td data-${kind}="${layer}-0">1</td></tr>`);
  for (let k = 1; k <= n; k++) cells.push(`<tr><td data-${kind}="${layer}-${k}">?</td></tr>`);
  return `<table class="lf-matrix fw-vector" aria-label="${kind === 'act' ? `[1; activations of layer ${layer}]` : `${kind === 'z' ? 'weighted sums' : 'activations'} of layer ${layer}`}"><tbody>${cells.join('')}</tbody></table>`;
}

/**
 * Each layer as its matrix product: W^(j) (editable entries) times [1; a^(j)] gives z^(j+1),
 * and g of that gives a^(j+1). Slots are filled by the element as steps are done.
 */
export function matricesHtml(net: Net): string {
  const sizes = sizesOf(net);
  return net
    .map((W, j) => {
      const rows = W.map(
        (row, i) =>
          `<tr data-row="${j + 2}-${i + 1}">${row
            .map((w, k) => {
              const name = plainName(`W^(${j + 1})_${i + 1}${k}`);
              const from = plainName(unitName(j + 1, k));
              return `<td data-link="W${j + 1}-${i + 1}-${k}"><input type="number" step="0.1" min="-10" max="10" value="${w}" data-w="${j}-${i}-${k}" aria-label="${name}, from ${from} to ${plainName(unitName(j + 2, i + 1))}"></td>`;
            })
            .join('')}</tr>`,
      );
      const head = `${notationHtml(`z^(${j + 2})`)} = ${notationHtml(`W^(${j + 1})`)} [1; ${j === 0 ? '<var>x</var>' : notationHtml(`a^(${j + 1})`)}]`;
      return `<div class="fw-product" data-layer="${j + 2}"><p class="fw-eq">${head}, then ${notationHtml(`a^(${j + 2})`)} = <var>g</var>(${notationHtml(`z^(${j + 2})`)})</p><div class="fw-mats"><table class="lf-matrix fw-weights" aria-label="Weight matrix W(${j + 1}): one row per unit of layer ${j + 2}, column 0 for the bias unit"><tbody>${rows.join('')}</tbody></table><span aria-hidden="true">·</span>${column('act', j + 1, sizes[j], true)}<span aria-hidden="true">=</span>${column('z', j + 2, sizes[j + 1], false)}<span aria-hidden="true">→ g →</span>${column('a', j + 2, sizes[j + 1], false)}</div></div>`;
    })
    .join('');
}
