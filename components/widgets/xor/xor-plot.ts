/**
 * Observable Plot views of the XOR lab: the input plane with the hidden units' lines, hidden
 * space, the trained network's decision regions and its loss curve. Line and point colours
 * come from CSS classes (`xl-*`); raster colours, which Plot paints on a canvas, are read
 * from the theme's CSS variables by the caller and passed in.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { gates } from '../../../src/engine';
import {
  boundarySegment,
  halfPlane,
  type View,
  type Weights,
} from '../perceptron/perceptron-logic';
import { lossCurve, stepNetForward, stepNetTable, type StepNet } from './xor-logic';

export const XOR_VIEW: View = { lo: -0.5, hi: 1.5 };

/** Theme colours for rasters: [colour of 0, colour of 1]. */
export type RampColours = [string, string];

const xorPoints = () =>
  gates.XOR.inputs.map((x, i) => ({ x1: x[0], x2: x[1], t: gates.XOR.targets[i] }));

function frame(
  width: number,
  labels: [string, string],
  view: View,
  marks: Plot.Markish[],
  aria: string,
  colours?: RampColours,
) {
  const domain: [number, number] = [view.lo, view.hi];
  const svg = Plot.plot({
    width,
    color: colours ? { type: 'linear', domain: [0, 1], range: colours } : undefined,
    height: width,
    margin: 32,
    x: { domain, label: labels[0], ticks: [0, 0.5, 1], labelAnchor: 'right' },
    y: { domain, label: labels[1], ticks: [0, 0.5, 1], labelAnchor: 'top' },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks,
  });
  svg.setAttribute('aria-label', aria);
  return asImage(svg);
}

function pointMarks(rows: { x1: number; x2: number; t: number }[]): Plot.Markish[] {
  return [
    Plot.dot(
      rows.filter((r) => r.t === 1),
      { x: 'x1', y: 'x2', r: 7, fill: 'currentColor', className: 'xl-target-1' },
    ),
    Plot.dot(
      rows.filter((r) => r.t === 0),
      { x: 'x1', y: 'x2', r: 6, strokeWidth: 3, className: 'xl-target-0' },
    ),
  ];
}

function unitLine(w: Weights, view: View, name: string, cls: string): Plot.Markish[] {
  const seg = boundarySegment(w, view);
  if (!seg) return [];
  // Label the line at its end nearest the top-right, nudged inside the frame.
  const end = seg[0][0] + seg[0][1] > seg[1][0] + seg[1][1] ? seg[0] : seg[1];
  return [
    Plot.line(seg, { strokeWidth: 2.5, className: cls }),
    Plot.text([end], { text: () => name, dx: -10, dy: 10, fontSize: 13, className: cls }),
  ];
}

/** Input plane: where the step network outputs 1 (shaded), both hidden lines, XOR points. */
export function renderInputPlane(net: StepNet, width: number, colours: RampColours) {
  const v = XOR_VIEW;
  return frame(
    width,
    ['x₁', 'x₂'],
    v,
    [
      Plot.raster({
        x1: v.lo,
        x2: v.hi,
        y1: v.lo,
        y2: v.hi,
        pixelSize: 3,
        fill: (x: number, y: number) => (stepNetForward(net, [x, y]).y === 1 ? 1 : 0),
        imageRendering: 'pixelated',
      }),
      Plot.gridX({ ticks: [0, 1], className: 'xl-grid' }),
      Plot.gridY({ ticks: [0, 1], className: 'xl-grid' }),
      Plot.frame({ className: 'xl-grid' }),
      ...unitLine(net.hidden[0], v, 'h₁', 'xl-h1'),
      ...unitLine(net.hidden[1], v, 'h₂', 'xl-h2'),
      ...pointMarks(xorPoints()),
    ],
    'Input plane: the two hidden units’ lines and the region where the network outputs 1',
    colours,
  );
}

