import { describe, expect, it } from 'vitest';
import { Matrix, getLoss, losses, oneHot, type LossName } from '../../src/engine/index';
import { checkGradient, randomMatrix } from './check-gradient';

const prediction = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];

describe('losses', () => {
  it("sse reproduces the lecture's MNIST example: 1.19", () => {
    expect(losses.sse.value(Matrix.row(prediction), oneHot([1], 10))).toBeCloseTo(1.19, 6);
  });

  it('mse is sse divided by the number of outputs', () => {
    expect(losses.mse.value(Matrix.row(prediction), oneHot([1], 10))).toBeCloseTo(0.119, 6);
  });

  it('cross-entropy equals −log softmax of the true class and stays finite', () => {
    const z = Matrix.fromRows([
      [2, 1, 0.1],
      [1000, 1000, -1000],
    ]);
    const y = oneHot([0, 2], 3);
    const p0 = Math.exp(2) / (Math.exp(2) + Math.exp(1) + Math.exp(0.1));
    const want = (-Math.log(p0) + (2000 + Math.LN2)) / 2;
    expect(losses['cross-entropy'].value(z, y)).toBeCloseTo(want, 4);
  });

  it('bce is finite for |z| up to 1e4 and matches the textbook formula', () => {
    const z = Matrix.fromRows([[1e4], [-1e4], [0.7]]);
    const y = Matrix.fromRows([[0], [0], [1]]);
    const v = losses.bce.value(z, y);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeCloseTo((1e4 + 0 + Math.log1p(Math.exp(-0.7))) / 3, 3);
    const g = losses.bce.grad(z, y);
    expect(g.get(0, 0)).toBeCloseTo(1 / 3, 6);
  });

  it('shape errors name the loss and both shapes; unknown names list valid ones', () => {
    expect(() => losses.sse.value(new Matrix(2, 3), new Matrix(2, 2))).toThrow(
      /^sse: output \[2×3\] and target \[2×2\]/,
    );
    expect(() => getLoss('hinge')).toThrow(/sse, mse, cross-entropy, bce/);
  });

  const targets: Record<LossName, Matrix> = {
    sse: randomMatrix(4, 3, 21),
    mse: randomMatrix(4, 3, 21),
    'cross-entropy': oneHot([2, 0, 1, 2], 3),
    bce: Matrix.fromRows([
      [1, 0, 1],
      [0, 0, 1],
      [1, 1, 0],
      [0, 1, 0],
    ]),
  };
  for (const name of Object.keys(losses) as LossName[]) {
    it(`${name}: gradient matches central differences`, () => {
      const out = randomMatrix(4, 3, 22, 2);
      const loss = losses[name];
      checkGradient({
        params: [out.data],
        loss: () => loss.value(out, targets[name]),
        grads: () => [loss.grad(out, targets[name]).data],
      });
    });
  }
});
