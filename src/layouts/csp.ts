// The Content-Security-Policy every page carries (as a <meta> tag, so it works on any static
// host). Workers started from blob: URLs inherit it, which is what keeps student code in the
// notebook worker off the network.
// 'wasm-unsafe-eval' lets pages and workers compile WebAssembly (and nothing else: no eval):
// the engine's matrix kernels run as WebAssembly SIMD (src/engine/kernels-wasm.ts) and fall
// back to slower TypeScript without it.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