/** Hidden space: each input's (h1, h2), grouped where several land together, and y's line. */
export function renderHiddenSpace(net: StepNet, width: number) {
  const v = XOR_VIEW;
  const groups = new Map<string, { x1: number; x2: number; t: number; label: string[] }>();
  for (const r of stepNetTable(net)) {
    const key = r.h.join(',');
    const g = groups.get(key) ?? { x1: r.h[0], x2: r.h[1], t: r.target, label: [] };
    // Two inputs with different targets on one point make it impossible for any output line.
    if (g.t !== r.target) g.t = -1;
    g.label.push(`(${r.x[0]},${r.x[1]})`);
    groups.set(key, g);
  }
  const rows = [...groups.values()];
  const out = net.output;
  return frame(
    width,
    ['h₁', 'h₂'],
    v,
    [
      Plot.line(halfPlane(out, 1, v), { fill: 'currentColor', className: 'xl-region-1' }),
      Plot.gridX({ ticks: [0, 1], className: 'xl-grid' }),
      Plot.gridY({ ticks: [0, 1], className: 'xl-grid' }),
      Plot.frame({ className: 'xl-grid' }),
      ...unitLine(out, v, 'y', 'xl-out'),
      ...pointMarks(rows.filter((r) => r.t >= 0)),
      Plot.dot(
        rows.filter((r) => r.t < 0),
        { x: 'x1', y: 'x2', r: 7, symbol: 'times', strokeWidth: 3, className: 'xl-clash' },
      ),
      Plot.text(rows, {
        x: 'x1',
        y: 'x2',
        text: (r: { label: string[] }) => r.label.join(' '),
        dy: -16,
        fontSize: 11,
        className: 'xl-label',
      }),
    ],
    'Hidden space: where each input lands, and the output unit’s line',
  );
}

/** The trained network's output over the plane, its 0.5 contour, and the XOR points. */
export function renderRegions(
  grid: Float64Array,
  n: number,
  width: number,
  colours: RampColours,
): ReturnType<typeof Plot.plot> {
  const v = XOR_VIEW;
  const box = { x1: v.lo, x2: v.hi, y1: v.hi, y2: v.lo, width: n, height: n };
  const svg = Plot.plot({
    width,
    height: width,
    margin: 32,
    x: { domain: [v.lo, v.hi], label: 'x₁', ticks: [0, 0.5, 1], labelAnchor: 'right' },
    y: { domain: [v.lo, v.hi], label: 'x₂', ticks: [0, 0.5, 1], labelAnchor: 'top' },
    color: { type: 'linear', domain: [0, 1], range: colours },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks: [
      Plot.raster(grid, { ...box, interpolate: 'nearest' }),
      Plot.contour(grid, { ...box, thresholds: [0.5], stroke: 'currentColor', fill: null }),
      Plot.frame({ className: 'xl-grid' }),
      ...pointMarks(xorPoints()),
    ],
  });
  svg.setAttribute('aria-label', 'Decision regions: the network’s output over the input plane');
  return asImage(svg);
}

/** Loss per epoch (thinned to a few hundred points). */
export function renderLoss(losses: readonly number[], width: number) {
  const data = lossCurve(losses);
  const top = Math.max(0.3, ...data.map((d) => d.loss));
  const svg = Plot.plot({
    width,
    height: Math.round(width * 0.55),
    marginLeft: 44,
    x: { label: 'epoch', domain: [0, Math.max(100, losses.length - 1)] },
    y: { label: 'loss (MSE)', domain: [0, top], grid: true },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks: [
      Plot.ruleY([0], { className: 'xl-grid' }),
      Plot.line(data, { x: 'epoch', y: 'loss', strokeWidth: 2, className: 'xl-loss' }),
    ],
  });
  const last = data[data.length - 1];
  svg.setAttribute(
    'aria-label',
    `Loss curve: ${last.loss.toFixed(4)} after ${last.epoch} epochs, from ${data[0].loss.toFixed(4)}`,
  );
  return asImage(svg);
}
