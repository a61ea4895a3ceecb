/**
 * The chapter 4 Plot figures: the sigmoid explorer's g(w·x + b) against the step (with the
 * tangent at the marked x and, when the student asks, their own sigmoid), and the stepper's
 * small sigmoid curve with each computed unit's point (z, g(z)). Colours come from CSS
 * classes (`sx-*`), so the figures follow the theme.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { sigmoid } from '../../../src/engine';
import { X_RANGE, curves, slopeAt, xGrid } from './forward-logic';
import { formatFixed } from '../../../src/lib/format-number';

export interface SigmoidView {
  w: number;
  b: number;
  /** The marked input. */
  x: number;
  /** The student's values of g(w·x + b) on xGrid(), when drawn. */
  yours?: readonly number[];
  width: number;
}

const frameStyle = { background: 'transparent', color: 'inherit', overflow: 'visible' };

export function renderSigmoid({ w, b, x, yours, width }: SigmoidView) {
  const data = curves(w, b);
  const g = sigmoid(w * x + b);
  const s = slopeAt(w, b, x);
  const half = Math.min(1.5, 0.45 / Math.max(Math.abs(s), 1e-9));
  const tangent = [
    { x: x - half, g: g - s * half },
    { x: x + half, g: g + s * half },
  ];
  const mine = yours
    ? xGrid()
        .map((xx, i) => ({ x: xx, g: yours[i] }))
        .filter((p) => Number.isFinite(p.g))
    : [];
  const svg = Plot.plot({
    width,
    height: Math.round(width * 0.55),
    marginLeft: 40,
    x: { domain: [...X_RANGE], label: 'x', labelAnchor: 'right' },
    y: { domain: [-0.05, 1.05], label: 'output', ticks: [0, 0.5, 1] },
    style: frameStyle,
    marks: [
      Plot.ruleY([0, 0.5, 1], { className: 'sx-grid' }),
      Plot.ruleX([0], { className: 'sx-grid' }),
      Plot.line(
        data.filter((d) => d.f === 'step'),
        { x: 'x', y: 'g', curve: 'step-after', strokeWidth: 2, className: 'sx-step' },
      ),
      Plot.line(
        data.filter((d) => d.f === 'sigmoid'),
        { x: 'x', y: 'g', strokeWidth: 2.5, className: 'sx-sigmoid' },
      ),
      Plot.line(mine, { x: 'x', y: 'g', strokeWidth: 3, className: 'sx-yours' }),
      Plot.line(tangent, { x: 'x', y: 'g', strokeWidth: 1.5, className: 'sx-tangent' }),
      Plot.dot([{ x, g }], { x: 'x', y: 'g', r: 5, className: 'sx-point' }),
    ],
  });
  svg.setAttribute(
    'aria-label',
    `The sigmoid g(${formatFixed(w, 2)}·x + ${formatFixed(b, 2)}) and the step of the same sum, for x from −8 to 8; at x = ${formatFixed(x, 1)} it is ${formatFixed(g, 4)}${yours ? ', with your sigmoid drawn on top' : ''}`,
  );
  return asImage(svg);
}

/** A computed unit's point on the sigmoid; `current` is the one being computed now. */
export interface UnitPoint {
  z: number;
  g: number;
  name: string;
  current: boolean;
}

/** The stepper's sigmoid: g(z) for z in [−8, 8] (wider if a point lies outside) and the units. */
export function renderUnitCurve(points: readonly UnitPoint[], width: number) {
  const reach = Math.max(8, ...points.map((p) => Math.ceil(Math.abs(p.z))));
  const zs = Array.from({ length: 121 }, (_, i) => -reach + (i * 2 * reach) / 120);
  const svg = Plot.plot({
    width,
    height: Math.round(width * 0.6),
    marginLeft: 36,
    x: { domain: [-reach, reach], label: 'z', labelAnchor: 'right' },
    y: { domain: [-0.05, 1.05], label: 'g(z)', ticks: [0, 0.5, 1] },
    style: frameStyle,
    marks: [
      Plot.ruleY([0, 0.5, 1], { className: 'sx-grid' }),
      Plot.ruleX([0], { className: 'sx-grid' }),
      Plot.line(
        zs.map((z) => ({ z, g: sigmoid(z) })),
        { x: 'z', y: 'g', strokeWidth: 2, className: 'sx-sigmoid' },
      ),
      Plot.dot(
        points.filter((p) => !p.current),
        { x: 'z', y: 'g', r: 4, className: 'sx-done' },
      ),
      Plot.dot(
        points.filter((p) => p.current),
        { x: 'z', y: 'g', r: 7, className: 'sx-point' },
      ),
      Plot.text(
        points.filter((p) => p.current),
        { x: 'z', y: 'g', text: 'name', dy: -14, fontSize: 12, className: 'sx-label' },
      ),
    ],
  });
  const cur = points.find((p) => p.current);
  svg.setAttribute(
    'aria-label',
    cur
      ? `The sigmoid g(z), with ${cur.name} at z = ${formatFixed(cur.z, 3)}, g(z) = ${formatFixed(cur.g, 4)}`
      : `The sigmoid g(z), with the ${points.length} units computed so far`,
  );
  return asImage(svg);
}
