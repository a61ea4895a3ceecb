import { describe, expect, it } from 'vitest';
import {
  ActivationLayer,
  Linear,
  Matrix,
  activations,
  createRng,
  getLoss,
  mlp,
  oneHot,
  type ActivationName,
  type LossName,
} from '../../src/engine/index';
import { checkGradient, project, randomMatrix } from './check-gradient';

describe('Linear', () => {
  it('computes z = x·Wᵀ + b with W [out, in] in the lecture’s layout', () => {
    const layer = new Linear(2, 3, createRng(1));
    layer.weight.value.data.set([1, 2, 3, 4, 5, 6]); // rows W_1·, W_2·, W_3·
    layer.bias.value.data.set([0.5, -1, 0]); // W_10, W_20, W_30: weights on x0 = 1
    const z = layer.forward(Matrix.fromRows([[1, 10]]));
    expect(z.toRows()).toEqual([[21.5, 42, 65]]);
  });

  it('rejects inputs of the wrong width, naming both shapes', () => {
    const layer = new Linear(3, 2, createRng(1));
    expect(() => layer.forward(new Matrix(4, 5))).toThrow(
      /input \[4×5\] does not fit weight \[2×3\]/,
    );
  });

  it('gradients for input, weight and bias match central differences', () => {
    const layer = new Linear(4, 3, createRng(2));
    const x = randomMatrix(5, 4, 3);
    const r = randomMatrix(5, 3, 4);
    checkGradient({
      params: [x.data, layer.weight.value.data, layer.bias.value.data],
      loss: () => project(layer.forward(x), r),
      grads: () => {
        layer.forward(x);
        const dx = layer.backward(r)!;
        return [dx.data.slice(), layer.weight.grad.data.slice(), layer.bias.grad.data.slice()];
      },
    });
  });
});

describe('activation layers', () => {
  for (const name of ['sigmoid', 'tanh', 'relu', 'identity', 'step'] as ActivationName[]) {
    it(`${name}: backward matches central differences`, () => {
      const layer = new ActivationLayer(name);
      // Entries kept away from 0 so step and relu are differentiable at every point.
      const z = randomMatrix(3, 4, 5, 2).data.map((v) => (Math.abs(v) < 0.1 ? v + 0.3 : v));
      const zm = new Matrix(3, 4, z);
      const r = randomMatrix(3, 4, 6);
      checkGradient({
        params: [z],
        loss: () => project(layer.forward(zm), r),
        grads: () => {
          layer.forward(zm);
          return [layer.backward(r).data.slice()];
        },
      });
      expect(layer.forward(zm).get(0, 0)).toBe(Math.fround(activations[name].output(zm.get(0, 0))));
    });
  }
});

describe('MLP', () => {
  it('builds Linear/activation pairs from sizes and names', () => {
    const net = mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
    expect(net.layers.map((l) => l.kind)).toEqual(['linear', 'activation', 'linear', 'activation']);
    expect(net.parameters().map((p) => p.value.shape)).toEqual([
      [2, 2],
      [1, 2],
      [1, 2],
      [1, 1],
    ]);
    expect(() => mlp({ sizes: [2, 2, 1], activations: ['sigmoid'], rng: createRng(1) })).toThrow(
      /need 2 activations, got 1/,
    );
  });

  it('forwardTrace returns every z and a, with a[0] the input', () => {
    const net = mlp({ sizes: [3, 4, 2], activations: ['tanh', 'identity'], rng: createRng(1) });
    const x = randomMatrix(5, 3, 2);
    const { z, a } = net.forwardTrace(x);
    expect(z.map((m) => m.shape)).toEqual([
      [5, 4],
      [5, 2],
    ]);
    expect(a.map((m) => m.shape)).toEqual([
      [5, 3],
      [5, 4],
      [5, 2],
    ]);
    expect(a[0].toRows()).toEqual(x.toRows());
    expect(a[1].get(2, 3)).toBeCloseTo(Math.tanh(z[0].get(2, 3)), 6);
    expect(a[2].toRows()).toEqual(net.forward(x).toRows());
    expect(net.predict(x.toRows())).toEqual(net.forward(x).toRows());
  });

  it('forward returns a copy that the next forward does not overwrite', () => {
    const net = mlp({ sizes: [2, 2], activations: ['identity'], rng: createRng(1) });
    const first = net.forward(Matrix.fromRows([[1, 2]]));
    const before = first.toRows();
    net.forward(Matrix.fromRows([[3, 4]]));
    expect(first.toRows()).toEqual(before);
  });

  const cases: [ActivationName[], LossName, Matrix][] = [
    [['sigmoid', 'sigmoid'], 'sse', randomMatrix(4, 3, 10)],
    [['tanh', 'identity'], 'mse', randomMatrix(4, 3, 10)],
    [['relu', 'identity'], 'cross-entropy', oneHot([0, 2, 1, 1], 3)],
    [['sigmoid', 'identity'], 'bce', oneHot([0, 2, 1, 1], 3)],
  ];
  for (const [acts, lossName, y] of cases) {
    it(`${acts.join('/')} + ${lossName}: backprop matches central differences for every parameter`, () => {
      const net = mlp({ sizes: [5, 6, 3], activations: acts, rng: createRng(7) });
      const x = randomMatrix(4, 5, 8);
      const loss = getLoss(lossName);
      const params = net.parameters();
      checkGradient({
        params: params.map((p) => p.value.data),
        loss: () => loss.value(net.forwardInPlace(x), y),
        grads: () => {
          const out = net.forwardInPlace(x);
          net.backward(loss.grad(out, y));
          return params.map((p) => p.grad.data.slice());
        },
      });
    });
  }

  it('same seed → bit-identical weights; different seed → different', () => {
    const spec = { sizes: [4, 8, 3], activations: ['relu', 'identity'] as ActivationName[] };
    for (const init of ['uniform', 'xavier', 'he'] as const) {
      const a = mlp({ ...spec, init, rng: createRng(42) }).parameters();
      const b = mlp({ ...spec, init, rng: createRng(42) }).parameters();
      const c = mlp({ ...spec, init, rng: createRng(43) }).parameters();
      expect(a.map((p) => Array.from(p.value.data))).toEqual(
        b.map((p) => Array.from(p.value.data)),
      );
      expect(a[0].value.data).not.toEqual(c[0].value.data);
    }
  });
});
