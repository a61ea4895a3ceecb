/**
 * Observable Plot views of chapter 8's loss switch: both runs' held-out accuracy on one plot
 * (with the target line and where each run first crosses it) and both runs' training loss on
 * another, against mini-batch steps. Each run's colour and dash come from CSS classes
 * (`ls-squared-error`, `ls-cross-entropy`), so the figures follow the theme and the legend in
 * the markup matches them; the dash keeps the two apart without colour.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { OUTPUTS } from './trainer-run';
import { SWITCH_OUTPUTS, sideResults, type LossSwitchState, type SideResult } from './switch-state';

const DASH = { 'squared-error': '6 4', 'cross-entropy': 'none' } as const;

function frame(width: number, steps: number, y: Plot.ScaleOptions, marks: Plot.Markish[]) {
  return Plot.plot({
    width,
    height: Math.round(width * 0.6),
    marginLeft: 44,
    marginBottom: 34,
    x: { domain: [0, steps], label: 'steps (mini-batches of 32)', labelAnchor: 'right', ticks: 5 },
    y: { ...y, grid: true, labelAnchor: 'top' },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks,
  });
}

const describeRuns = (results: readonly SideResult[]) =>
  results
    .map((r) =>
      r.latest === null
        ? `${r.label}: no points yet`
        : `${r.label}: latest ${(100 * r.latest).toFixed(1)} %${r.reached ? `, first at or above the target after ${r.reached.step} steps` : ''}`,
    )
    .join('; ');

/** Held-out accuracy (%) of both runs against steps, with the target and the first crossings. */
export function renderSwitchAccuracy(s: LossSwitchState, steps: number, width: number) {
  const target = 100 * s.settings.target;
  const marks: Plot.Markish[] = [
    Plot.ruleY([target], { strokeDasharray: '2 3', className: 'ls-target' }),
  ];
  for (const output of SWITCH_OUTPUTS) {
    const rows = s.runs[output].accuracy.map((p) => ({ step: p.step, percent: 100 * p.accuracy }));
    marks.push(
      Plot.line(rows, {
        x: 'step',
        y: 'percent',
        strokeWidth: 2,
        strokeDasharray: DASH[output],
        className: `ls-${output}`,
      }),
    );
  }
  const results = sideResults(s);
  const crossings = results.flatMap((r) =>
    r.reached
      ? [{ step: r.reached.step, percent: 100 * r.reached.accuracy, output: r.output }]
      : [],
  );
  for (const c of crossings) {
    marks.push(
      Plot.dot([c], {
        x: 'step',
        y: 'percent',
        r: 4.5,
        fill: 'currentColor',
        className: `ls-${c.output}`,
      }),
    );
  }
  const svg = frame(width, steps, { label: 'held-out accuracy (%)', domain: [0, 100] }, marks);
  svg.setAttribute(
    'aria-label',
    `Held-out accuracy against steps, target ${target.toFixed(0)} %. ${describeRuns(results)}.`,
  );
  return asImage(svg);
}

/** Training loss of both runs against steps; each run is scored by its own loss. */
export function renderSwitchLoss(s: LossSwitchState, steps: number, width: number) {
  const marks: Plot.Markish[] = [];
  let top = 1;
  const parts: string[] = [];
  for (const output of SWITCH_OUTPUTS) {
    const points = s.runs[output].losses;
    for (const p of points) top = Math.max(top, p.loss);
    const last = points[points.length - 1];
    parts.push(
      `${OUTPUTS[output].label}: ${last ? `latest ${last.loss.toFixed(3)} after ${last.step} steps` : 'no points yet'}`,
    );
    marks.push(
      Plot.line(points, {
        x: 'step',
        y: 'loss',
        strokeWidth: 2,
        strokeDasharray: DASH[output],
        className: `ls-${output}`,
      }),
    );
  }
  const svg = frame(width, steps, { label: 'training loss', domain: [0, top] }, marks);
  svg.setAttribute('aria-label', `Training loss against steps. ${parts.join('; ')}.`);
  return asImage(svg);
}
