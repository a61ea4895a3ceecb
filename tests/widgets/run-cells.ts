/** Runs lesson code cells in the notebook's Node sandbox, in page order, as the page would. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runInSandbox } from '../../src/notebook/node/sandbox';
import { decode, type Encoded } from '../../src/notebook/core/encode';

/** Plain JSON from the sandbox's encoded values: only the {$: 'object', v: …} wrappers removed. */
export function plainJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainJson);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.$ === 'object') return plainJson(o.v);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plainJson(x)]));
  }
  return v;
}

/**
 * Run a page's cells in order; returns each one's displayed value and logs. Values are decoded
 * into real values, or kept as plain JSON with `plainJson` (NaN and the like stay tagged).
 */
export async function runCells(files: string[], view: (encoded: Encoded) => unknown = decode) {
  const results = await runInSandbox(
    files.map((file, i) => ({
      kind: 'cell' as const,
      id: file,
      source: readFileSync(`content/cells/${file}`, 'utf8'),
      above: files.slice(0, i),
    })),
    { timeoutMs: 10_000 },
  );
  return results.map((r, i) => {
    const p = r.programs[0];
    expect(p.error, `${files[i]} failed`).toBeUndefined();
    return { value: p.value === undefined ? undefined : view(p.value), logs: p.logs };
  });
}
