/**
 * The WebAssembly SIMD kernels (source: assembly/kernels.ts) behind the same signature as the
 * TypeScript `gemm`. kernels.ts decides which runs; this module only loads and calls wasm.
 *
 * Loading: the binary (≈2 KB) is inlined as base64 and compiled synchronously on first use
 * (browsers allow sync compiles of modules under 4 KB even on the main thread). Where wasm
 * cannot run — no WebAssembly, no SIMD support, or code generation disabled like the Node
 * grader's vm sandbox or a CSP without 'wasm-unsafe-eval' — `loadWasmKernels` returns null and
 * the engine stays on TypeScript.
 *
 * State: the instance, and a Float32Array view of its linear memory. The memory holds one
 * product's operands at a time (A, B, both packed into blocks, C), laid out from address
 * 0 on every call; it grows only when a product is larger than any before, so it stays the
 * size of the largest product and does not grow across epochs.
 */
import { KERNELS_WASM_BASE64 } from './kernels-wasm-bytes';

interface WasmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  packB(b: number, bp: number, k: number, m: number, trans: boolean): void;
  packA(a: number, ap: number, n: number, k: number, trans: boolean): void;
  gemmPacked(
    ap: number,
    bp: number,
    c: number,
    n: number,
    k: number,
    m: number,
    acc: boolean,
  ): void;
}

/** The part of the WebAssembly JS API used here (the engine has no DOM or Node types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let instance: WasmExports | null | undefined;
let heap = new Float32Array(0);

/** The compiled kernels, or null where this runtime cannot run them (then use TypeScript). */
export function loadWasmKernels(): WasmExports | null {
  if (instance !== undefined) return instance;
  instance = null;
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (api) {
      const module = new api.Module(decodeBase64(KERNELS_WASM_BASE64));
      instance = new api.Instance(module, {}).exports as WasmExports;
    }
  } catch {
    // No SIMD, or compiling is forbidden here: the TypeScript kernels take over.
  }
  return instance;
}

/** Bytes of linear memory the kernels hold now (for the benchmark's memory check). */
export function wasmMemoryBytes(): number {
  return instance ? instance.memory.buffer.byteLength : 0;
}

/** A float32 view of at least `floats` entries of linear memory, growing it if needed. */
function view(wasm: WasmExports, floats: number): Float32Array {
  const bytes = floats * 4;
  const have = wasm.memory.buffer.byteLength;
  if (have < bytes) wasm.memory.grow(Math.ceil((bytes - have) / 65536));
  // Growing detaches the old buffer, so the view is re-made whenever the buffer changed.
  if (heap.buffer !== wasm.memory.buffer) heap = new Float32Array(wasm.memory.buffer);
  return heap;
}

/** Same contract as `gemm` in kernels.ts (shapes there); float32 sums in the order p = 0…k−1. */
export function gemmWasm(
  wasm: WasmExports,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  n: number,
  k: number,
  m: number,
  transA: boolean,
  transB: boolean,
  accumulate: boolean,
): void {
  // Offsets in floats, each rounded up to 16 bytes for the vector loads: A, B, packed A
  // (⌈n/4⌉ blocks of 4 rows), packed B (⌈m/8⌉ panels of 8 columns), C.
  const up = (x: number) => (x + 3) & ~3;
  const offB = up(n * k);
  const offPA = offB + up(k * m);
  const offPB = offPA + ((n + 3) >> 2) * 4 * k;
  const offC = offPB + ((m + 7) >> 3) * 8 * k;
  const f = view(wasm, offC + n * m);
  f.set(a.subarray(0, n * k), 0);
  f.set(b.subarray(0, k * m), offB);
  if (accumulate) f.set(c.subarray(0, n * m), offC);
  wasm.packA(0, offPA * 4, n, k, transA);
  wasm.packB(offB * 4, offPB * 4, k, m, transB);
  wasm.gemmPacked(offPA * 4, offPB * 4, offC * 4, n, k, m, accumulate);
  c.set(f.subarray(offC, offC + n * m));
}

/** Standard base64 → bytes (no atob: the engine's runtimes need not have it). */
function decodeBase64(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const digit = new Uint8Array(128);
  for (let i = 0; i < 64; i++) digit[alphabet.charCodeAt(i)] = i;
  const body = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let i = 0; i < body.length; i++) {
    bits = (bits << 6) | digit[body.charCodeAt(i)];
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 255;
    }
  }
  return out;
}
