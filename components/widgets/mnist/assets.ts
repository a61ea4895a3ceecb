/**
 * The chapter 6 assets, fetched once per page and shared by every widget that needs them:
 * the 2,000 held-out digits (public/data/mnist-test.bin), the 8,000 training digits
 * (public/data/mnist-train.bin) and the pretrained 784-32-10 model
 * (public/models/mnist-mlp.bin). Nothing is fetched until a widget calls these: the digit
 * figures call `loadHeldOut` and `loadModel` when they come near the viewport (../lazy.ts);
 * only a training run's Start calls `loadTraining`, so a reader who never trains never
 * downloads the training digits.
 *
 * State: one promise per asset, created on first call and kept for the page's lifetime; a
 * failed fetch is forgotten so the next call retries.
 */
import {
  fetchMnist,
  fetchModel,
  MNIST_DATA_PATHS,
  MNIST_HEADER_BYTES,
  MNIST_MODEL_PATH,
  type MLP,
  type MnistData,
  type MnistPart,
} from '../../../src/engine/index';
import type { DigitFiles } from './trainer-protocol';

const digits: Partial<Record<MnistPart, Promise<MnistData>>> = {};
let model: Promise<MLP> | undefined;

/** The site's URL of a file under public/, whatever base the site is deployed at. */
export function assetUrl(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/')
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`;
  return new URL(base + path, document.baseURI).href;
}

function loadPart(part: MnistPart): Promise<MnistData> {
  let promise = digits[part];
  if (!promise) {
    promise = fetchMnist(assetUrl(MNIST_DATA_PATHS[part]), part).catch((e: unknown) => {
      digits[part] = undefined;
      throw e;
    });
    digits[part] = promise;
  }
  return promise;
}

/** The held-out digits, in the standard split's order (what the digit figures show). */
export function loadHeldOut(): Promise<MnistData> {
  return loadPart('test');
}

/** The training digits; only a training run needs them. */
export function loadTraining(): Promise<MnistData> {
  return loadPart('train');
}

/**
 * Both files' bytes, copied for a training worker (the parsed arrays are views on the fetched
 * bytes, which the page's other widgets keep using). Fetches whichever the page lacks, in
 * parallel.
 */
export async function loadDigitFiles(): Promise<DigitFiles> {
  const [train, test] = await Promise.all([loadTraining(), loadHeldOut()]);
  return { train: fileBytes(train), test: fileBytes(test) };
}

/** A copy of the file a parsed `MnistData` views: its header, labels and pixels. */
function fileBytes(data: MnistData): ArrayBuffer {
  const start = data.labels.byteOffset - MNIST_HEADER_BYTES;
  const length = MNIST_HEADER_BYTES + data.count * (1 + data.rows * data.cols);
  return data.labels.buffer.slice(start, start + length) as ArrayBuffer;
}

export function loadModel(): Promise<MLP> {
  model ??= fetchModel(assetUrl(MNIST_MODEL_PATH)).catch((e: unknown) => {
    model = undefined;
    throw e;
  });
  return model;
}
