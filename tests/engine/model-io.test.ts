import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  createRng,
  decodeModel,
  encodeModel,
  evaluate,
  fetchModel,
  fromFloat16Bits,
  mlp,
  mnistMatrices,
  toFloat16Bits,
} from '../../src/engine/index';
import { loadMnistModelNode, loadMnistNode } from '../../scripts/mnist-node';
import { MNIST_MODEL_CONFIG, MNIST_MODEL_FILE, trainMnistModel } from '../../scripts/train-mnist';

describe('float16', () => {
  it('encodes known values, rounding to nearest even', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(1e6)).toBe(0x7c00);
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(toFloat16Bits(2 ** -26)).toBe(0);
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie → even
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even (up)
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
  });

  it('every non-NaN bit pattern survives decode → encode', () => {
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0) continue;
      expect(toFloat16Bits(fromFloat16Bits(h))).toBe(h);
    }
  });
});

describe('model files', () => {
  it('round-trip an MLP exactly in float32 and to ~3 digits in float16', () => {
    const net = mlp({ sizes: [3, 4, 2], activations: ['tanh', 'identity'], rng: createRng(1) });
    const back32 = decodeModel(encodeModel(net, { dtype: 32 }));
    expect(back32.sizes).toEqual([3, 4, 2]);
    expect(back32.activationNames).toEqual(['tanh', 'identity']);
    expect(back32.parameters().map((p) => Array.from(p.value.data))).toEqual(
      net.parameters().map((p) => Array.from(p.value.data)),
    );
    const back16 = decodeModel(encodeModel(net));
    back16
      .parameters()
      .forEach((p, i) =>
        p.value.data.forEach((v, j) => expect(v).toBeCloseTo(net.parameters()[i].value.data[j], 3)),
      );
    expect(() => decodeModel(encodeModel(net).subarray(0, 30))).toThrow(/30 bytes/);
  });

  it('training is reproducible: the same seed writes a byte-identical file', () => {
    const config = { hidden: 8, epochs: 1, batchSize: 32, lr: 0.003, seed: 7, trainLimit: 500 };
    const a = trainMnistModel(config).bytes;
    const b = trainMnistModel(config).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = trainMnistModel({ ...config, seed: 8 }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('the committed pretrained model is exactly what `npm run train:mnist` writes', () => {
    // A kernel or data change that alters training must come with a retrained model, so the
    // file students download is the one the script and its README describe.
    const { bytes } = trainMnistModel(MNIST_MODEL_CONFIG);
    const committed = readFileSync(MNIST_MODEL_FILE);
    const differing = bytes.filter((b, i) => b !== committed[i]).length;
    expect(
      { length: committed.length, differing },
      'public/models/mnist-mlp.bin is stale: run `npm run train:mnist` and commit it',
    ).toEqual({ length: bytes.length, differing: 0 });
  });

  it('fetchModel decodes what fetch returns', async () => {
    const net = mlp({ sizes: [2, 3, 1], activations: ['relu', 'sigmoid'], rng: createRng(4) });
    const bytes = encodeModel(net, { dtype: 32 });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(Uint8Array.from(bytes))));
    try {
      const back = await fetchModel('/models/x.bin');
      expect(back.predict([[0.5, -1]])).toEqual(net.predict([[0.5, -1]]));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the committed pretrained model scores ≥ 92 % on the held-out test split', () => {
    const test = mnistMatrices(loadMnistNode().test);
    const model = loadMnistModelNode();
    expect(model.sizes).toEqual([784, 32, 10]);
    expect(evaluate(model, test, 'cross-entropy').accuracy).toBeGreaterThanOrEqual(0.92);
  });
});
