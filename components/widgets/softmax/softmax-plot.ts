/**
 * Observable Plot views of the softmax figures: bars of one probability vector, the two losses
 * of one output with their gradients, and the gradient reaching a wrong logit. They take plain
 * arrays and return an SVG; colours come from CSS classes (`sx-*`) so they follow the theme.
 */
import * as Plot from '@observablehq/plot';
import { asImage } from '../plot-a11y';
import { formatFixed, formatNumber } from '../../../src/lib/format-number';
import { SQUARED_ERROR_BOUNDS, WRONG_LOGIT_RANGE } from './softmax-logic';

const STYLE = { background: 'transparent', color: 'inherit', overflow: 'visible' } as const;

/**
 * Bars of `values` (one per class, numbered from 1) on a 0…1 axis, each labelled. A value that
 * is not a finite number (a student's overflowing softmax) is drawn at 0 and labelled as it is.
 */
export function renderBars(values: readonly number[], width: number, cls: string, aria: string) {
  const data = values.map((v, i) => {
    const ok = Number.isFinite(v);
    return { cls: String(i + 1), v: ok ? v : 0, text: ok ? formatFixed(v, 2) : formatNumber(v) };
  });
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(240, width * 0.62)),
    marginLeft: 36,
    x: { label: 'class', domain: data.map((d) => d.cls), padding: 0.2 },
    y: { label: null, domain: [0, 1], ticks: [0, 0.5, 1], tickFormat: '.1f', grid: true },
    style: STYLE,
    marks: [
      Plot.barY(data, { x: 'cls', y: 'v', className: cls }),
      Plot.text(data, {
        x: 'cls',
        y: 'v',
        text: 'text',
        dy: -7,
        fontSize: 10,
        className: 'sx-label',
      }),
      Plot.ruleY([0], { className: 'sx-axis' }),
    ],
  });
  svg.setAttribute('aria-label', aria);
  return asImage(svg);
}

type LossPoint = {
  p: number;
  squared: number;
  squaredGrad: number;
  crossEntropy: number;
  crossEntropyGrad: number;
};

/** Both losses (or both gradient magnitudes) against p̂, the bound marked, the current p̂ ringed. */
export function renderLossPanel(
  curves: readonly LossPoint[],
  at: LossPoint,
  width: number,
  which: 'loss' | 'gradient',
) {
  const top = which === 'loss' ? 4 : 8;
  const pick = (d: LossPoint) =>
    which === 'loss'
      ? { se: d.squared, ce: d.crossEntropy }
      : { se: Math.abs(d.squaredGrad), ce: Math.abs(d.crossEntropyGrad) };
  const rows = curves.flatMap((d) => {
    const v = pick(d);
    return [
      { p: d.p, v: v.se, k: 'squared error' },
      { p: d.p, v: v.ce, k: 'cross-entropy' },
    ];
  });
  const now = pick(at);
  const bound = which === 'loss' ? SQUARED_ERROR_BOUNDS.loss : SQUARED_ERROR_BOUNDS.gradient;
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(260, width * 0.7)),
    marginLeft: 36,
    x: { label: 'p̂ (target 1)', domain: [0, 1] },
    y: { label: which === 'loss' ? 'loss' : '|∂L/∂p̂|', domain: [0, top], grid: true },
    style: STYLE,
    marks: [
      Plot.ruleY([bound], { className: 'sx-bound', strokeDasharray: '4 3' }),
      Plot.text([bound], {
        x: 1,
        y: (b: number) => b,
        text: () => `squared-error bound ${bound}`,
        textAnchor: 'end',
        dy: -7,
        fontSize: 10,
        className: 'sx-label',
      }),
      Plot.line(
        rows.filter((r) => r.k === 'squared error'),
        { x: 'p', y: 'v', strokeWidth: 2, clip: true, className: 'sx-se' },
      ),
      Plot.line(
        rows.filter((r) => r.k === 'cross-entropy'),
        { x: 'p', y: 'v', strokeWidth: 2, clip: true, className: 'sx-ce' },
      ),
      Plot.dot(
        [
          { p: at.p, v: now.se, k: 'se' },
          { p: at.p, v: now.ce, k: 'ce' },
        ],
        { x: 'p', y: 'v', r: 5, clip: true, className: 'sx-now' },
      ),
    ],
  });
  svg.setAttribute(
    'aria-label',
    which === 'loss'
      ? `Losses against p̂ for target 1: squared error (1 − p̂)² stays below ${bound}; cross-entropy −ln p̂ grows without bound as p̂ approaches 0. At p̂ = ${formatFixed(at.p, 2)}: squared error ${formatFixed(now.se, 3)}, cross-entropy ${formatFixed(now.ce, 3)}.`
      : `Gradient magnitudes against p̂: squared error's 2(1 − p̂) stays below ${bound}; cross-entropy's 1/p̂ grows without bound as p̂ approaches 0.`,
  );
  return asImage(svg);
}

type GradientPoint = { z: number; squared: number; crossEntropy: number };

/** The gradient at the wrong logit under both pairings, against that logit. */
export function renderGradientCurves(
  curves: readonly GradientPoint[],
  at: GradientPoint,
  width: number,
) {
  const svg = Plot.plot({
    width,
    height: Math.round(Math.min(280, width * 0.6)),
    marginLeft: 40,
    x: { label: 'wrong class’s logit z₃', domain: [WRONG_LOGIT_RANGE.lo, WRONG_LOGIT_RANGE.hi] },
    y: { label: '∂L/∂z₃', domain: [0, 1.05], grid: true },
    style: STYLE,
    marks: [
      Plot.ruleY([0], { className: 'sx-axis' }),
      Plot.line(curves, { x: 'z', y: 'squared', strokeWidth: 2, className: 'sx-se' }),
      Plot.line(curves, { x: 'z', y: 'crossEntropy', strokeWidth: 2, className: 'sx-ce' }),
      Plot.ruleX([at.z], { className: 'sx-bound', strokeDasharray: '4 3' }),
      Plot.dot(
        [
          { z: at.z, g: at.squared },
          { z: at.z, g: at.crossEntropy },
        ],
        { x: 'z', y: 'g', r: 5, className: 'sx-now' },
      ),
    ],
  });
  svg.setAttribute(
    'aria-label',
    `Gradient reaching the wrong logit: under sigmoid and squared error it peaks and then vanishes as the logit grows; under softmax and cross-entropy it rises towards 1. At z₃ = ${formatFixed(at.z, 1)}: ${formatFixed(at.squared, 4)} and ${formatFixed(at.crossEntropy, 4)}.`,
  );
  return asImage(svg);
}
