/** Runs lesson code cells in the notebook's Node sandbox, in page order, as the page would. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runInSandbox } from '../../src/notebook/node/sandbox';
import { decode } from '../../src/notebook/core/encode';

/** Run a page's cells in order; returns each one's displayed value and logs. */
export async function runCells(files: string[]) {
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
    return { value: p.value === undefined ? undefined : decode(p.value), logs: p.logs };
  });
}
