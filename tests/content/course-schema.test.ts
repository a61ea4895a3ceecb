/**
 * The instructor's files: the course file and assignment frontmatter, each with a table of
 * valid and invalid examples and the exact message an instructor sees (file, field,
 * expected, received), plus the cross-checks against lessons and the exercise registry.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../src/content/course-schema';
import { assignmentSchema } from '../../src/content/assignment-schema';
import {
  courseLessonIds,
  parseAssignmentFrontmatter,
  parseCourse,
  resolveAssignment,
} from '../../src/content/course';
import { exercises } from '../../src/notebook/exercises/index';

/** Every field (and nested field) has a description: it is the instructor's documentation. */
function undocumented(schema: z.ZodType, path = ''): string[] {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  const own = schema.description || inner.description ? [] : [path || '(root)'];
  if (inner instanceof z.ZodObject)
    return [
      ...own,
      ...Object.entries(inner.shape).flatMap(([k, v]) =>
        undocumented(v as z.ZodType, `${path}.${k}`),
      ),
    ];
  if (inner instanceof z.ZodUnion)
    return [
      ...own,
      ...inner.options.flatMap((o, i) => undocumented(o as z.ZodType, `${path}|${i}`)),
    ];
  return own;
}

describe('course file (content/course.yaml)', () => {
  it('documents every field', () => {
    expect(undocumented(courseSchema)).toEqual([]);
  });

  it.each([
    ['the smallest course', 'title: DNN'],
    [
      'a full course',
      'title: DNN\nterm: Spring 2027\nlessons: [01-deep-learning-in-context, 03-xor-mlp]\nsolutions: never\nassignments: hw',
    ],
    ['solutions after attempts', 'title: DNN\nsolutions:\n  after-attempts: 0'],
  ])('accepts %s', (_name, yaml) => {
    expect(() => parseCourse(yaml, 'course.yaml')).not.toThrow();
  });

  it('defaults the assignments folder to assignments/ beside the course file', () => {
    const course = parseCourse('title: DNN', '/x/y/course.yaml');
    expect(course.assignmentsDir).toBe('/x/y/assignments');
    expect(course.config.lessons).toBeUndefined();
  });

  it.each([
    [
      'no title',
      'term: Spring',
      'field title: expected string, received nothing (the field is missing)',
    ],
    ['an empty file', '', 'field title: expected string, received nothing (the field is missing)'],
    [
      'lessons as one string',
      'title: T\nlessons: 02-perceptron',
      'field lessons: expected array, received "02-perceptron"',
    ],
    [
      'a lesson that is not an id',
      'title: T\nlessons: [perceptron]',
      'field lessons[0]: expected a lesson id such as "02-perceptron", received "perceptron"',
    ],
    [
      'a lesson listed twice',
      'title: T\nlessons: [02-perceptron, 02-perceptron]',
      'field lessons: expected each lesson listed once, received an array (2 items)',
    ],
    [
      'solutions as a word',
      'title: T\nsolutions: sometimes',
      'field solutions: expected "never" or object, received "sometimes"',
    ],
    ['negative after-attempts', 'title: T\nsolutions:\n  after-attempts: -1', 'field solutions'],
    [
      'an unknown field',
      'title: T\nchapters: [1]',
      'field (the top level): unknown field "chapters"',
    ],
    ['bad YAML', 'title: [unclosed', 'not valid YAML'],
  ])('refuses %s', (_name, yaml, message) => {
    expect(() => parseCourse(yaml, 'content/course.yaml')).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message) as unknown }),
    );
    expect(() => parseCourse(yaml, 'content/course.yaml')).toThrow(
      /Invalid course file content\/course\.yaml/,
    );
  });

  it('checks listed lessons exist, and keeps the course order', () => {
    const course = parseCourse(
      'title: T\nlessons: [03-xor-mlp, 01-deep-learning-in-context]',
      'c.yaml',
    );
    const published = ['01-deep-learning-in-context', '02-perceptron', '03-xor-mlp'];
    expect(courseLessonIds(course, published)).toEqual([
      '03-xor-mlp',
      '01-deep-learning-in-context',
    ]);
    const bad = parseCourse('title: T\nlessons: [07-nope]', 'c.yaml');
    expect(() => courseLessonIds(bad, published)).toThrow(
      'field lessons[0]: expected the id of a published lesson (one of: 01-deep-learning-in-context, 02-perceptron, 03-xor-mlp), received "07-nope"',
    );
  });
});

