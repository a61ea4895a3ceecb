/**
 * Observable Plot views of the logistic regression lab: the plane with the probability
 * heatmap, the decision line and the points (sized by their own BCE), and the loss curve.
 * Raster colours come from the caller (read from the theme); the rest is styled by class.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { boundarySegment, type Weights } from '../perceptron/perceptron-logic';
import { LAB_VIEW, type LabPoint } from './lab-logic';
import { formatFixed } from '../../../src/lib/format-number';

const STYLE = { background: 'transparent', color: 'inherit', overflow: 'visible' } as const;

/** The square plane of the lab's points: its size, margins, axes and style. */
export function planeOptions(width: number) {
  const v = LAB_VIEW;
  return {
    width,
    height: width,
    margin: 34,
    x: { domain: [v.lo, v.hi], label: 'x₁' },
    y: { domain: [v.lo, v.hi], label: 'x₂' },
    style: STYLE,
  };
}

/** A point's radius from its own loss: a right, confident point is small, a wrong one large. */
export const radiusOf = (loss: number) => 3 + Math.min(9, 3 * Math.sqrt(loss));

/** The plane: p̂ as a heatmap, the line p̂ = 0.5, the points sized by their loss. */
export function renderPlane(
  grid: Float64Array,
  n: number,
  w: readonly number[],
  points: readonly LabPoint[],
  losses: readonly number[],
  width: number,
  colours: [string, string],
  aria: string,
) {
  const v = LAB_VIEW;
  const box = { x1: v.lo, x2: v.hi, y1: v.hi, y2: v.lo, width: n, height: n };
  const seg = boundarySegment(w as unknown as Weights, v);
  const rows = points.map((p, i) => ({ ...p, r: radiusOf(losses[i] ?? 0) }));
  const svg = Plot.plot({
    ...planeOptions(width),
    r: { type: 'identity' },
    color: { type: 'linear', domain: [0, 1], range: colours },
    marks: [
      Plot.raster(grid, { ...box, interpolate: 'nearest' }),
      Plot.frame({ className: 'lr-frame' }),
      ...(seg ? [Plot.line(seg, { strokeWidth: 2.5, className: 'lr-line' })] : []),
      Plot.dot(
        rows.filter((p) => p.c === 1),
        { x: 'x1', y: 'x2', r: 'r', className: 'lr-pos' },
      ),
      Plot.dot(
        rows.filter((p) => p.c === 0),
        { x: 'x1', y: 'x2', r: 'r', strokeWidth: 2, className: 'lr-neg' },
      ),
    ],
  });
  svg.setAttribute('aria-label', aria);
  return asImage(svg);
}

/** Mean BCE after each step. */
export function renderLabLoss(losses: readonly number[], width: number) {
  const stride = Math.max(1, Math.ceil(losses.length / 400));
  const data: { step: number; loss: number }[] = [];
  for (let i = 0; i < losses.length; i += stride) data.push({ step: i, loss: losses[i] });
  data.push({ step: losses.length - 1, loss: losses[losses.length - 1] });
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(220, width * 0.5)),
    marginLeft: 40,
    x: { label: 'step', domain: [0, Math.max(50, losses.length - 1)] },
    y: { label: 'mean BCE', domain: [0, Math.max(0.8, ...data.map((d) => d.loss))], grid: true },
    style: STYLE,
    marks: [Plot.line(data, { x: 'step', y: 'loss', strokeWidth: 2, className: 'lr-loss' })],
  });
  const last = losses[losses.length - 1];
  svg.setAttribute(
    'aria-label',
    `Loss curve: mean binary cross-entropy ${formatFixed(last, 4)} after ${losses.length - 1} steps, from ${formatFixed(losses[0], 4)}.`,
  );
  return asImage(svg);
}
