/**
 * Numbers as text, in one place for the whole site: `formatNumber` for feedback and cell
 * output (significant digits, exact integers, named non-finite values), `formatFixed` for
 * figures and tables (a fixed number of decimals and a real minus sign, so columns line up).
 */

/**
 * Four significant digits for fractions, exact integers, exponents for the very large and
 * very small: 0.7310585786 → "0.7311", 1234.5678 → "1234.6", 1e-7 → "1.000e-7".
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) return x.toExponential(3);
  const decimals = Math.min(6, Math.max(1, 3 - Math.floor(Math.log10(a))));
  return x.toFixed(decimals).replace(/\.?0+$/, '');
}

/** A number with a real minus sign and two decimals, e.g. −1.50. */
export function formatFixed(v: number, digits = 2): string {
  const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
  return s.replace('-', '−');
}
