/**
 * Draws the data a cell's plot(...) calls sent back, with Observable Plot. Loaded only when a
 * result contains a plot. Only known mark names and plain option values are passed on.
 */
import * as Plot from '@observablehq/plot';
import { decode } from '../core/encode';
import type { PlotSpec } from '../core/protocol';

const MARKS: Record<string, (data: unknown, options: Record<string, unknown>) => Plot.Markish> = {
  line: (d, o) => Plot.line(d as Plot.Data, o),
  lineY: (d, o) => Plot.lineY(d as Plot.Data, o),
  dot: (d, o) => Plot.dot(d as Plot.Data, o),
  barY: (d, o) => Plot.barY(d as Plot.Data, o),
  barX: (d, o) => Plot.barX(d as Plot.Data, o),
  areaY: (d, o) => Plot.areaY(d as Plot.Data, o),
  ruleX: (d, o) => Plot.ruleX(d as Plot.Data, o),
  ruleY: (d, o) => Plot.ruleY(d as Plot.Data, o),
  cell: (d, o) => Plot.cell(d as Plot.Data, o),
  text: (d, o) => Plot.text(d as Plot.Data, o),
};

const TOP = [
  'title',
  'subtitle',
  'caption',
  'width',
  'height',
  'grid',
  'x',
  'y',
  'color',
  'inset',
  'aspectRatio',
  'marginLeft',
  'marginRight',
  'marginTop',
  'marginBottom',
];

function plain(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

export function renderPlot(spec: PlotSpec): Element {
  const marks = spec.marks.map((m) => {
    const make = MARKS[m.mark];
    if (!make) throw new Error(`plot: unknown mark ${m.mark}`);
    return make(decode(m.data), plain(decode(m.options)));
  });
  const given = plain(decode(spec.options));
  const options: Record<string, unknown> = {};
  for (const k of TOP) if (k in given) options[k] = given[k];
  return Plot.plot({ ...options, marks });
}
