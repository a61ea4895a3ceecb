import { describe, expect, it } from 'vitest';
import {
  Matrix,
  add,
  addBackward,
  argmaxRows,
  map,
  mapBackward,
  matmul,
  matmulBackward,
  maxRows,
  maxRowsBackward,
  mul,
  mulBackward,
  scale,
  scaleBackward,
  sub,
  subBackward,
  sumRows,
  sumRowsBackward,
  transpose,
  transposeBackward,
  zeros,
} from '../../src/engine/index';
import { checkGradient, project, randomMatrix } from './check-gradient';

/** Plain float64 reference product on nested arrays. */
function refMatmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

describe('Matrix', () => {
  it('round-trips rows and indexes row-major', () => {
    const m = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(m.shape).toEqual([2, 3]);
    expect(m.get(1, 0)).toBe(4);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    m.set(0, 2, 9);
    expect(m.toRows()).toEqual([
      [1, 2, 9],
      [4, 5, 6],
    ]);
    expect(zeros(2, 2).toRows()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('rejects ragged rows, bad data lengths and out-of-range indices', () => {
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
    expect(() => new Matrix(2, 2, new Float32Array(3))).toThrow(/\[2×2\] needs 4 values, got 3/);
    expect(() => zeros(2, 2).get(2, 0)).toThrow(/\(2, 0\) outside \[2×2\]/);
  });
});

describe('ops', () => {
  const a = randomMatrix(3, 4, 1);
  const b = randomMatrix(4, 5, 2);

  it('matmul matches a float64 reference', () => {
    const got = matmul(a, b).toRows().flat();
    refMatmul(a.toRows(), b.toRows())
      .flat()
      .forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
  });

  it('transpose, add with a broadcast bias row, sub, mul, scale, map', () => {
    expect(transpose(a).toRows()).toEqual(a.toRows()[0].map((_, j) => a.toRows().map((r) => r[j])));
    const bias = Matrix.row([1, 2, 3, 4]);
    expect(add(a, bias).get(2, 3)).toBeCloseTo(a.get(2, 3) + 4, 6);
    expect(
      sub(a, a)
        .toRows()
        .flat()
        .every((v) => v === 0),
    ).toBe(true);
    expect(mul(a, bias).get(1, 2)).toBeCloseTo(a.get(1, 2) * 3, 6);
    expect(scale(a, 2).get(0, 1)).toBeCloseTo(a.get(0, 1) * 2, 6);
    expect(map(a, (x, i, j) => x + i * 10 + j).get(2, 1)).toBeCloseTo(a.get(2, 1) + 21, 5);
  });

  it('reduces rows: sum, max, argmax', () => {
    const m = Matrix.fromRows([
      [1, 5, 2],
      [-3, -1, -2],
    ]);
    expect(sumRows(m).toRows()).toEqual([[8], [-6]]);
    expect(maxRows(m).toRows()).toEqual([[5], [-1]]);
    expect(argmaxRows(m)).toEqual([1, 1]);
  });

  it('shape errors name the op and both shapes', () => {
    expect(() => matmul(zeros(2, 3), zeros(2, 3))).toThrow(
      'matmul: [2×3]·[2×3] — inner dimensions 3 and 2 differ',
    );
    expect(() => add(zeros(2, 3), zeros(2, 2))).toThrow(/^add: \[2×3\] and \[2×2\]/);
    expect(() => mul(zeros(2, 3), zeros(3, 3))).toThrow(/^mul: \[2×3\] and \[3×3\]/);
    expect(() => matmulBackward(zeros(2, 3), zeros(3, 4), zeros(2, 3))).toThrow(/\[2×3\].*\[2×4\]/);
  });
});

describe('op gradients (central differences)', () => {
  const r = (rows: number, cols: number) => randomMatrix(rows, cols, 99);

  it('matmul', () => {
    const a = randomMatrix(3, 4, 1);
    const b = randomMatrix(4, 2, 2);
    const R = r(3, 2);
    checkGradient({
      params: [a.data, b.data],
      loss: () => project(matmul(a, b), R),
      grads: () => Object.values(matmulBackward(a, b, R)).map((m: Matrix) => m.data),
    });
  });

  it('transpose', () => {
    const a = randomMatrix(3, 2, 3);
    const R = r(2, 3);
    checkGradient({
      params: [a.data],
      loss: () => project(transpose(a), R),
      grads: () => [transposeBackward(R).data],
    });
  });

  it('add and mul, with and without a broadcast row', () => {
    for (const bRows of [3, 1]) {
      const a = randomMatrix(3, 4, 4);
      const b = randomMatrix(bRows, 4, 5);
      const R = r(3, 4);
      checkGradient({
        params: [a.data, b.data],
        loss: () => project(add(a, b), R),
        grads: () => Object.values(addBackward(a, b, R)).map((m: Matrix) => m.data),
      });
      checkGradient({
        params: [a.data, b.data],
        loss: () => project(mul(a, b), R),
        grads: () => Object.values(mulBackward(a, b, R)).map((m: Matrix) => m.data),
      });
    }
  });

  it('sub and scale', () => {
    for (const bRows of [3, 1]) {
      const a = randomMatrix(3, 4, 7);
      const b = randomMatrix(bRows, 4, 8);
      const R = r(3, 4);
      checkGradient({
        params: [a.data, b.data],
        loss: () => project(sub(a, b), R),
        grads: () => Object.values(subBackward(a, b, R)).map((m: Matrix) => m.data),
      });
    }
    const a = randomMatrix(3, 4, 9);
    const R = r(3, 4);
    checkGradient({
      params: [a.data],
      loss: () => project(scale(a, -2.5), R),
      grads: () => [scaleBackward(-2.5, R).data],
    });
  });

  it('map, sumRows, maxRows', () => {
    const a = randomMatrix(3, 4, 6);
    const R = r(3, 4);
    checkGradient({
      params: [a.data],
      loss: () => project(map(a, Math.sin), R),
      grads: () => [mapBackward(a, Math.cos, R).data],
    });
    const Rc = r(3, 1);
    checkGradient({
      params: [a.data],
      loss: () => project(sumRows(a), Rc),
      grads: () => [sumRowsBackward(a, Rc).data],
    });
    checkGradient({
      params: [a.data],
      loss: () => project(maxRows(a), Rc),
      grads: () => [maxRowsBackward(a, Rc).data],
    });
  });
});
