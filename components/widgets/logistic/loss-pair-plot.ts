/**
 * Observable Plot views of chapter 9's "BCE or squared error" figure: the plane with the points
 * and both runs' decision lines, and the share of points each run has right after every step.
 * Colours and dashes come from CSS classes (lp-bce, lp-squared-error).
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { boundarySegment, type Weights } from '../perceptron/perceptron-logic';
import { LAB_VIEW } from './lab-logic';
import { planeOptions } from './lab-plot';
import { PAIR_LOSSES, PAIR_TARGET, pairSides, stepsTaken, type PairState } from './loss-pair-logic';

const STYLE = { background: 'transparent', color: 'inherit', overflow: 'visible' } as const;

/** The points (positive filled, negative hollow) and each run's line ŷ = 0.5. */
export function renderPairPlane(s: PairState, width: number) {
  const v = LAB_VIEW;
  const sides = pairSides(s);
  const lines = sides.flatMap((d) => {
    const seg = boundarySegment(d.w as unknown as Weights, v);
    return seg ? [Plot.line(seg, { strokeWidth: 2.5, className: `lp-${d.loss}` })] : [];
  });
  const svg = Plot.plot({
    ...planeOptions(width),
    marks: [
      Plot.frame({ className: 'lp-frame' }),
      ...lines,
      Plot.dot(
        s.points.filter((p) => p.c === 1),
        { x: 'x1', y: 'x2', r: 4, className: 'lp-pos' },
      ),
      Plot.dot(
        s.points.filter((p) => p.c === 0),
        { x: 'x1', y: 'x2', r: 4, strokeWidth: 2, className: 'lp-neg' },
      ),
    ],
  });
  const n = s.points.length;
  const parts = sides.map((d) => {
    const right = d.right[d.right.length - 1];
    const line = boundarySegment(d.w as unknown as Weights, v) ? 'its line' : 'no line yet';
    return `${d.label}: ${right} of ${n} points right, ${line}`;
  });
  svg.setAttribute(
    'aria-label',
    `The ${n} points after ${stepsTaken(s)} steps. ${parts.join('; ')}.`,
  );
  return asImage(svg);
}

/** Share of the points right after each step, one line per run, with the target. */
export function renderPairProgress(s: PairState, width: number) {
  const sides = pairSides(s);
  const n = s.points.length;
  const steps = stepsTaken(s);
  const stride = Math.max(1, Math.ceil(steps / 400));
  // At most about 400 points a line: every stride-th step, and always the latest.
  const at: number[] = [];
  for (let i = 0; i < steps; i += stride) at.push(i);
  at.push(steps);
  const data = sides.flatMap((d) =>
    at.map((step) => ({ loss: d.loss, step, share: d.right[step] / n })),
  );
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(220, width * 0.55)),
    marginLeft: 40,
    x: { label: 'step', domain: [0, Math.max(50, steps)] },
    y: { label: 'share of points right', domain: [0, 1], grid: true },
    style: STYLE,
    marks: [
      Plot.ruleY([PAIR_TARGET], { strokeDasharray: '3 3', className: 'lp-target' }),
      ...PAIR_LOSSES.map((loss) =>
        Plot.line(
          data.filter((d) => d.loss === loss),
          { x: 'step', y: 'share', strokeWidth: 2, className: `lp-${loss}` },
        ),
      ),
    ],
  });
  const parts = sides.map(
    (d) =>
      `${d.label}: ${d.right[d.right.length - 1]} of ${n}${d.reached === null ? '' : `, ${Math.round(100 * PAIR_TARGET)} % first reached after ${d.reached} steps`}`,
  );
  svg.setAttribute(
    'aria-label',
    `Share of points right after each of ${steps} steps. ${parts.join('; ')}.`,
  );
  return asImage(svg);
}
