/**
 * The chapter 6 assets, fetched once per page and shared by every widget that needs them:
 * the 10,000 digits (public/data/mnist.bin) and the pretrained 784-32-10 model
 * (public/models/mnist-mlp.bin). Nothing is fetched until a widget calls these, which it does
 * only when it comes near the viewport (../lazy.ts).
 *
 * State: one promise per asset, created on first call and kept for the page's lifetime; a
 * failed fetch is forgotten so the next call retries.
 */
import {
  fetchMnist,
  fetchModel,
  MNIST_DATA_PATH,
  MNIST_MODEL_PATH,
  type MLP,
  type MnistData,
} from '../../../src/engine/index';

let digits: Promise<MnistData> | undefined;
let model: Promise<MLP> | undefined;

/** The site's URL of a file under public/, whatever base the site is deployed at. */
export function assetUrl(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/')
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`;
  return new URL(base + path, document.baseURI).href;
}

export function loadDigits(): Promise<MnistData> {
  digits ??= fetchMnist(assetUrl(MNIST_DATA_PATH)).catch((e: unknown) => {
    digits = undefined;
    throw e;
  });
  return digits;
}

export function loadModel(): Promise<MLP> {
  model ??= fetchModel(assetUrl(MNIST_MODEL_PATH)).catch((e: unknown) => {
    model = undefined;
    throw e;
  });
  return model;
}
