/**
 * Real `astro build`s of another course from the same repository (COURSE_CONFIG): only the
 * lessons the course lists are built, its assignment pages exist, solutions follow the
 * assignments' policy, and a bad course field fails the build naming file, field, expected
 * and received.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../lesson-files';

const dir = mkdtempSync(join(tmpdir(), 'course-'));
const out = join(dir, 'out');

function build(course: string, assignments: Record<string, string> = {}) {
  mkdirSync(join(dir, 'assignments'), { recursive: true });
  writeFileSync(join(dir, 'course.yaml'), course);
  for (const [name, text] of Object.entries(assignments))
    writeFileSync(join(dir, 'assignments', name), text);
  const result = spawnSync('npx', ['astro', 'build'], {
    env: buildEnv({ COURSE_CONFIG: join(dir, 'course.yaml'), OUT_DIR: out }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a course of two lessons with two assignments', () => {
  let output = '';
  beforeAll(() => {
    const r = build(
      'title: Perceptrons and XOR\nterm: Test term\nlessons: [01-deep-learning-in-context, 03-xor-mlp]\n',
      {
        // Due long ago: its solutions are published.
        'past.md': `---\ntitle: Past work\ndue: '2020-01-01T00:00:00Z'\nlessons: [03-xor-mlp]\nexercises: [two-layer-forward]\nsolutions: after-due\n---\nOld.\n`,
        // Due in the far future: no solution text in any page before then.
        'xor-hw.md': `---\ntitle: XOR homework\ndue: '2099-06-01T17:00:00-04:00'\nlessons: [03-xor-mlp]\nexercises: [xor-network-weights]\nsolutions: after-due\n---\nBuild **XOR** from three units.\n`,
      },
    );
    output = r.output;
    expect(r.status, r.output).toBe(0);
  }, 200_000);

  it('builds only the listed lessons', () => {
    expect(existsSync(join(out, '01-deep-learning-in-context/index.html'))).toBe(true);
    expect(existsSync(join(out, '03-xor-mlp/index.html'))).toBe(true);
    expect(existsSync(join(out, '02-perceptron'))).toBe(false);
  });

  it('leaves the unlisted lesson out of the home page and the navigation', () => {
    expect(page('')).not.toContain('02-perceptron');
    expect(page('')).toContain('Perceptrons and XOR');
    expect(page('03-xor-mlp')).not.toContain('02-perceptron/');
    // Chapter numbering follows the course: XOR is the second of two.
    expect(page('03-xor-mlp')).toContain('Chapter 2 of 2');
    expect(page('')).toMatch(/Chapter 2: <\/span>\s*XOR/);
  });

  it('builds a page per assignment, listed on the home page while current', () => {
    const hw = page('assignments/xor-hw');
    expect(hw).toContain('XOR homework');
    expect(hw).toContain('<strong>XOR</strong>');
    expect(hw).toContain('datetime="2099-06-01T21:00:00.000Z"');
    expect(hw).toContain('Download submission');
    expect(hw).toMatch(/href="\/03-xor-mlp\/#nb-title-xor-network-weights"/);
    expect(existsSync(join(out, 'assignments/past/index.html'))).toBe(true);
    expect(page('')).toContain('/assignments/xor-hw/');
    expect(page('')).not.toContain('/assignments/past/'); // closed: not current
    expect(page('03-xor-mlp')).toContain('data-assignment-exercise="xor-network-weights"');
  });

  it('keeps solutions of an assignment due later out of the built pages', () => {
    const xor = page('03-xor-mlp');
    const solution = (id: string) =>
      readFileSync(`src/notebook/exercises/solutions/${id}.ts`, 'utf8').trim().split('\n').at(-1)!;
    const json = (s: string) => JSON.stringify(s).slice(1, -1).replace(/</g, '\\u003c');
    expect(xor).not.toContain(json(solution('xor-network-weights')));
    expect(xor).toContain(json(solution('two-layer-forward')));
    expect(output).not.toMatch(/error/i);
  });
});

describe('a bad course file', () => {
  it.each([
    [
      'an unknown lesson',
      'title: T\nlessons: [01-deep-learning-in-context, 09-nope]\n',
      'field lessons[1]: expected the id of a published lesson (one of: 01-deep-learning-in-context, 02-perceptron, 03-xor-mlp',
    ],
    [
      'a wrong type',
      'title: T\nsolutions: { after-attempts: "three" }\n',
      'field solutions["after-attempts"]: expected number, received "three"',
    ],
  ])(
    'fails the build on %s, naming the file and the field',
    (_name, course, message) => {
      const { status, output } = build(course);
      expect(status).not.toBe(0);
      expect(output).toContain('course.yaml');
      expect(output).toContain(message);
    },
    200_000,
  );
});

describe('a bad assignment', () => {
  it.each([
    [
      'a due date without a time zone',
      `---\ntitle: X\ndue: '2027-01-01T10:00'\nlessons: [02-perceptron]\n---\nx\n`,
      'due: expected an ISO 8601 date and time with a time zone such as "2027-03-14T23:59:00+01:00", received "2027-01-01T10:00"',
    ],
    [
      'an exercise of another lesson',
      `---\ntitle: X\ndue: '2027-01-01T10:00Z'\nlessons: [02-perceptron]\nexercises: [two-layer-forward]\n---\nx\n`,
      'field exercises[0]: expected an exercise of the lessons 02-perceptron',
    ],
  ])(
    'fails the build on %s, naming the file and the field',
    (_name, text, message) => {
      rmSync(join(dir, 'assignments'), { recursive: true, force: true });
      const { status, output } = build('title: T\n', { 'bad.md': text });
      expect(status).not.toBe(0);
      expect(output).toContain('bad.md');
      expect(output).toContain(message);
    },
    200_000,
  );
});
