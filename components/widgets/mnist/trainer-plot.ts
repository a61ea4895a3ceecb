/**
 * Observable Plot views of the MNIST trainer: the training loss and the held-out accuracy,
 * both against epochs. Colours come from CSS classes (`mt-*`), so the figures follow the theme.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import type { LossPoint } from './trainer-run';

function frame(
  width: number,
  height: number,
  y: Plot.ScaleOptions,
  epochs: number,
  marks: Plot.Markish[],
  aria: string,
) {
  const svg = Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 34,
    x: { domain: [0, epochs], label: 'epochs', labelAnchor: 'right', ticks: Math.min(epochs, 5) },
    y: { ...y, grid: true },
    style: { background: 'transparent', color: 'inherit', overflow: 'visible' },
    marks,
  });
  svg.setAttribute('aria-label', aria);
  return asImage(svg);
}

/** Training loss (mean squared error per digit) against epochs. */
export function renderLossCurve(points: readonly LossPoint[], epochs: number, width: number) {
  const last = points[points.length - 1];
  return frame(
    width,
    Math.round(width * 0.6),
    {
      label: 'training loss',
      domain: [0, Math.max(1, ...points.map((p) => p.loss))],
      labelAnchor: 'top',
    },
    epochs,
    [Plot.line(points, { x: 'epoch', y: 'loss', strokeWidth: 2, className: 'mt-loss' })],
    last
      ? `Training loss against epochs: ${points.length} points, latest ${last.loss.toFixed(3)} after ${last.epoch.toFixed(2)} epochs.`
      : 'Training loss against epochs: no points yet.',
  );
}

/** Held-out accuracy (in %) against epochs. */
export function renderAccuracyCurve(
  points: readonly { epoch: number; accuracy: number }[],
  epochs: number,
  width: number,
) {
  const rows = points.map((p) => ({ epoch: p.epoch, percent: 100 * p.accuracy }));
  const last = rows[rows.length - 1];
  return frame(
    width,
    Math.round(width * 0.6),
    { label: 'held-out accuracy (%)', domain: [0, 100], labelAnchor: 'top' },
    epochs,
    [
      Plot.line(rows, { x: 'epoch', y: 'percent', strokeWidth: 2, className: 'mt-acc' }),
      Plot.dot(rows, {
        x: 'epoch',
        y: 'percent',
        r: 2.5,
        fill: 'currentColor',
        className: 'mt-acc',
      }),
    ],
    last
      ? `Held-out accuracy against epochs: latest ${last.percent.toFixed(1)} % after ${last.epoch.toFixed(2)} epochs.`
      : 'Held-out accuracy against epochs: no points yet.',
  );
}
