/**
 * The stacking figure: the network's probability of class 1 over the plane (a raster whose
 * colours the caller reads from the theme), the decision boundary where it crosses 0.5, and
 * the two classes of points (styled by the `st-*` classes).
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import type { Dataset } from '../../../src/engine';
import { VIEW } from './stacking-logic';

export function renderStack(
  probs: Float64Array,
  n: number,
  data: Dataset,
  width: number,
  colours: [string, string],
  description: string,
) {
  const box = { x1: VIEW.lo, x2: VIEW.hi, y1: VIEW.hi, y2: VIEW.lo, width: n, height: n };
  const points = data.inputs.map((p, i) => ({ x: p[0], y: p[1], t: data.targets[i] }));
  const svg = Plot.plot({
    width,
    height: width,
    margin: 28,
    x: { domain: [VIEW.lo, VIEW.hi], label: 'x₁', ticks: [-1, 0, 1], labelAnchor: 'right' },
    y: { domain: [VIEW.lo, VIEW.hi], label: 'x₂', ticks: [-1, 0, 1], labelAnchor: 'top' },
    color: { type: 'linear', domain: [0, 1], range: colours },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks: [
      Plot.raster(probs, { ...box, interpolate: 'nearest' }),
      Plot.contour(probs, {
        ...box,
        thresholds: [0.5],
        stroke: 'currentColor',
        strokeWidth: 2,
        fill: null,
        className: 'st-boundary',
      }),
      Plot.frame({ className: 'sx-grid' }),
      Plot.dot(
        points.filter((p) => p.t === 1),
        { x: 'x', y: 'y', r: 3.5, fill: 'currentColor', className: 'st-class-1' },
      ),
      Plot.dot(
        points.filter((p) => p.t === 0),
        { x: 'x', y: 'y', r: 3.5, strokeWidth: 1.5, className: 'st-class-0' },
      ),
    ],
  });
  svg.setAttribute('aria-label', description);
  return asImage(svg);
}
