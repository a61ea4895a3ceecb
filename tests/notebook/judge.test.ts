import { describe, expect, it } from 'vitest';
import { encode } from '../../src/notebook/core/encode';
import { compareValues } from '../../src/notebook/judge/compare';
import { formatNumber, formatValue } from '../../src/notebook/judge/format';
import { Matrix } from '../../src/engine/index';

describe('formatNumber', () => {
  it.each([
    [0.7310585786, '0.7311'],
    [1234.5678, '1234.6'],
    [3, '3'],
    [-0.5, '-0.5'],
    [1e-7, '1.000e-7'],
    [2.5e9, '2500000000'],
    [2.5e9 + 0.5, '2.500e+9'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('%s → %s', (x, text) => expect(formatNumber(x)).toBe(text));
});

describe('formatValue', () => {
  it('shows matrices with their shape and names what JSON cannot hold', () => {
    expect(
      formatValue(
        encode(
          Matrix.fromRows([
            [1, 2],
            [3, 4],
          ]),
        ),
      ),
    ).toBe('Matrix 2×2 [[1, 2], [3, 4]]');
    expect(formatValue(encode([NaN, Infinity, undefined]))).toBe('[NaN, Infinity, undefined]');
    expect(formatValue(encode(function f() {}))).toBe('[function f]');
  });
});

describe('compareValues', () => {
  const cmp = (a: unknown, b: unknown, tol = 1e-9) => compareValues(encode(a), encode(b), tol);

  it('matches numbers within the tolerance, NaN only with NaN', () => {
    expect(cmp(0.3, 0.1 + 0.2).equal).toBe(true);
    expect(cmp(1, 1.1, 0.01).equal).toBe(false);
    expect(cmp(NaN, NaN).equal).toBe(true);
    expect(cmp(0, NaN).equal).toBe(false);
    expect(cmp(Infinity, Infinity).equal).toBe(true);
  });

  it('lists the differing entries of arrays and matrices by path', () => {
    expect(cmp([1, 2, 3], [1, 0, 3]).diff).toEqual(['1']);
    expect(
      cmp(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 5],
        ],
      ).diff,
    ).toEqual(['1.1']);
    expect(cmp(Matrix.fromRows([[1, 2]]), [[1, 3]]).diff).toEqual(['0.1']);
  });

  it('explains shape and type mismatches', () => {
    expect(
      cmp(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      ).reason,
    ).toBe('expected shape 2×3, got 3×2');
    expect(cmp(1, [1]).reason).toBe('expected a number, got an array of 1');
  });
});
