import { describe, expect, it } from 'vitest';
import {
  Matrix,
  adam,
  createRng,
  evaluate,
  gates,
  mlp,
  momentum,
  sgd,
  toMatrices,
  toySets,
  train,
  trainAsync,
  trainStep,
  type StepInfo,
} from '../../src/engine/index';

const xor = toMatrices(gates.XOR);

describe('training', () => {
  it('a 2-2-1 sigmoid MLP learns XOR to 4/4 with a fixed seed, and its loss falls', () => {
    const rng = createRng(1);
    const net = mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], rng });
    const r = train(net, xor, {
      optimizer: sgd({ lr: 2 }),
      loss: 'sse',
      epochs: 2000,
      batchSize: 4,
      rng,
    });
    expect(r.history[0].loss).toBeGreaterThan(0.2);
    expect(r.history.at(-1)!.loss).toBeLessThan(0.01);
    expect(net.predict(gates.XOR.inputs).map(([p]) => (p >= 0.5 ? 1 : 0))).toEqual(
      gates.XOR.targets,
    );
  });

  it('trainStep does one update and returns the batch loss', () => {
    const net = mlp({ sizes: [2, 4, 1], activations: ['tanh', 'identity'], rng: createRng(2) });
    const opt = adam({ lr: 0.05 });
    const first = trainStep(net, opt, 'bce', xor.x, xor.y);
    let last = first;
    for (let i = 0; i < 300; i++) last = trainStep(net, opt, 'bce', xor.x, xor.y);
    expect(last).toBeLessThan(first / 10);
  });

  it('learns the circle toy set with momentum and mini-batches, reporting validation', () => {
    const rng = createRng(3);
    const data = toMatrices(toySets.circle({ n: 300, noise: 0.05, rng }), 2);
    const val = toMatrices(toySets.circle({ n: 200, noise: 0.05, rng }), 2);
    const net = mlp({ sizes: [2, 8, 2], activations: ['tanh', 'identity'], rng });
    const r = train(net, data, {
      optimizer: momentum({ lr: 0.1 }),
      loss: 'cross-entropy',
      epochs: 60,
      batchSize: 16,
      rng,
      validation: val,
    });
    expect(r.history.at(-1)!.validation!.accuracy).toBeGreaterThan(0.95);
  });

  it('calls back per step and per epoch, with 1-based counters', () => {
    const steps: StepInfo[] = [];
    const epochs: number[] = [];
    const net = mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
    const r = train(net, xor, {
      optimizer: sgd({ lr: 1 }),
      loss: 'mse',
      epochs: 3,
      batchSize: 3,
      rng: createRng(1),
      onStep: (s) => void steps.push(s),
      onEpoch: (e) => void epochs.push(e.epoch),
    });
    expect(steps.map((s) => [s.epoch, s.step])).toEqual([
      [1, 1],
      [1, 2],
      [2, 3],
      [2, 4],
      [3, 5],
      [3, 6],
    ]);
    expect(epochs).toEqual([1, 2, 3]);
    expect(r).toMatchObject({ steps: 6, cancelled: false });
    expect(r.history).toHaveLength(3);
  });

  it('is cancellable with an AbortSignal or a plain flag', async () => {
    const net = mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
    const flag = { aborted: false };
    const r = train(net, xor, {
      optimizer: sgd({ lr: 1 }),
      loss: 'sse',
      epochs: 100,
      batchSize: 1,
      rng: createRng(1),
      signal: flag,
      onStep: (s) => void (flag.aborted = s.step === 5),
    });
    expect(r).toMatchObject({ steps: 5, cancelled: true });

    const controller = new AbortController();
    const pending = trainAsync(net, xor, {
      optimizer: sgd({ lr: 1 }),
      loss: 'sse',
      epochs: 1e6,
      batchSize: 4,
      rng: createRng(1),
      signal: controller.signal,
      sliceMs: 1,
    });
    setTimeout(() => controller.abort(), 20);
    const ra = await pending;
    expect(ra.cancelled).toBe(true);
    expect(ra.steps).toBeGreaterThan(0);
  });

  it('stops on a non-finite loss, naming the step and suggesting a smaller learning rate', () => {
    const net = mlp({ sizes: [1, 1], activations: ['identity'], rng: createRng(1) });
    const x = Matrix.fromRows([[100], [-200], [300]]);
    const data = { x, y: x };
    expect(() =>
      train(net, data, {
        optimizer: sgd({ lr: 10 }),
        loss: 'mse',
        epochs: 100,
        batchSize: 3,
        rng: createRng(1),
      }),
    ).toThrow(
      /train: epoch \d+, step \d+: the loss became (Infinity|NaN) .*try a smaller learning rate/,
    );
  });

  it('same seed → bit-identical weights after training', () => {
    const run = () => {
      const rng = createRng(11);
      const data = toMatrices(toySets.spiral({ n: 120, noise: 0.1, rng }), 2);
      const net = mlp({ sizes: [2, 6, 2], activations: ['relu', 'identity'], rng, init: 'he' });
      train(net, data, {
        optimizer: adam({ lr: 0.01 }),
        loss: 'cross-entropy',
        epochs: 5,
        batchSize: 10,
        rng,
      });
      return net.parameters().map((p) => Array.from(p.value.data));
    };
    expect(run()).toEqual(run());
  });

  it('evaluate scores without training', () => {
    const net = mlp({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
    const before = net.parameters().map((p) => Array.from(p.value.data));
    const e = evaluate(net, xor, 'sse');
    // The reference: the sigmoid output read as class 1 at ≥ 0.5; 'sse' is the squared error
    // summed over outputs and averaged over the examples.
    const out = Array.from(net.forward(xor.x).data);
    const targets = Array.from(xor.y.data);
    const right = out.filter((p, i) => (p >= 0.5 ? 1 : 0) === targets[i]).length;
    expect(e.accuracy).toBe(right / targets.length);
    const sse = out.reduce((s, p, i) => s + (p - targets[i]) ** 2, 0);
    expect(e.loss).toBeCloseTo(sse / targets.length, 6);
    expect(net.parameters().map((p) => Array.from(p.value.data))).toEqual(before);
  });
});
