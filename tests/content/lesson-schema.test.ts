import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/content/lesson-schema';
import { orderLessons, type LessonRecord } from '../../src/content/lesson-order';

const valid = {
  title: 'The perceptron',
  order: 2,
  summary: 'One neuron, one line.',
  objectives: ['Compute a perceptron output'],
  prerequisites: ['01-deep-learning-in-context'],
  minutes: 30,
};

describe('lesson frontmatter schema', () => {
  it('documents every field', () => {
    for (const [name, field] of Object.entries(lessonSchema.shape)) {
      expect(field.description, `field ${name}`).toMatch(/\w{3,}/);
    }
  });

  it.each([
    ['a complete lesson', valid],
    ['no prerequisites field (defaults to [])', { ...valid, prerequisites: undefined }],
    ['an explicit draft', { ...valid, draft: true }],
  ])('accepts %s', (_name, data) => {
    expect(lessonSchema.safeParse(data).success).toBe(true);
  });

  it('fills defaults', () => {
    const parsed = lessonSchema.parse({ ...valid, prerequisites: undefined });
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.draft).toBe(false);
  });

  it.each([
    ['a missing title', { ...valid, title: undefined }, 'title'],
    ['an empty title', { ...valid, title: '' }, 'title'],
    ['order as a string', { ...valid, order: '2' }, 'order'],
    ['a fractional order', { ...valid, order: 1.5 }, 'order'],
    ['order zero', { ...valid, order: 0 }, 'order'],
    ['no objectives', { ...valid, objectives: [] }, 'objectives'],
    ['objectives as a string', { ...valid, objectives: 'learn' }, 'objectives'],
    [
      'a prerequisite that is not a lesson id',
      { ...valid, prerequisites: ['perceptron'] },
      'prerequisites.0',
    ],
    ['minutes as text', { ...valid, minutes: 'thirty' }, 'minutes'],
    ['draft as a string', { ...valid, draft: 'yes' }, 'draft'],
    ['an unknown field', { ...valid, author: 'me' }, ''],
  ])('rejects %s', (_name, data, field) => {
    const result = lessonSchema.safeParse(data);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('cross-lesson checks', () => {
  const lesson = (id: string, order: number, prerequisites: string[] = []): LessonRecord => ({
    id,
    filePath: `content/lessons/${id}.mdx`,
    data: { ...valid, order, prerequisites, draft: false },
  });

  it('sorts lessons by order', () => {
    const sorted = orderLessons([
      lesson('03-c', 3),
      lesson('01-a', 1),
      lesson('02-b', 2, ['01-a']),
    ]);
    expect(sorted.map((l) => l.id)).toEqual(['01-a', '02-b', '03-c']);
  });

  it('names both files, the field and the value for a duplicate order', () => {
    expect(() => orderLessons([lesson('01-a', 1), lesson('02-b', 1)])).toThrow(
      'content/lessons/02-b.mdx: field "order" received 1, expected a number not used by another lesson (content/lessons/01-a.mdx already has order 1)',
    );
  });

  it('names the unknown prerequisite and lists the ids that exist', () => {
    expect(() => orderLessons([lesson('01-a', 1), lesson('02-b', 2, ['09-nope'])])).toThrow(
      'content/lessons/02-b.mdx: field "prerequisites" received "09-nope", expected the id of an existing lesson (one of: 01-a, 02-b)',
    );
  });

  it('rejects a lesson that requires itself', () => {
    expect(() => orderLessons([lesson('01-a', 1, ['01-a'])])).toThrow(/cannot be its own/);
  });

  it('reports every problem at once', () => {
    let message = '';
    try {
      orderLessons([lesson('01-a', 1, ['00-x']), lesson('02-b', 1)]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n  - ')).toHaveLength(3);
  });
});