describe('assignment frontmatter (content/assignments/<id>.md)', () => {
  const valid = { title: 'A1', due: '2027-03-14T23:59:00+01:00', lessons: ['02-perceptron'] };
  const context = {
    lessons: ['01-deep-learning-in-context', '02-perceptron', '03-xor-mlp'],
    exercises,
  };
  const resolve = (data: unknown) =>
    resolveAssignment('a1', 'a1.md', parseAssignmentFrontmatter(data, 'a1.md'), context);

  it('documents every field', () => {
    expect(undocumented(assignmentSchema)).toEqual([]);
  });

  it.each([
    ['the smallest assignment', valid],
    ['a UTC deadline with seconds', { ...valid, due: '2027-03-14T23:59:59Z' }],
    [
      'chosen exercises and points per exercise',
      { ...valid, exercises: ['and-gate-weights'], points: { 'and-gate-weights': 5 } },
    ],
    ['every option', { ...valid, points: 2, late: 'refuse', solutions: 'after-due' }],
  ])('accepts %s', (_name, data) => {
    expect(() => resolve(data)).not.toThrow();
  });

  it('defaults: every exercise of the lessons, 1 point each, late accepted, solutions as the course', () => {
    const a = resolve(valid);
    expect(a.exercises.map((e) => e.id)).toEqual(
      exercises.filter((e) => e.lesson === '02-perceptron').map((e) => e.id),
    );
    expect(a.maxPoints).toBe(a.exercises.length);
    expect([a.late, a.solutions]).toEqual(['accept', 'as-course']);
    expect(a.due.toISOString()).toBe('2027-03-14T22:59:00.000Z');
  });

  it('a points map names some exercises; the rest are worth 1', () => {
    const a = resolve({ ...valid, points: { 'and-gate-weights': 4 } });
    expect(a.exercises.find((e) => e.id === 'and-gate-weights')?.points).toBe(4);
    expect(a.maxPoints).toBe(4 + a.exercises.length - 1);
  });

  it.each([
    [
      'a due date without a time zone',
      { ...valid, due: '2027-03-14T23:59:00' },
      'field due: expected an ISO 8601 date and time with a time zone such as "2027-03-14T23:59:00+01:00", received "2027-03-14T23:59:00"',
    ],
    [
      'a date only',
      { ...valid, due: '2027-03-14' },
      'field due: expected an ISO 8601 date and time with a time zone such as "2027-03-14T23:59:00+01:00", received "2027-03-14"',
    ],
    [
      'an impossible date',
      { ...valid, due: '2027-13-40T10:00:00Z' },
      'field due: expected a real date and time, received "2027-13-40T10:00:00Z"',
    ],
    [
      'no lessons',
      { ...valid, lessons: [] },
      'field lessons: expected a list of length >= 1, received an array (0 items)',
    ],
    [
      'late as a boolean',
      { ...valid, late: true },
      'field late: expected one of "accept", "refuse", received true',
    ],
    [
      'solutions: always',
      { ...valid, solutions: 'always' },
      'field solutions: expected one of "after-due", "never", "as-course", received "always"',
    ],
    ['zero points', { ...valid, points: 0 }, 'field points'],
    ['an unknown field', { ...valid, weight: 2 }, 'field (the top level): unknown field "weight"'],
    [
      'a lesson outside the course',
      { ...valid, lessons: ['05-linear-layer'] },
      'field lessons[0]: expected a lesson of the course (one of: 01-deep-learning-in-context, 02-perceptron, 03-xor-mlp), received "05-linear-layer"',
    ],
    [
      'an exercise of another lesson',
      { ...valid, exercises: ['two-layer-forward'] },
      'field exercises[0]: expected an exercise of the lessons 02-perceptron',
    ],
    ['an unknown exercise', { ...valid, exercises: ['no-such-thing'] }, 'received "no-such-thing"'],
    [
      'points for an exercise not in the assignment',
      { ...valid, exercises: ['and-gate-weights'], points: { 'or-gate-weights': 2 } },
      'field points: expected exercise ids of this assignment (and-gate-weights), received "or-gate-weights"',
    ],
    [
      'lessons without exercises',
      { ...valid, lessons: ['01-deep-learning-in-context'] },
      'field lessons: expected lessons with exercises',
    ],
  ])('refuses %s', (_name, data, message) => {
    expect(() => resolve(data)).toThrow(/Invalid assignment a1\.md/);
    expect(() => resolve(data)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message) as unknown }),
    );
  });
});
