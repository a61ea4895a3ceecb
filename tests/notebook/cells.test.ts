/**
 * Every code cell file runs without an error in the Node runner, so a lesson never shows code
 * the tests don't run. Cells used by a lesson run in page order with the page's shared scope;
 * files no lesson uses run on their own.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/notebook/core/protocol';
import { describeError } from '../../src/notebook/judge/judge';
import { runInSandbox, type SandboxRequest } from '../../src/notebook/node/sandbox';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cellDir = join(root, 'content', 'cells');
const files = globSync('**/*.ts', { cwd: cellDir }).sort();
const lessons = globSync('*.mdx', { cwd: join(root, 'content', 'lessons') }).sort();

/** The `file` of each <Cell file="…" /> in a lesson, in page order. */
function cellsOf(lesson: string): string[] {
  const mdx = readFileSync(join(root, 'content', 'lessons', lesson), 'utf8');
  return [...mdx.matchAll(/<Cell\b[^>]*\bfile=["']([^"']+)["']/g)].map((m) => m[1]);
}

const pages = lessons.map((l) => ({ lesson: basename(l, '.mdx'), cells: cellsOf(l) }));
const used = new Set(pages.flatMap((p) => p.cells));
const rows: { label: string; request: SandboxRequest }[] = [];
for (const p of pages) {
  p.cells.forEach((file, i) => {
    if (!existsSync(join(cellDir, file))) return;
    rows.push({
      label: `${p.lesson}: ${file}`,
      request: {
        kind: 'cell',
        id: file,
        source: readFileSync(join(cellDir, file), 'utf8'),
        above: p.cells.slice(0, i),
      },
    });
  });
}
// Files no lesson uses yet: per folder, a first pass in name order publishes every cell's
// names, and the checked second pass gives each cell the names of all the others.
const unused = files.filter((f) => !used.has(f));
const folders = [...new Set(unused.map((f) => f.split('/')[0]))];
const warmup: SandboxRequest[] = [];
for (const folder of folders) {
  const group = unused.filter((f) => f.split('/')[0] === folder);
  group.forEach((file, i) => {
    const source = readFileSync(join(cellDir, file), 'utf8');
    warmup.push({
      kind: 'cell',
      id: `alone:${file}`,
      source,
      above: group.slice(0, i).map((f) => `alone:${f}`),
    });
  });
  for (const file of group) {
    const source = readFileSync(join(cellDir, file), 'utf8');
    const others = group.filter((f) => f !== file).map((f) => `alone:${f}`);
    rows.push({
      label: `(no lesson yet): ${file}`,
      request: { kind: 'cell', id: `alone:${file}`, source, above: others },
    });
  }
}

const results: RunResult[] = [];
beforeAll(async () => {
  if (rows.length) {
    const out = await runInSandbox([...warmup, ...rows.map((r) => r.request)]);
    results.push(...out.slice(warmup.length));
  }
});

describe('content cells', () => {
  it('every <Cell file> in a lesson names a file in content/cells', () => {
    const missing = pages.flatMap((p) =>
      p.cells.filter((f) => !existsSync(join(cellDir, f))).map((f) => `${p.lesson}: ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it.runIf(rows.length > 0).each(rows.map((r, i) => [r.label, i] as const))(
    '%s runs without an error',
    (_label, i) => {
      const p = results[i].programs[0];
      expect(p.error ? describeError(p.error) : undefined).toBeUndefined();
    },
  );
});
