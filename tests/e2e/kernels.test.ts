/**
 * The engine's kernels in the page's notebook worker (where student code trains networks):
 * under the site's CSP ('wasm-unsafe-eval') the WebAssembly SIMD kernels must load there, and
 * give the same product as anywhere else.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openPage } from './browser';
import { setCode } from './page-helpers';

afterAll(closeBrowser);

// One 784-128-10 epoch's worth of steps (125 batches of 64) on random pixels, timed in the
// worker; and a product whose every entry is 784 · 1 · 0.5 = 392.
const CELL = `import { createRng, gemm, kernelBackend, Matrix, mlp, sgd, trainStep } from '@engine';
const rng = createRng(1);
const x = new Matrix(64, 784, Float32Array.from({ length: 64 * 784 }, () => rng.next()));
const y = new Matrix(64, 10, Float32Array.from({ length: 640 }, (_, i) => (i % 10 === 3 ? 1 : 0)));
const net = mlp({ sizes: [784, 128, 10], activations: ['sigmoid', 'identity'], rng });
const opt = sgd({ lr: 0.1 });
const t0 = performance.now();
for (let s = 0; s < 125; s++) trainStep(net, opt, 'cross-entropy', x, y);
const ms = performance.now() - t0;
const c = new Float32Array(64 * 128);
gemm(new Float32Array(64 * 784).fill(1), new Float32Array(784 * 128).fill(0.5), c, 64, 784, 128, false, false, false);
console.log('epoch-sized run: ' + ms.toFixed(0) + ' ms');
'kernels=' + kernelBackend() + ' c=' + c[0] + ',' + c[c.length - 1];`;

describe('engine kernels in the browser', () => {
  it('the notebook worker runs the wasm SIMD kernels', async () => {
    const { page, errors, close } = await openPage('test/notebook/');
    const cell = page.locator('nb-cell').first();
    await setCode(page, cell, CELL);
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    const output = cell.locator('.nb-output');
    await expect.poll(() => output.innerText(), { timeout: 20_000 }).toContain('kernels=');
    const text = await output.innerText();
    expect(text).toContain('kernels=wasm c=392,392');
    console.log(
      `browser (chromium worker, wasm kernels): ${/epoch-sized run: \d+ ms/.exec(text)?.[0]}`,
    );
    expect(errors).toEqual([]);
    await close();
  });
});
