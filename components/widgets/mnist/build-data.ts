/**
 * Build-time access to the chapter 6 assets for components that print facts about them
 * (`npm run build` converts the digits before Astro runs, from the project root). Node only:
 * imported by .astro frontmatter, never by a browser module.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import {
  MNIST_DATA_PATHS,
  MNIST_MODEL_PATH,
  argmaxRows,
  decodeModel,
  mnistMatrices,
  parseMnistSplit,
  type MLP,
  type MnistPart,
  type MnistSplit,
} from '../../../src/engine/index';

let digits: MnistSplit | undefined;
let model: MLP | undefined;

const publicFile = (path: string) => readFileSync(join(process.cwd(), 'public', path));

/** Both halves of the standard split, as the site serves them. */
export function buildDigits(): MnistSplit {
  digits ??= parseMnistSplit(publicFile(MNIST_DATA_PATHS.train), publicFile(MNIST_DATA_PATHS.test));
  return digits;
}

export function buildModel(): MLP {
  model ??= decodeModel(publicFile(MNIST_MODEL_PATH));
  return model;
}

/** The pretrained model's accuracy on the held-out digits (largest output vs label). */
export function pretrainedAccuracy(): number {
  const test = mnistMatrices(buildDigits().test);
  const predicted = argmaxRows(buildModel().forward(test.x));
  return predicted.filter((p, i) => p === test.labels[i]).length / predicted.length;
}

export interface FileSize {
  raw: number;
  /** as a host sends it gzipped (default level) */
  gzip: number;
}

const sizes: Partial<Record<MnistPart, FileSize>> = {};

/**
 * What one digits file costs a student to download: `test` when a digit figure comes into
 * view, `train` on top of it when a training run starts.
 */
export function digitsFileSize(part: MnistPart): FileSize {
  let size = sizes[part];
  if (!size) {
    const bytes = publicFile(MNIST_DATA_PATHS[part]);
    size = sizes[part] = { raw: bytes.length, gzip: gzipSync(bytes).length };
  }
  return size;
}

/** Megabytes (10⁶ bytes) to one decimal, as the pages print download sizes. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
