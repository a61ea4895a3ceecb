/**
 * The playground's input-plane figure as Observable Plot marks. Colours come from the site's
 * CSS variables through the `pp-*` classes (see PerceptronPlayground.astro), so the figure
 * follows the light/dark theme; class 1 vs 0 is also told apart by shape (filled vs ring).
 */
import type { GateName } from '../../../src/engine';
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import {
  boundarySegment,
  describeBoundary,
  halfPlane,
  truthTable,
  type Point,
  type View,
  type Weights,
} from './perceptron-logic';

export interface PlaneFigure {
  w: Weights;
  gate: GateName;
  view: View;
  handles: readonly [Point, Point] | null;
  /** Index of the input the learning rule just visited, highlighted with a ring. */
  highlight: number | null;
  /** Pixel width (the figure is square). */
  width: number;
}

/** Render the plane; the returned element carries Plot's `scale()` for pointer inversion. */
export function renderPlane(f: PlaneFigure): SVGSVGElement & Plot.Plot {
  const { w, gate, view, handles, highlight, width } = f;
  const rows = truthTable(w, gate).map((r, i) => ({ ...r, x1: r.x[0], x2: r.x[1], i }));
  const seg = boundarySegment(w, view);
  const domain: [number, number] = [view.lo, view.hi];
  const marks: Plot.Markish[] = [
    Plot.line(halfPlane(w, 1, view), { fill: 'currentColor', className: 'pp-region-1' }),
    Plot.line(halfPlane(w, 0, view), { fill: 'currentColor', className: 'pp-region-0' }),
    Plot.gridX({ ticks: [0, 1], className: 'pp-grid' }),
    Plot.gridY({ ticks: [0, 1], className: 'pp-grid' }),
    Plot.frame({ className: 'pp-frame' }),
  ];
  if (seg) {
    marks.push(Plot.line(seg, { strokeWidth: 2.5, className: 'pp-boundary' }));
    // An arrow along (w1, w2) from the middle of the line points into the output-1 side.
    const mid: Point = [(seg[0][0] + seg[1][0]) / 2, (seg[0][1] + seg[1][1]) / 2];
    const len = 0.25 / Math.hypot(w[1], w[2]);
    marks.push(
      Plot.arrow([{ x1: mid[0], y1: mid[1], x2: mid[0] + w[1] * len, y2: mid[1] + w[2] * len }], {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        strokeWidth: 1.5,
        headLength: 8,
        className: 'pp-normal',
      }),
    );
  }
  if (highlight !== null) {
    marks.push(
      Plot.dot([rows[highlight]], {
        x: 'x1',
        y: 'x2',
        r: 15,
        strokeWidth: 3,
        className: 'pp-last',
      }),
    );
  }
  marks.push(
    Plot.dot(
      rows.filter((r) => r.target === 1),
      { x: 'x1', y: 'x2', r: 8, fill: 'currentColor', className: 'pp-target-1' },
    ),
    Plot.dot(
      rows.filter((r) => r.target === 0),
      { x: 'x1', y: 'x2', r: 7, strokeWidth: 3, className: 'pp-target-0' },
    ),
    Plot.text(rows, {
      x: 'x1',
      y: 'x2',
      text: (r: { y: number }) => `y=${r.y}`,
      dy: -17,
      fontSize: 11,
      className: 'pp-label',
    }),
  );
  if (handles) {
    marks.push(
      Plot.dot(handles, { r: 7, strokeWidth: 2, fill: 'currentColor', className: 'pp-handle' }),
    );
  }
  const svg = Plot.plot({
    width,
    height: width,
    margin: 32,
    x: { domain, label: 'x₁', ticks: [0, 0.5, 1], labelAnchor: 'right' },
    y: { domain, label: 'x₂', ticks: [0, 0.5, 1], labelAnchor: 'top' },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks,
  }) as SVGSVGElement & Plot.Plot;
  // The label; the boundary itself is read out by the live caption under the figure.
  svg.setAttribute('aria-label', `Input plane for ${gate}: ${describeBoundary(w)}`);
  return asImage(svg);
}
