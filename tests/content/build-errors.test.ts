import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEnv } from '../lesson-files';

// Real builds over a scratch lessons folder: the author must see the failure from `astro build`
// itself, with the file, the field, what was received and what was expected.
const good = readFileSync('content/lessons/01-deep-learning-in-context.mdx', 'utf8');
let dir = '';

function buildWith(files: Record<string, string>, extra: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'lessons-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  // A course of its own, with no assignments: the repository's assignments name its lessons.
  mkdirSync(join(dir, 'assignments'));
  writeFileSync(join(dir, 'course.yaml'), 'title: Scratch course\nassignments: assignments\n');
  const env = buildEnv({
    LESSONS_DIR: dir,
    COURSE_CONFIG: join(dir, 'course.yaml'),
    OUT_DIR: join(dir, 'out'),
    ASTRO_CACHE_DIR: join(dir, 'cache'),
    ...extra,
  });
  if (!('DNN_TEST_PAGES' in extra)) delete env.DNN_TEST_PAGES;
  const result = spawnSync('npx', ['astro', 'build'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('astro build with bad lesson frontmatter', () => {
  it('fails on a wrong type, naming the file, the field, expected and received', () => {
    const bad = good.replace(/^order: 1$/m, 'order: "two"');
    const { status, output } = buildWith({ '01-x.mdx': bad });
    expect(status).not.toBe(0);
    expect(output).toContain('01-x.mdx');
    expect(output).toMatch(/order.*Expected type `"number"`, received `"string"`/);
  });

  it('fails on a duplicate order, naming both files', () => {
    const { status, output } = buildWith({
      '01-a.mdx': good,
      '02-b.mdx': good.replace(/^title: .*$/m, 'title: Another'),
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-b\.mdx: field "order" received 1, expected a number not used/);
    expect(output).toContain('01-a.mdx already has order 1');
  });
});

describe('astro build without DNN_TEST_PAGES (a production build)', () => {
  it('ships no test pages; with DNN_TEST_PAGES=1 the notebook test page is built', () => {
    const production = buildWith({ '01-x.mdx': good });
    expect(production.status, production.output).toBe(0);
    expect(existsSync(join(dir, 'out', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'test'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
    const testing = buildWith({ '01-x.mdx': good }, { DNN_TEST_PAGES: '1' });
    expect(testing.status, testing.output).toBe(0);
    expect(existsSync(join(dir, 'out', 'test', 'notebook', 'index.html'))).toBe(true);
  });
});
