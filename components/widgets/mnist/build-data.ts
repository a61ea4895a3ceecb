/**
 * Build-time access to the chapter 6 assets for components that print facts about them
 * (`npm run build` converts the digits before Astro runs, from the project root). Node only:
 * imported by .astro frontmatter, never by a browser module.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  MNIST_DATA_PATH,
  MNIST_MODEL_PATH,
  argmaxRows,
  decodeModel,
  mnistMatrices,
  parseMnist,
  standardMnistSplit,
  type MLP,
  type MnistData,
} from '../../../src/engine/index';

let digits: MnistData | undefined;
let model: MLP | undefined;

export function buildDigits(): MnistData {
  digits ??= parseMnist(readFileSync(join(process.cwd(), 'public', MNIST_DATA_PATH)));
  return digits;
}

export function buildModel(): MLP {
  model ??= decodeModel(readFileSync(join(process.cwd(), 'public', MNIST_MODEL_PATH)));
  return model;
}

/** The pretrained model's accuracy on the 2,000 held-out digits (largest output vs label). */
export function pretrainedAccuracy(): number {
  const data = buildDigits();
  const test = mnistMatrices(data, standardMnistSplit(data).test);
  const predicted = argmaxRows(buildModel().forward(test.x));
  return predicted.filter((p, i) => p === test.labels[i]).length / predicted.length;
}

/** What the digits file costs a student to download: raw bytes, and gzipped as a host sends it. */
export function digitsFileSize(): { raw: number; gzip: number } {
  const bytes = readFileSync(join(process.cwd(), 'public', MNIST_DATA_PATH));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}
